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
    // overall the pooled hall is worse: the mean wait and the share within target
    expect(metric(r, 'overall.meanWaitMinutes').better).toBe('department');
    expect(metric(r, 'overall.shareWithinTarget').better).toBe('department');
    expect(metric(r, 'category.QUICK.meanWaitMinutes').better).toBe(
      'department',
    );
    // …while the slow category gains
    expect(metric(r, 'category.SLOW.meanWaitMinutes').better).toBe('pooled');
    expect(r.verdict).toBe('mixed');
    // the paired difference is what decides, and it agrees with the two figures
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
    expect(metric(r, 'overall.meanWaitMinutes').better).toBe('pooled');
    expect(metric(r, 'overall.shareWithinTarget').better).toBe('pooled');
    expect(r.metrics.some((m) => m.better === 'department')).toBe(false);
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
