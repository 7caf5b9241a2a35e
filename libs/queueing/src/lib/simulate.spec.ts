import fc from 'fast-check';
import { mmc, mmcShareWithin } from './erlang';
import { QueueingInputError } from './errors';
import { simulate } from './simulate';
import { hallDay } from '../testing/hall-day';
import type { Figure, Scenario } from './types';

const inside = (f: Figure, v: number) => f.ci95[0] <= v && v <= f.ci95[1];

/** λ = 0.7/min over one long interval: the whole day is one stationary M/M/c stretch. */
const stationary = (
  service: Scenario['categories'][number]['service'],
): Scenario => ({
  open: '00:00',
  close: '24:00',
  arrivalsPerDay: 0.7 * 1440,
  profile: [{ start: '00:00', end: '24:00', share: 1 }],
  categories: [{ code: 'A', share: 1, service }],
  target: { waitMinutes: 15, share: 0.8 },
});

describe('simulate agrees with Erlang C for a stationary M/M/c', () => {
  // λ = 0.7/min, 12 min exponential, 10 windows: Wq 3.782, P(wait) 0.504, P(Wq ≤ 15) 0.932, ρ 0.84
  const q = { arrivalRate: 0.7, meanServiceTime: 12, servers: 10 };
  const r = simulate(
    stationary({ distribution: 'exponential', meanMinutes: 12 }),
    { kind: 'comprehensive', windows: 10 },
    { replications: 300, seed: 2024, warmUpMinutes: 240 },
  );

  it('the exact figures lie inside the 95 % confidence intervals', () => {
    expect(mmc(q).meanWait).toBeCloseTo(3.782, 3);
    expect(inside(r.overall.meanWaitMinutes, mmc(q).meanWait)).toBe(true);
    expect(inside(r.overall.shareWaiting, mmc(q).probabilityOfWaiting)).toBe(
      true,
    );
    expect(inside(r.overall.shareWithinTarget, mmcShareWithin(q, 15))).toBe(
      true,
    );
    expect(inside(r.overall.utilisation, 0.84)).toBe(true);
  });

  it('the intervals are narrow enough to mean something', () => {
    const width = (f: Figure) => f.ci95[1] - f.ci95[0];
    expect(width(r.overall.meanWaitMinutes)).toBeLessThan(0.1 * 3.782 * 2);
    expect(width(r.overall.shareWaiting)).toBeLessThan(0.03);
    expect(width(r.overall.utilisation)).toBeLessThan(0.01);
  });

  it('the daily 90th percentile is near the stationary one', () => {
    // P(Wq > t) = C e^{−(cμ−λ)t} → t90 = ln(C/0.1)/(cμ − λ) = 12.13 min. A mean of daily quantiles
    // is not the quantile of the pooled waits (busy days have long tails), hence only 10 %.
    const p90 = Math.log(mmc(q).probabilityOfWaiting / 0.1) / (10 / 12 - 0.7);
    expect(Math.abs(r.overall.p90WaitMinutes.mean / p90 - 1)).toBeLessThan(0.1);
    expect(r.overall.p50WaitMinutes.mean).toBeLessThan(
      r.overall.p90WaitMinutes.mean,
    );
    expect(r.overall.p90WaitMinutes.mean).toBeLessThan(
      r.overall.p95WaitMinutes.mean,
    );
  });

  it('without a warm-up the empty start lowers the waits (it matters)', () => {
    const cold = simulate(
      stationary({ distribution: 'exponential', meanMinutes: 12 }),
      { kind: 'comprehensive', windows: 10 },
      { replications: 300, seed: 2024 },
    );
    expect(cold.overall.meanWaitMinutes.mean).toBeLessThan(
      r.overall.meanWaitMinutes.mean,
    );
  });
});

