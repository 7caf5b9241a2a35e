import { mmc, mmcShareWithin } from './erlang';
import {
  erlangA,
  erlangAAbandonGivenWaitClosedForm,
  erlangAShareServedWithin,
  erlangAShareWithin,
  type ErlangAInput,
} from './erlang-a';
import { Rng } from './rng';

/** Stationary M/M/c+M by brute force: the birth–death chain truncated far in the tail. */
function birthDeath(q: ErlangAInput) {
  const mu = 1 / q.meanServiceTime;
  const theta = 1 / q.meanPatience;
  const c = q.servers;
  const p = [1];
  for (let n = 1; n < 20000; n++) {
    const death = n <= c ? n * mu : c * mu + (n - c) * theta;
    p.push((p[n - 1] * q.arrivalRate) / death);
    if (n > c && p[n] < 1e-300) break;
  }
  const total = p.reduce((a, b) => a + b, 0);
  let pWait = 0;
  let queue = 0;
  for (let n = c; n < p.length; n++) {
    pWait += p[n] / total;
    queue += ((n - c) * p[n]) / total;
  }
  return {
    pWait,
    pAbandon: (theta * queue) / q.arrivalRate, // abandonment rate / arrival rate
    meanWait: queue / q.arrivalRate, // Little
  };
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
