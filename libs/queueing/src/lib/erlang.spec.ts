import {
  erlangB,
  erlangC,
  erlangCAnswer,
  minServersForMeanWait,
  minServersForProbabilityOfWaiting,
  minServersForShareWithin,
  mmc,
  mmcOccupancy,
  mmcShareWithin,
  mmcWaitQuantile,
} from './erlang';
import { QueueingInputError } from './errors';
import { lnGamma } from './special';

/** Erlang B in log space from the textbook sum, an independent route: B = (a^c/c!) / Σ_k a^k/k!. */
function erlangBLogSum(c: number, a: number): number {
  const logTerm = (k: number) => k * Math.log(a) - lnGamma(k + 1);
  let max = -Infinity;
  for (let k = 0; k <= c; k++) max = Math.max(max, logTerm(k));
  let sum = 0;
  for (let k = 0; k <= c; k++) sum += Math.exp(logTerm(k) - max);
  return Math.exp(logTerm(c) - max) / sum;
}

/** Offered load at which c lines block with probability b (bisection on erlangB). */
function loadAtBlocking(c: number, b: number): number {
  let lo = 0;
  let hi = 3 * c + 10;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (erlangB(c, mid) < b) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

describe('Erlang C against the published call-centre example', () => {
  // 100 calls per 30 minutes, 180 s handling, target 20 s, 14 agents (seconds as the unit)
  const q = { arrivalRate: 100 / 1800, meanServiceTime: 180, servers: 14 };

  it('gives P(wait) 0.17413, service level 0.88835 and occupancy 0.7143', () => {
    const m = mmc(q);
    expect(m.offeredLoad).toBeCloseTo(10, 12);
    expect(m.probabilityOfWaiting).toBeCloseTo(0.17413, 5);
    expect(mmcShareWithin(q, 20)).toBeCloseTo(0.88835, 5);
    expect(m.occupancy).toBeCloseTo(0.7143, 4);
    expect(mmcOccupancy(q)).toBeCloseTo(0.7143, 4);
    // mean wait = C·s/(c − a) = 0.17413·180/4
    expect(m.meanWait).toBeCloseTo((0.174131934 * 180) / 4, 4);
  });

  it('needs 14 agents for 80 % within 20 s, 13 are not enough', () => {
    const load = { arrivalRate: 100 / 1800, meanServiceTime: 180 };
    expect(
      minServersForShareWithin({ ...load, waitTime: 20, share: 0.8 }),
    ).toBe(14);
    expect(mmcShareWithin({ ...load, servers: 13 }, 20)).toBeLessThan(0.8);
  });
});

describe('Erlang B against the trunk table', () => {
  // carried load (erlangs) at which N lines block 1 %, 5 %, 0.1 % of calls (standard Erlang B table)
  const table: [number, number, number][] = [
    [15, 0.01, 8.108],
    [1, 0.01, 0.0101],
    [2, 0.01, 0.153],
    [5, 0.01, 1.361],
    [10, 0.01, 4.461],
    [20, 0.01, 12.031],
    [30, 0.01, 20.337],
    [50, 0.01, 37.901],
    [100, 0.01, 84.064],
    [5, 0.05, 2.219],
    [10, 0.05, 6.216],
    [10, 0.001, 3.092],
  ];
  it.each(table)(
    '%i lines at %f blocking carry %f erlangs',
    (lines, blocking, load) => {
      // the table rounds the load to 3 significant decimals
      expect(Math.abs(loadAtBlocking(lines, blocking) - load)).toBeLessThan(
        6e-4 * Math.max(1, load / 10),
      );
    },
  );

  it('15 lines offered 8.108 erlangs block 1.0000 %', () => {
    expect(erlangB(15, 8.108)).toBeCloseTo(0.01, 4);
  });

  it('B(0) = 1, B = 0 without load, and B falls with every line added', () => {
    expect(erlangB(0, 3)).toBe(1);
    expect(erlangB(4, 0)).toBe(0);
    let prev = 1;
    for (let c = 1; c < 60; c++) {
      const b = erlangB(c, 20);
      expect(b).toBeLessThan(prev);
      prev = b;
    }
  });
});

describe('stability for large systems', () => {
  it('agrees with the log-space sum for c up to 5,000 and stays finite', () => {
    for (const [c, a] of [
      [100, 95],
      [1000, 950],
      [5000, 4900],
      [5000, 4999.5],
      [5000, 2000],
      [5000, 6000],
    ]) {
      const b = erlangB(c, a);
      expect(Number.isFinite(b)).toBe(true);
      expect(Math.abs(b - erlangBLogSum(c, a))).toBeLessThan(1e-12 + 1e-9 * b);
    }
    const c5000 = erlangC(5000, 4900);
    expect(c5000).toBeGreaterThan(0);
    expect(c5000).toBeLessThan(1);
    expect(erlangC(5000, 5000)).toBe(1);
    expect(erlangC(5000, 1e6)).toBe(1);
  });

  it('C matches its definition C = B / (1 − ρ(1 − B)) and lies between B and 1', () => {
    for (const [c, a] of [
      [3, 2.5],
      [14, 10],
      [200, 190],
      [5000, 4990],
    ]) {
      const b = erlangB(c, a);
      const cc = erlangC(c, a);
      expect(cc).toBeCloseTo(b / (1 - (a / c) * (1 - b)), 12);
      expect(cc).toBeGreaterThanOrEqual(b);
      expect(cc).toBeLessThanOrEqual(1);
    }
  });

  it('sizes a 4,000-erlang system: the answer meets the target, one fewer does not', () => {
    const load = { arrivalRate: 4000, meanServiceTime: 1 };
    const c = minServersForShareWithin({ ...load, waitTime: 0.01, share: 0.9 });
    expect(c).toBeGreaterThan(4000);
    expect(c).toBeLessThan(4200);
    expect(
      mmcShareWithin({ ...load, servers: c }, 0.01),
    ).toBeGreaterThanOrEqual(0.9);
    expect(mmcShareWithin({ ...load, servers: c - 1 }, 0.01)).toBeLessThan(0.9);
  });
});

describe('M/M/c figures', () => {
  const q = { arrivalRate: 0.7, meanServiceTime: 12, servers: 10 };

  it('λ = 0.7/min, 12 min, 10 windows: mean wait 3.782, P(wait) 0.504, 93.2 % within 15 min', () => {
    const m = mmc(q);
    expect(m.meanWait).toBeCloseTo(3.782, 3);
    expect(m.probabilityOfWaiting).toBeCloseTo(0.504, 3);
    expect(mmcShareWithin(q, 15)).toBeCloseTo(0.932, 3);
    expect(m.occupancy).toBeCloseTo(0.84, 12);
    expect(m.meanQueueLength).toBeCloseTo(0.7 * m.meanWait, 12);
  });

  it('wait quantiles invert the share within t', () => {
    const pw = mmc(q).probabilityOfWaiting;
    expect(mmcWaitQuantile(q, 0.4)).toBe(0); // 1 − C ≈ 0.496 are served at once
    for (const p of [0.5, 0.8, 0.9, 0.95, 0.99]) {
      expect(p).toBeGreaterThan(1 - pw); // every p here lies in the waiting part
      const t = mmcWaitQuantile(q, p);
      expect(mmcShareWithin(q, t)).toBeCloseTo(p, 12);
    }
  });

  it('an overloaded system has no steady state', () => {
    const m = mmc({ arrivalRate: 1, meanServiceTime: 12, servers: 10 });
    expect(m.stable).toBe(false);
    expect(m.meanWait).toBe(Infinity);
    expect(m.probabilityOfWaiting).toBe(1);
    expect(
      mmcShareWithin({ arrivalRate: 1, meanServiceTime: 12, servers: 10 }, 15),
    ).toBe(0);
  });

  it('sizing by mean wait and by probability of waiting gives the smallest count', () => {
    const load = { arrivalRate: 0.7, meanServiceTime: 12 };
    const byMean = minServersForMeanWait({ ...load, meanWait: 2 });
    expect(mmc({ ...load, servers: byMean }).meanWait).toBeLessThanOrEqual(2);
    expect(mmc({ ...load, servers: byMean - 1 }).meanWait).toBeGreaterThan(2);
    const byProb = minServersForProbabilityOfWaiting({
      ...load,
      probability: 0.2,
    });
    expect(
      mmc({ ...load, servers: byProb }).probabilityOfWaiting,
    ).toBeLessThanOrEqual(0.2);
    expect(
      mmc({ ...load, servers: byProb - 1 }).probabilityOfWaiting,
    ).toBeGreaterThan(0.2);
  });

  it('rejects impossible input with a QueueingInputError', () => {
    expect(() =>
      mmc({ arrivalRate: 1, meanServiceTime: 0, servers: 2 }),
    ).toThrow(QueueingInputError);
    expect(() => erlangB(1.5, 1)).toThrow(QueueingInputError);
    expect(() => erlangB(2, -1)).toThrow(QueueingInputError);
  });
});

describe('erlangCAnswer (POST /planning/erlang-c)', () => {
  it('answers at windowsRequired when no windows are given', () => {
    const a = erlangCAnswer({
      arrivalsPerHour: 200,
      meanServiceMinutes: 3,
      target: { waitMinutes: 20 / 60, share: 0.8 },
    });
    expect(a.windowsRequired).toBe(14);
    expect(a.probabilityOfWaiting).toBeCloseTo(0.17413, 5);
    expect(a.shareWithinTarget).toBeCloseTo(0.88835, 5);
    expect(a.utilisation).toBeCloseTo(0.7143, 4);
    expect(a.meanWaitMinutes).toBeCloseTo((0.174131934 * 3) / 4, 5);
  });

  it('answers at the given windows, with null mean wait when they cannot keep up', () => {
    const at12 = erlangCAnswer({
      arrivalsPerHour: 200,
      meanServiceMinutes: 3,
      target: { waitMinutes: 1 / 3, share: 0.8 },
      windows: 12,
    });
    expect(at12.windowsRequired).toBe(14);
    expect(at12.shareWithinTarget).toBeLessThan(0.8);
    expect(at12.utilisation).toBeCloseTo(10 / 12, 12);
    const at9 = erlangCAnswer({
      arrivalsPerHour: 200,
      meanServiceMinutes: 3,
      target: { waitMinutes: 1 / 3, share: 0.8 },
      windows: 9,
    });
    expect(at9).toMatchObject({
      probabilityOfWaiting: 1,
      meanWaitMinutes: null,
      shareWithinTarget: 0,
      utilisation: 1,
    });
  });
});
