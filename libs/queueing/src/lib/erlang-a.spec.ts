import fc from 'fast-check';
import { erlangCAnswer, mmc, mmcShareWithin } from './erlang';
import {
  erlangA,
  erlangAAbandonGivenWaitClosedForm,
  erlangAAnswer,
  erlangAShareServedWithin,
  erlangAShareWithin,
  minServersServedWithinErlangA,
  type ErlangAInput,
} from './erlang-a';
import { QueueingInputError } from './errors';
import { Rng } from './rng';
import type { ErlangAAnswer, ErlangARequest } from './types';

/**
 * Stationary M/M/c+M by brute force: the birth–death chain of the number in the hall, π(n) ∝
 * Π λ/death(k) with death(k) = min(k, c)·μ + (k − c)⁺·θ, in logs (no overflow at a thousand
 * windows) and truncated where the terms have fallen e^40 below the largest and keep falling.
 * By PASTA an arrival finds n with probability π(n).
 */
function birthDeath(q: ErlangAInput) {
  const mu = 1 / q.meanServiceTime;
  const theta = 1 / q.meanPatience;
  const c = q.servers;
  const logP = [0];
  let top = 0;
  for (let n = 1; ; n++) {
    const death = n <= c ? n * mu : c * mu + (n - c) * theta;
    logP.push(logP[n - 1] + Math.log(q.arrivalRate / death));
    top = Math.max(top, logP[n]);
    if (n > c && death > q.arrivalRate && logP[n] < top - 40) break;
  }
  const p = logP.map((l) => Math.exp(l - top));
  const total = p.reduce((a, b) => a + b, 0);
  const pi = p.map((x) => x / total);
  let pWait = 0;
  let queue = 0;
  let busy = 0;
  pi.forEach((x, n) => {
    if (n >= c) {
      pWait += x;
      queue += (n - c) * x;
    }
    busy += Math.min(n, c) * x;
  });
  return {
    pi,
    pWait,
    pAbandon: (theta * queue) / q.arrivalRate, // abandonment rate / arrival rate
    meanWait: queue / q.arrivalRate, // Little
    utilisation: busy / q.servers, // busy windows / windows
  };
}

/**
 * P(served and W ≤ t) from the chain: an arrival finding n < c is called at once; one finding
 * j = n − c waiting ahead is called within t if the line ahead of it moves j + 1 times (each move at
 * rate cμ + iθ with i still ahead: a window frees or someone ahead gives up) before t and before its
 * own patience (rate θ) runs out. u_j(s) = P(called within s | j ahead) solves
 * u_j′ = (cμ + jθ)(u_{j−1} − u_j) − θ·u_j, u_{−1} = 1, u_j(0) = 0, integrated here by RK4.
 */
function servedWithinByChain(
  q: ErlangAInput,
  pi: readonly number[],
  t: number,
): number {
  const mu = 1 / q.meanServiceTime;
  const theta = 1 / q.meanPatience;
  const c = q.servers;
  let share = pi.slice(0, c).reduce((a, b) => a + b, 0);
  const k = Math.max(0, pi.length - c);
  if (k === 0 || t <= 0) return share;
  const rate = Array.from({ length: k }, (_, j) => c * mu + j * theta);
  const steps = Math.max(1000, Math.ceil((t * (rate[k - 1] + theta)) / 0.1));
  const h = t / steps;
  const u = new Float64Array(k);
  const d = [1, 2, 3, 4].map(() => new Float64Array(k));
  const tmp = new Float64Array(k);
  const f = (v: Float64Array, out: Float64Array) => {
    for (let j = 0; j < k; j++)
      out[j] = rate[j] * ((j ? v[j - 1] : 1) - v[j]) - theta * v[j];
  };
  for (let s = 0; s < steps; s++) {
    f(u, d[0]);
    for (let j = 0; j < k; j++) tmp[j] = u[j] + (h / 2) * d[0][j];
    f(tmp, d[1]);
    for (let j = 0; j < k; j++) tmp[j] = u[j] + (h / 2) * d[1][j];
    f(tmp, d[2]);
    for (let j = 0; j < k; j++) tmp[j] = u[j] + h * d[2][j];
    f(tmp, d[3]);
    for (let j = 0; j < k; j++)
      u[j] += (h / 6) * (d[0][j] + 2 * d[1][j] + 2 * d[2][j] + d[3][j]);
  }
  for (let j = 0; j < k; j++) share += pi[c + j] * u[j];
  return share;
}

/**
 * M/M/c+M by simulation, FIFO: a customer takes the earliest free server unless his patience runs
 * out first (abandoners never hold a server, so customers can be processed in arrival order).
 */