describe('simulate on a hall day', () => {
  const day = hallDay(1200);

  it('returns the contract shape with consistent figures', () => {
    const r = simulate(
      day,
      { kind: 'comprehensive', windows: 20 },
      { replications: 10, seed: 1 },
    );
    expect(r.replications).toBe(10);
    expect(Object.keys(r.overall).sort()).toEqual(
      [
        'abandonedShare',
        'meanWaitMinutes',
        'p50WaitMinutes',
        'p90WaitMinutes',
        'p95WaitMinutes',
        'shareWaiting',
        'shareWithinTarget',
        'utilisation',
      ].sort(),
    );
    expect(r.byCategory.map((c) => c.code)).toEqual([
      'SOC',
      'MED',
      'EST',
      'TAX',
    ]);
    expect(r.byInterval.map((i) => i.start)).toEqual(
      day.profile.map((p) => p.start),
    );
    const customers = r.byCategory.reduce((a, c) => a + c.customers.mean, 0);
    expect(Math.abs(customers / 1200 - 1)).toBeLessThan(0.05);
    expect(r.byInterval.reduce((a, c) => a + c.customers.mean, 0)).toBeCloseTo(
      customers,
      9,
    );
    for (const f of Object.values(r.overall)) {
      expect(f.ci95[0]).toBeLessThanOrEqual(f.mean);
      expect(f.mean).toBeLessThanOrEqual(f.ci95[1]);
      expect(f.ci95[0]).toBeGreaterThanOrEqual(0);
    }
    expect(r.overall.p50WaitMinutes.mean).toBeLessThanOrEqual(
      r.overall.p90WaitMinutes.mean,
    );
    expect(r.overall.p90WaitMinutes.mean).toBeLessThanOrEqual(
      r.overall.p95WaitMinutes.mean,
    );
    expect(r.overall.shareWithinTarget.ci95[1]).toBeLessThanOrEqual(1);
    // category shares follow the scenario
    expect(r.byCategory[2].customers.mean / customers).toBeCloseTo(0.15, 1);
  });

  it('more windows: shorter waits, lower utilisation (same customers)', () => {
    const a = simulate(
      day,
      { kind: 'comprehensive', windows: 14 },
      { replications: 10, seed: 3 },
    );
    const b = simulate(
      day,
      { kind: 'comprehensive', windows: 18 },
      { replications: 10, seed: 3 },
    );
    expect(b.overall.meanWaitMinutes.mean).toBeLessThan(
      a.overall.meanWaitMinutes.mean,
    );
    expect(b.overall.shareWithinTarget.mean).toBeGreaterThanOrEqual(
      a.overall.shareWithinTarget.mean,
    );
    expect(b.overall.utilisation.mean).toBeLessThan(a.overall.utilisation.mean);
  });

  it('per-interval windows follow the profile', () => {
    const per = day.profile.map((p) =>
      Math.max(3, Math.round((p.share * 1200 * 8.5) / 30 / 0.85)),
    );
    const r = simulate(
      day,
      { kind: 'comprehensive', windows: { perInterval: per } },
      { replications: 10, seed: 3 },
    );
    expect(r.overall.utilisation.mean).toBeGreaterThan(0.5);
    expect(r.overall.utilisation.mean).toBeLessThanOrEqual(1);
  });

  it('is reproducible for a seed and differs between seeds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
        const small = hallDay(300);
        const layout = {
          kind: 'department' as const,
          windows: { SOC: 2, MED: 2, EST: 2, TAX: 1 },
        };
        const a = simulate(small, layout, { replications: 3, seed });
        const b = simulate(small, layout, { replications: 3, seed });
        expect(b).toEqual(a);
        const c = simulate(small, layout, { replications: 3, seed: seed + 1 });
        expect(c.overall.meanWaitMinutes.mean).not.toEqual(
          a.overall.meanWaitMinutes.mean,
        );
      }),
      { numRuns: 25 },
    );
  });

  it('rejects invalid input with every message', () => {
    const bad = {
      ...day,
      categories: day.categories.map((c) => ({ ...c, share: 0.3 })),
    };
    expect(() => simulate(bad, { kind: 'comprehensive', windows: 5 })).toThrow(
      QueueingInputError,
    );
    let caught: unknown;
    try {
      simulate(day, { kind: 'department', windows: { SOC: 1 } });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(QueueingInputError);
    expect((caught as QueueingInputError).errors).toEqual([
      'layout.windows.MED is missing (every category needs a count)',
      'layout.windows.EST is missing (every category needs a count)',
      'layout.windows.TAX is missing (every category needs a count)',
    ]);
    expect(() =>
      simulate(day, { kind: 'comprehensive', windows: 5 }, { replications: 1 }),
    ).toThrow(/replications must be ≥ 2/);
  });
});
