import { comparePooling, sumWindows } from './compare';
import { simulate } from './simulate';
import type { Scenario } from './types';

/** 600 customers 09:00–17:00; QUICK and SLOW categories. */
const twoCategories = (
  quick: Scenario['categories'][number]['service'],
  slow: Scenario['categories'][number]['service'],
  quickShare: number,
): Scenario => ({
  open: '09:00',
  close: '17:00',
  arrivalsPerDay: 600,
  profile: [{ start: '09:00', end: '17:00', share: 1 }],
  categories: [
    { code: 'QUICK', share: quickShare, service: quick },
    { code: 'SLOW', share: 1 - quickShare, service: slow },
  ],
  target: { waitMinutes: 10, share: 0.8 },
});

const metric = (r: ReturnType<typeof comparePooling>, name: string) => {
  const m = r.metrics.find((x) => x.metric === name);
  if (!m) throw new Error(`no metric ${name}`);
  return m;
};

describe('pooled (comprehensive) against department windows', () => {
  it('pooling loses when handling times differ widely: quick customers wait behind slow ones', () => {
    // 90 % take 2 minutes, 10 % take an hour: 4 + 9 department windows against 13 pooled ones
    const s = twoCategories(
      { distribution: 'exponential', meanMinutes: 2 },
      { distribution: 'lognormal', meanMinutes: 60, cv: 0.3 },
      0.9,
    );
    const r = comparePooling(
      s,
      { kind: 'department', windows: { QUICK: 4, SLOW: 9 } },
      { replications: 40, seed: 9 },
    );
    expect(r.pooledWindows).toBe(13);
    // the verdict: the share within target alone, and it is worse pooled
    expect(r.verdictMetric).toBe('overall.shareWithinTarget');
    const primary = metric(r, 'overall.shareWithinTarget');
    expect(r.metrics[0]).toBe(primary);
    expect(primary.role).toBe('primary');
    expect(primary.difference.ci95[1]).toBeLessThan(0);
    expect(primary.better).toBe('department');
    expect(r.verdict).toBe('department');
    // …although the slow category waits less pooled: shown, not judged (no "mixed" any more)
    const slow = metric(r, 'category.SLOW.meanWaitMinutes');
    expect(slow.difference.ci95[1]).toBeLessThan(0);
    expect(slow.role).toBe('secondary');
    expect('better' in slow).toBe(false);
    // the paired difference agrees with the two figures
    const mw = metric(r, 'overall.meanWaitMinutes');
    expect(mw.difference.mean).toBeCloseTo(
      mw.pooled.mean - mw.department.mean,
      9,
    );
    expect(mw.difference.ci95[0]).toBeGreaterThan(0);
  });

  it('pooling wins when the categories are alike', () => {
    const s = twoCategories(
      { distribution: 'exponential', meanMinutes: 10 },
      { distribution: 'exponential', meanMinutes: 10 },
      0.5,
    );
    const r = comparePooling(
      s,
      { kind: 'department', windows: { QUICK: 7, SLOW: 7 } },
      { replications: 40, seed: 9 },
    );
    expect(r.pooledWindows).toBe(14);
    expect(metric(r, 'overall.shareWithinTarget').better).toBe('pooled');
    expect(
      metric(r, 'overall.meanWaitMinutes').difference.ci95[1],
    ).toBeLessThan(0);
    expect(r.verdict).toBe('pooled');
    // exactly one metric is judged
    expect(r.metrics.filter((m) => m.role === 'primary')).toHaveLength(1);
    expect(r.metrics.filter((m) => m.better !== undefined)).toHaveLength(1);
  });

  it('indistinguishable when the share within target does not differ, whatever the waits do', () => {
    // alike categories, generous windows, a one-hour target: everybody is called within it either
    // way, so the paired difference is 0 in every replication, while the mean wait still differs
    const s = {
      ...twoCategories(
        { distribution: 'exponential', meanMinutes: 10 },
        { distribution: 'exponential', meanMinutes: 10 },
        0.5,
      ),
      target: { waitMinutes: 60, share: 0.8 },
    };
    const r = comparePooling(
      s,
      { kind: 'department', windows: { QUICK: 8, SLOW: 8 } },
      { replications: 30, seed: 3 },
    );
    const primary = metric(r, 'overall.shareWithinTarget');
    expect(primary.difference).toEqual({ mean: 0, ci95: [0, 0] });
    expect(primary.better).toBe('neither');
    expect(r.verdict).toBe('indistinguishable');
    expect(
      metric(r, 'overall.meanWaitMinutes').difference.ci95[1],
    ).toBeLessThan(0);
  });

  it('people who give up: abandoned shares are compared (secondary), leavers count as misses', () => {
    const patience = { distribution: 'exponential' as const, meanMinutes: 8 };
    const base = twoCategories(
      { distribution: 'exponential', meanMinutes: 10 },
      { distribution: 'exponential', meanMinutes: 10 },
      0.5,
    );
    const s: Scenario = {
      ...base,
      categories: base.categories.map((c) => ({ ...c, patience })),
    };
    const r = comparePooling(
      s,
      { kind: 'department', windows: { QUICK: 6, SLOW: 6 } },
      { replications: 30, seed: 5 },
    );
    const names = r.metrics.map((m) => m.metric);
    expect(names).toEqual(
      expect.arrayContaining([
        'overall.abandonedShare',
        'category.QUICK.abandonedShare',
        'category.SLOW.abandonedShare',
      ]),
    );
    const ab = metric(r, 'overall.abandonedShare');
    expect(ab.role).toBe('secondary');
    expect(ab.goal).toBe('lower');
    expect(ab.department.mean).toBeGreaterThan(0.05);
    // pooling the same windows: fewer give up
    expect(ab.difference.ci95[1]).toBeLessThan(0);
    expect(ab.department).toEqual(r.department.overall.abandonedShare);
    expect(ab.pooled).toEqual(r.pooled.overall.abandonedShare);
    // called within target + gave up + called late = everybody, on both sides
    for (const side of [r.department, r.pooled]) {
      expect(side.overall.shareWithinTarget.mean).toBeLessThan(
        1 - side.overall.abandonedShare.mean,
      );
    }
    expect(r.verdict).toBe('pooled');
  });

  it('both sides are the ordinary simulations of the same customers', () => {
    const s = twoCategories(
      { distribution: 'exponential', meanMinutes: 4 },
      { distribution: 'gamma', meanMinutes: 12, cv: 0.5 },
      0.6,
    );
    const opts = { replications: 8, seed: 4 };
    const dept = {
      kind: 'department' as const,
      windows: { QUICK: 3, SLOW: 5 },
    };
    const r = comparePooling(s, dept, { ...opts, pooledWindows: 7 });
    expect(r.department).toEqual(simulate(s, dept, opts));
    expect(r.pooled).toEqual(
      simulate(s, { kind: 'comprehensive', windows: 7 }, opts),
    );
  });

  it('sums department windows, per interval when any count is per interval', () => {
    expect(sumWindows({ A: 2, B: 3 }, 2)).toBe(5);
    expect(
      sumWindows({ A: 2, B: { perInterval: [1, 4], afterClose: 1 } }, 2),
    ).toEqual({
      perInterval: [3, 6],
      afterClose: 3,
    });
  });
});