function simulateErlangA(
  q: ErlangAInput,
  customers: number,
  seed: number,
  t: number,
) {
  const rng = new Rng(seed, 0);
  const free = new Float64Array(q.servers); // free times of the servers (unsorted, c small)
  let now = 0;
  let served = 0;
  let abandoned = 0;
  let waitServed = 0;
  let within = 0;
  let servedWithin = 0;
  const warm = customers / 10;
  for (let i = 0; i < customers; i++) {
    now += rng.exponential() / q.arrivalRate;
    let k = 0;
    for (let j = 1; j < q.servers; j++) if (free[j] < free[k]) k = j;
    const start = now > free[k] ? now : free[k];
    const patience = rng.exponential() * q.meanPatience;
    const service = rng.exponential() * q.meanServiceTime;
    const offered = start - now;
    const counted = i >= warm;
    if (offered > patience) {
      if (counted) {
        abandoned++;
        if (patience <= t) within++;
      }
      continue;
    }
    free[k] = start + service;
    if (counted) {
      served++;
      waitServed += offered;
      if (offered <= t) {
        within++;
        servedWithin++;
      }
    }
  }
  const n = served + abandoned;
  return {
    pAbandon: abandoned / n,
    meanWaitServed: waitServed / served,
    shareWithin: within / n,
    shareServedWithin: servedWithin / n,
  };
}

const cases: ErlangAInput[] = [
  { arrivalRate: 1, meanServiceTime: 9, servers: 10, meanPatience: 5 },
  { arrivalRate: 2, meanServiceTime: 6, servers: 10, meanPatience: 10 }, // overloaded without abandonment
  { arrivalRate: 0.5, meanServiceTime: 15, servers: 8, meanPatience: 30 },
  { arrivalRate: 10, meanServiceTime: 4, servers: 38, meanPatience: 2 },
];

describe('Erlang A (M/M/c+M)', () => {
  it.each(cases)('agrees with the birth–death chain: %o', (q) => {
    const m = erlangA(q);
    const bd = birthDeath(q);
    expect(m.probabilityOfWaiting).toBeCloseTo(bd.pWait, 10);
    expect(m.probabilityOfAbandonment).toBeCloseTo(bd.pAbandon, 10);
    expect(m.meanWait).toBeCloseTo(bd.meanWait, 8);
    // the closed form of P(Ab | W > 0) and the series agree
    expect(
      erlangAAbandonGivenWaitClosedForm(q) * m.probabilityOfWaiting,
    ).toBeCloseTo(m.probabilityOfAbandonment, 9);
  });

  it.each(cases)(
    'P(W > t) integrates to E[W] and starts at P(W > 0): %o',
    (q) => {
      const m = erlangA(q);
      expect(1 - erlangAShareWithin(q, 0)).toBeCloseTo(
        m.probabilityOfWaiting,
        12,
      );
      // ∫ P(W > t) dt by Simpson's rule over [0, 40 patience]
      const T = 40 * q.meanPatience;
      const n = 4000;
      const h = T / n;
      let s = 0;
      for (let i = 0; i <= n; i++) {
        const w = i === 0 || i === n ? 1 : i % 2 ? 4 : 2;
        s += w * (1 - erlangAShareWithin(q, i * h));
      }
      expect((s * h) / 3).toBeCloseTo(m.meanWait, 6);
      // everyone who is served within t also has W ≤ t
      for (const t of [0.5, 2, 10]) {
        expect(erlangAShareServedWithin(q, t)).toBeLessThanOrEqual(
          erlangAShareWithin(q, t) + 1e-12,
        );
      }
      // served within ∞ = P(served)
      expect(erlangAShareServedWithin(q, 1e6)).toBeCloseTo(
        1 - m.probabilityOfAbandonment,
        9,
      );
    },
  );

  it.each(cases)('agrees with a simulation of 400,000 customers: %o', (q) => {
    const m = erlangA(q);
    const t = 1;
    const s = simulateErlangA(q, 400_000, 17, t);
    expect(Math.abs(s.pAbandon - m.probabilityOfAbandonment)).toBeLessThan(
      0.006,
    );
    expect(Math.abs(s.meanWaitServed - m.meanWaitServed)).toBeLessThan(
      0.03 * m.meanWaitServed + 0.01,
    );
    expect(Math.abs(s.shareWithin - erlangAShareWithin(q, t))).toBeLessThan(
      0.006,
    );
    expect(
      Math.abs(s.shareServedWithin - erlangAShareServedWithin(q, t)),
    ).toBeLessThan(0.006);
  });

  it('tends to Erlang C as patience grows', () => {
    const q = { arrivalRate: 0.7, meanServiceTime: 12, servers: 10 };
    const c = mmc(q);
    const a = erlangA({ ...q, meanPatience: 1e7 });
    expect(a.probabilityOfWaiting).toBeCloseTo(c.probabilityOfWaiting, 4);
    expect(a.meanWaitServed).toBeCloseTo(c.meanWait, 3);
    expect(a.meanWait).toBeCloseTo(c.meanWait, 3);
    expect(erlangAShareWithin({ ...q, meanPatience: 1e7 }, 15)).toBeCloseTo(
      mmcShareWithin(q, 15),
      4,
    );
    expect(a.probabilityOfAbandonment).toBeLessThan(1e-5);
  });

  it('impatience shortens the queue: more abandonment, shorter waits of the served', () => {
    const base = { arrivalRate: 1, meanServiceTime: 9.5, servers: 10 };
    const patient = erlangA({ ...base, meanPatience: 60 });
    const impatient = erlangA({ ...base, meanPatience: 3 });
    expect(impatient.probabilityOfAbandonment).toBeGreaterThan(
      patient.probabilityOfAbandonment,
    );
    expect(impatient.meanWaitServed).toBeLessThan(patient.meanWaitServed);
    expect(impatient.occupancy).toBeLessThan(patient.occupancy);
  });
});

