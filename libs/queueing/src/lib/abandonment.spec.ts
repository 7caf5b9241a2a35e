import { generateDays } from './customers';
import {
  erlangA,
  erlangAAnswer,
  erlangAShareWithin,
  type ErlangAInput,
} from './erlang-a';
import { compileScenario } from './model';
import { simulate } from './simulate';
import type { Figure, PatienceSpec, Scenario, ServiceSpec } from './types';

const inside = (f: Figure, v: number) => f.ci95[0] <= v && v <= f.ci95[1];
const exponential = (meanMinutes: number) => ({
  distribution: 'exponential' as const,
  meanMinutes,
});

describe('simulate agrees with Erlang A for a stationary M/M/c+M', () => {
  // λ = 2/min (120/h), exponential handling 10 min (a = 20 erlangs), exponential patience 5 min,
  // 18 windows: without people giving up this hall would never catch up; with them
  // P(Ab) = 0.1619, P(W > 0) = 0.6024, called within 2 min 0.7237, E[W] = 0.8095 min.
  // A 24-hour stationary day, the first 4 hours left out (the empty start), 200 days: about
  // 500,000 customers, so the exact values sit well inside the 95 % intervals (each about ±1 %).
  const q: ErlangAInput = {
    arrivalRate: 2,
    meanServiceTime: 10,
    meanPatience: 5,
    servers: 18,
  };
  const exact = erlangAAnswer({
    arrivalsPerHour: 120,
    meanServiceMinutes: 10,
    meanPatienceMinutes: 5,
    target: { waitMinutes: 2, share: 0.8 },
    windows: 18,
  });
  const scenario: Scenario = {
    open: '00:00',
    close: '24:00',
    arrivalsPerDay: 2 * 1440,
    profile: [{ start: '00:00', end: '24:00', share: 1 }],
    categories: [
      {
        code: 'A',
        share: 1,
        service: exponential(10),
        patience: exponential(5),
      },
    ],
    target: { waitMinutes: 2, share: 0.8 },
  };
  const r = simulate(
    scenario,
    { kind: 'comprehensive', windows: 18 },
    { replications: 200, seed: 2024, warmUpMinutes: 240 },
  );

  it('the exact figures lie inside the 95 % confidence intervals', () => {
    expect(exact.abandonedShare).toBeCloseTo(0.1619, 4);
    expect(inside(r.overall.abandonedShare, exact.abandonedShare)).toBe(true);
    expect(inside(r.overall.shareWithinTarget, exact.shareWithinTarget)).toBe(
      true,
    );
    expect(inside(r.overall.meanWaitMinutes, exact.meanWaitMinutes)).toBe(true);
    expect(inside(r.overall.shareWaiting, exact.probabilityOfWaiting)).toBe(
      true,
    );
    // utilisation counts only the people served: λ(1 − P(Ab))·(mean service)/c
    expect(inside(r.overall.utilisation, exact.utilisation)).toBe(true);
  });

  it('and the definitions are the ones that matter: the other readings lie outside', () => {
    // counting people who left within 2 minutes as "within" would give P(W ≤ 2)
    expect(inside(r.overall.shareWithinTarget, erlangAShareWithin(q, 2))).toBe(
      false,
    );
    // leaving the leavers' waits out would give E[W | served]
    expect(inside(r.overall.meanWaitMinutes, erlangA(q).meanWaitServed)).toBe(
      false,
    );
    // utilisation as if everybody were served would be the offered 20/18 > 1
    expect(r.overall.utilisation.ci95[1]).toBeLessThan(0.94);
  });

  it('the intervals are narrow enough to mean something', () => {
    const width = (f: Figure) => f.ci95[1] - f.ci95[0];
    expect(width(r.overall.abandonedShare)).toBeLessThan(0.01);
    expect(width(r.overall.shareWithinTarget)).toBeLessThan(0.015);
    expect(width(r.overall.meanWaitMinutes)).toBeLessThan(0.05 * 0.81);
  });
});

/** Two categories, 300 a day over 8 hours; only B may have a patience. */
function twoCategories(patienceOfB?: PatienceSpec): Scenario {
  const service: ServiceSpec = {
    distribution: 'lognormal',
    meanMinutes: 12,
    cv: 0.7,
  };
  return {
    open: '09:00',
    close: '17:00',
    arrivalsPerDay: 300,
    profile: [
      { start: '09:00', end: '13:00', share: 0.6 },
      { start: '13:00', end: '17:00', share: 0.4 },
    ],
    categories: [
      { code: 'A', share: 0.5, service },
      { code: 'B', share: 0.5, service, patience: patienceOfB },
    ],
    target: { waitMinutes: 10, share: 0.8 },
  };
}