/** λ = 2 per minute, 10-minute service, 5-minute mean patience, 18 windows: 20 erlangs offered. */
const published = {
  arrivalsPerHour: 120,
  meanServiceMinutes: 10,
  meanPatienceMinutes: 5,
  target: { waitMinutes: 1, share: 0.8 },
  windows: 18,
};
const asInput = (r: typeof published, servers = r.windows): ErlangAInput => ({
  arrivalRate: r.arrivalsPerHour / 60,
  meanServiceTime: r.meanServiceMinutes,
  meanPatience: r.meanPatienceMinutes,
  servers,
});

/** Every figure of the answer against the chain, to 1e-6. */
function expectChainFigures(a: ErlangAAnswer, q: ErlangAInput, t: number) {
  const bd = birthDeath(q);
  const close = (x: number, y: number) =>
    expect(Math.abs(x - y)).toBeLessThan(1e-6);
  close(a.abandonedShare, bd.pAbandon);
  close(a.probabilityOfWaiting, bd.pWait);
  close(a.meanWaitMinutes, bd.meanWait);
  close(a.utilisation, bd.utilisation);
  close(a.shareWithinTarget, servedWithinByChain(q, bd.pi, t));
}

describe('erlangAAnswer (POST /planning/erlang-a)', () => {
  it('λ = 2/min, 10-min service, 5-min patience, 18 windows: P(abandon) ≈ 0.162, every figure as the chain gives it', () => {
    const a = erlangAAnswer(published);
    expect(a.abandonedShare).toBeCloseTo(0.162, 3);
    expect(
      Math.abs(a.abandonedShare - birthDeath(asInput(published)).pAbandon),
    ).toBeLessThan(1e-6);
    expectChainFigures(a, asInput(published), published.target.waitMinutes);
    // carried load ÷ windows: the 20 erlangs offered less those who give up
    expect(a.utilisation).toBeCloseTo((20 * (1 - a.abandonedShare)) / 18, 12);
    // people who give up are misses: called within 1 min is below P(W ≤ 1 min), which counts
    // those who left within the minute as within it
    expect(a.shareWithinTarget).toBeLessThan(
      erlangAShareWithin(asInput(published), 1) - 0.05,
    );
  });

  it('answers at windowsRequired when no windows are given, at the given windows otherwise', () => {
    const { windows, ...noWindows } = published;
    const required = erlangAAnswer(noWindows);
    expect(required.windowsRequired).toBe(22);
    expect(required.shareWithinTarget).toBeGreaterThanOrEqual(0.8);
    expectChainFigures(required, asInput(published, 22), 1);
    const at18 = erlangAAnswer(published);
    expect(at18.windowsRequired).toBe(22);
    expect(at18.shareWithinTarget).toBeLessThan(0.8);
    expect(erlangAAnswer({ ...published, windows: 22 })).toEqual(required);
    expect(windows).toBe(18);
  });

  it.each(cases)(
    'every figure agrees with the chain at several targets: %o',
    (q) => {
      for (const waitMinutes of [0, 0.5, 2, 15]) {
        const a = erlangAAnswer({
          arrivalsPerHour: q.arrivalRate * 60,
          meanServiceMinutes: q.meanServiceTime,
          meanPatienceMinutes: q.meanPatience,
          target: { waitMinutes, share: 0.8 },
          windows: q.servers,
        });
        expectChainFigures(a, q, waitMinutes);
      }
    },
  );

  it('the search returns the smallest c: c meets the target, c − 1 does not, a walk from 1 agrees', () => {
    for (const q of cases)
      for (const waitMinutes of [0, 1, 10])
        for (const share of [0.2, 0.5, 0.8, 0.95]) {
          const load = {
            arrivalRate: q.arrivalRate,
            meanServiceTime: q.meanServiceTime,
            meanPatience: q.meanPatience,
          };
          const c = minServersServedWithinErlangA({
            ...load,
            waitTime: waitMinutes,
            share,
          });
          const at = (servers: number) =>
            erlangAShareServedWithin({ ...load, servers }, waitMinutes);
          expect(at(c)).toBeGreaterThanOrEqual(share);
          if (c > 1) expect(at(c - 1)).toBeLessThan(share);
          let walk = 1;
          while (at(walk) < share) walk++;
          expect({ q, waitMinutes, share, c }).toEqual({
            q,
            waitMinutes,
            share,
            c: walk,
          });
        }
  });

  it('stable at a thousand windows: finite, in [0, 1], monotone in c, and the chain agrees', () => {
    // 100 arrivals a minute of 10 minutes: 1,000 erlangs
    for (const meanPatience of [5, 20]) {
      const load = { arrivalRate: 100, meanServiceTime: 10, meanPatience };
      let prev: ReturnType<typeof erlangA> | undefined;
      let prevShare = -1;
      for (let servers = 1; servers <= 1100; servers++) {
        const m = erlangA({ ...load, servers });
        const share = erlangAShareServedWithin({ ...load, servers }, 1);
        for (const v of [
          m.probabilityOfWaiting,
          m.probabilityOfAbandonment,
          m.occupancy,
          share,
        ]) {
          expect(Number.isFinite(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
        expect(Number.isFinite(m.meanWait)).toBe(true);
        expect(share + m.probabilityOfAbandonment).toBeLessThanOrEqual(
          1 + 1e-12,
        );
        if (prev) {
          expect(m.probabilityOfAbandonment).toBeLessThan(
            prev.probabilityOfAbandonment,
          );
          expect(m.probabilityOfWaiting).toBeLessThanOrEqual(
            prev.probabilityOfWaiting,
          );
          expect(m.meanWait).toBeLessThan(prev.meanWait);
          expect(share).toBeGreaterThanOrEqual(prevShare - 1e-12);
        }
        prev = m;
        prevShare = share;
      }
      const q = { ...load, servers: 1000 };
      const a = erlangAAnswer({
        arrivalsPerHour: 6000,
        meanServiceMinutes: 10,
        meanPatienceMinutes: meanPatience,
        target: { waitMinutes: 1, share: 0.9 },
        windows: 1000,
      });
      expectChainFigures(a, q, 1);
      expect(a.windowsRequired).toBeGreaterThan(900);
      expect(a.windowsRequired).toBeLessThan(1100);
    }
  });

  it('share called within t grows with the windows, whether patience is shorter or longer than service', () => {
    for (const q of [...cases, asInput(published)])
      for (const t of [0, 0.5, 3, 30]) {
        let prev = -1;
        const a = q.arrivalRate * q.meanServiceTime;
        for (let servers = 1; servers <= 3 * a + 10; servers++) {
          const share = erlangAShareServedWithin({ ...q, servers }, t);
          expect(share).toBeGreaterThanOrEqual(prev - 1e-12);
          prev = share;
        }
      }
  });

  it('for any valid request: figures finite and in range, called + gave up ≤ all, utilisation ≤ 1, the smallest c', () => {
    const logUniform = (lo: number, hi: number) =>
      fc
        .double({ min: Math.log(lo), max: Math.log(hi), noNaN: true })
        .map(Math.exp);
    fc.assert(
      fc.property(
        logUniform(0.1, 1e5),
        logUniform(0.2, 240),
        logUniform(0.05, 1440),
        fc.double({ min: 0, max: 120, noNaN: true }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.option(fc.integer({ min: 1, max: 3000 }), { nil: undefined }),
        (
          arrivalsPerHour,
          meanServiceMinutes,
          meanPatienceMinutes,
          waitMinutes,
          share,
          windows,
        ) => {
          fc.pre((arrivalsPerHour * meanServiceMinutes) / 60 <= 2000);
          const a = erlangAAnswer({
            arrivalsPerHour,
            meanServiceMinutes,
            meanPatienceMinutes,
            target: { waitMinutes, share },
            windows,
          });
          for (const v of [
            a.probabilityOfWaiting,
            a.abandonedShare,
            a.shareWithinTarget,
            a.utilisation,
          ]) {
            expect(Number.isFinite(v)).toBe(true);
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(1);
          }
          expect(a.meanWaitMinutes).toBeGreaterThanOrEqual(0);
          expect(a.meanWaitMinutes).toBeLessThanOrEqual(meanPatienceMinutes);
          expect(a.shareWithinTarget + a.abandonedShare).toBeLessThanOrEqual(
            1 + 1e-12,
          );
          const load = {
            arrivalRate: arrivalsPerHour / 60,
            meanServiceTime: meanServiceMinutes,
            meanPatience: meanPatienceMinutes,
          };
          const at = (servers: number) =>
            erlangAShareServedWithin({ ...load, servers }, waitMinutes);
          expect(at(a.windowsRequired)).toBeGreaterThanOrEqual(share);
          if (a.windowsRequired > 1)
            expect(at(a.windowsRequired - 1)).toBeLessThan(share);
        },
      ),
      { numRuns: 300, seed: 20201 },
    );
  });

  it('answers at the limits of the request checks: finite, in range, the target met', () => {
    const top = { arrivalsPerHour: 1_000_000, meanServiceMinutes: 3 }; // 50,000 erlangs
    const requests: ErlangARequest[] = [
      {
        ...top,
        meanPatienceMinutes: 1440,
        target: { waitMinutes: 0, share: 0.999999 },
      },
      {
        ...top,
        meanPatienceMinutes: 1440,
        target: { waitMinutes: 1440, share: 0.5 },
        windows: 1,
      },
      {
        ...top,
        meanPatienceMinutes: 1440,
        target: { waitMinutes: 15, share: 0.8 },
        windows: 100_000,
      },
      {
        ...top,
        meanPatienceMinutes: 1e-6,
        target: { waitMinutes: 15, share: 0.8 },
      },
      {
        arrivalsPerHour: 2000,
        meanServiceMinutes: 1440,
        meanPatienceMinutes: 1440,
        target: { waitMinutes: 1440, share: 0.99 },
      },
      {
        arrivalsPerHour: 1e-9,
        meanServiceMinutes: 1e-9,
        meanPatienceMinutes: 1e-9,
        target: { waitMinutes: 0, share: 0.5 },
      },
    ];
    for (const r of requests) {
      const a = erlangAAnswer(r);
      for (const v of [
        a.probabilityOfWaiting,
        a.abandonedShare,
        a.shareWithinTarget,
        a.utilisation,
      ]) {
        expect(Number.isFinite(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
      expect(a.meanWaitMinutes).toBeLessThanOrEqual(r.meanPatienceMinutes);
      expect(a.shareWithinTarget + a.abandonedShare).toBeLessThanOrEqual(
        1 + 1e-12,
      );
      const required =
        r.windows === undefined
          ? a
          : erlangAAnswer({ ...r, windows: a.windowsRequired });
      expect(required.shareWithinTarget).toBeGreaterThanOrEqual(r.target.share);
    }
  });

  it('with very long patience it sizes like Erlang C', () => {
    const erlangC = erlangCAnswer({
      arrivalsPerHour: 200,
      meanServiceMinutes: 3,
      target: { waitMinutes: 20 / 60, share: 0.8 },
    });
    const a = erlangAAnswer({
      arrivalsPerHour: 200,
      meanServiceMinutes: 3,
      meanPatienceMinutes: 1440,
      target: { waitMinutes: 20 / 60, share: 0.8 },
    });
    expect(a.windowsRequired).toBe(erlangC.windowsRequired);
    expect(a.shareWithinTarget).toBeCloseTo(erlangC.shareWithinTarget, 2);
    expect(a.probabilityOfWaiting).toBeCloseTo(erlangC.probabilityOfWaiting, 2);
  });

  it('refuses a target it cannot search for with a QueueingInputError', () => {
    const load = { arrivalRate: 1, meanServiceTime: 5, meanPatience: 5 };
    expect(() =>
      minServersServedWithinErlangA({ ...load, waitTime: 1, share: 1 }),
    ).toThrow(QueueingInputError);
    expect(() =>
      minServersServedWithinErlangA({ ...load, waitTime: -1, share: 0.8 }),
    ).toThrow(QueueingInputError);
  });
});