describe('patience in the simulated day', () => {
  it('comes from its own random stream: arrivals and handling times do not change', () => {
    const without = generateDays(compileScenario(twoCategories()), 5, 42);
    const withP = generateDays(
      compileScenario(twoCategories(exponential(6))),
      5,
      42,
    );
    expect(withP.count).toBe(without.count);
    expect(withP.offsets).toEqual(without.offsets);
    const n = without.count;
    expect(withP.arrival.subarray(0, n)).toEqual(
      without.arrival.subarray(0, n),
    );
    expect(withP.service.subarray(0, n)).toEqual(
      without.service.subarray(0, n),
    );
    expect(withP.category.subarray(0, n)).toEqual(
      without.category.subarray(0, n),
    );
    // B's customers have a finite patience, A's never give up
    expect(Array.from(without.patience).every((p) => p === Infinity)).toBe(
      true,
    );
    for (let j = 0; j < n; j++) {
      expect(Number.isFinite(withP.patience[j])).toBe(withP.category[j] === 1);
    }
    expect(Array.from(withP.mayLeave)).toEqual([0, 1]);
  });

  it('a pool where nobody may give up is untouched by patience elsewhere (department)', () => {
    const layout = { kind: 'department' as const, windows: { A: 4, B: 4 } };
    const opts = { replications: 20, seed: 8 };
    const a = simulate(twoCategories(), layout, opts);
    const b = simulate(twoCategories(exponential(6)), layout, opts);
    expect(b.byCategory[0]).toEqual(a.byCategory[0]);
    expect(b.byCategory[0].abandonedShare).toEqual({ mean: 0, ci95: [0, 0] });
    // B: people give up, which shortens the waits of those behind them
    expect(b.byCategory[1].abandonedShare.mean).toBeGreaterThan(0.05);
    expect(b.byCategory[1].meanWaitMinutes.mean).toBeLessThan(
      a.byCategory[1].meanWaitMinutes.mean,
    );
    expect(b.overall.utilisation.mean).toBeLessThan(a.overall.utilisation.mean);
  });

  it('abandoned shares by category and interval add up to the overall one', () => {
    const r = simulate(
      twoCategories(exponential(6)),
      { kind: 'comprehensive', windows: 7 },
      { replications: 30, seed: 3 },
    );
    const customers = (f: { customers: Figure }) => f.customers.mean;
    const total = r.byCategory.reduce((s, c) => s + customers(c), 0);
    // replication means of ratios: the weighted sum matches up to the day-to-day spread of sizes
    const byCat = r.byCategory.reduce(
      (s, c) => s + c.abandonedShare.mean * customers(c),
      0,
    );
    const byItv = r.byInterval.reduce(
      (s, c) => s + c.abandonedShare.mean * customers(c),
      0,
    );
    expect(byCat / total).toBeCloseTo(r.overall.abandonedShare.mean, 2);
    expect(byItv / total).toBeCloseTo(r.overall.abandonedShare.mean, 2);
    expect(r.byCategory[0].abandonedShare.mean).toBe(0);
    expect(r.overall.abandonedShare.mean).toBeGreaterThan(0.02);
    // leavers are misses: within + gave up ≤ 1 in every view
    for (const f of [r.overall, ...r.byCategory, ...r.byInterval]) {
      expect(f.shareWithinTarget.mean + f.abandonedShare.mean).toBeLessThan(
        1 + 1e-12,
      );
    }
  });

  it('lognormal and empirical patience: shorter patience, more people give up', () => {
    const layout = { kind: 'comprehensive' as const, windows: 7 };
    const opts = { replications: 20, seed: 5 };
    const share = (p: PatienceSpec) =>
      simulate(twoCategories(p), layout, opts).overall.abandonedShare.mean;
    const long = share({ distribution: 'lognormal', meanMinutes: 30, cv: 0.5 });
    const short = share({ distribution: 'lognormal', meanMinutes: 5, cv: 0.5 });
    expect(short).toBeGreaterThan(long);
    // empirical samples of 0: everyone of B who would have to wait leaves at once
    const balk = simulate(
      twoCategories({ distribution: 'empirical', samples: [0] }),
      layout,
      opts,
    );
    expect(balk.byCategory[1].meanWaitMinutes.mean).toBe(0);
    expect(balk.byCategory[1].abandonedShare.mean).toBeGreaterThan(short);
  });
});
