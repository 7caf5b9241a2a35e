import { hallDay } from '../testing/hall-day';
import {
  defaultHybridPools,
  minimumWindows,
  smallestMeeting,
} from './minimum-windows';
import { simulate } from './simulate';
import { staffingSchedule } from './staffing';
import type { Layout } from './types';

const day = hallDay(800);
const opts = { replications: 12, seed: 77 };
const target = day.target.share;

describe('smallestMeeting', () => {
  it('finds the threshold of any monotone predicate from any guess', () => {
    for (let threshold = 0; threshold <= 40; threshold += 3) {
      for (const guess of [0, 1, threshold, threshold + 7, 100]) {
        let calls = 0;
        const n = smallestMeeting(
          (k) => {
            calls++;
            return k >= threshold;
          },
          guess,
          0,
          1000,
        );
        expect(n).toBe(threshold);
        expect(calls).toBeLessThan(25);
      }
    }
  });
});

describe('minimumWindows', () => {
  it('comprehensive, day: n meets the target and n − 1 does not (checked by simulate)', () => {
    const r = minimumWindows(
      day,
      { kind: 'comprehensive' },
      { ...opts, criterion: 'day' },
    );
    const n = r.windows as number;
    expect(r.total).toBe(n);
    const at = (w: number) =>
      simulate(day, { kind: 'comprehensive', windows: w }, opts).overall
        .shareWithinTarget.mean;
    expect(at(n)).toBeGreaterThanOrEqual(target);
    expect(at(n - 1)).toBeLessThan(target);
    expect(r.achieved).toEqual(simulate(day, r.layout, opts).overall);
  });

  it('comprehensive, everyInterval: every interval meets at n, some interval misses at n − 1', () => {
    const r = minimumWindows(
      day,
      { kind: 'comprehensive' },
      { ...opts, criterion: 'everyInterval' },
    );
    const n = r.windows as number;
    const worst = (w: number) =>
      Math.min(
        ...simulate(
          day,
          { kind: 'comprehensive', windows: w },
          opts,
        ).byInterval.map((i) => i.shareWithinTarget.mean),
      );
    expect(worst(n)).toBeGreaterThanOrEqual(target);
    expect(worst(n - 1)).toBeLessThan(target);
    const dayOnly = minimumWindows(
      day,
      { kind: 'comprehensive' },
      { ...opts, criterion: 'day' },
    );
    expect(n).toBeGreaterThanOrEqual(dayOnly.windows as number);
  });

  it('department: each category separately meets at its n and misses at n − 1', () => {
    const r = minimumWindows(day, { kind: 'department' }, opts);
    const windows = r.windows as Record<string, number>;
    expect(Object.keys(windows)).toEqual(['SOC', 'MED', 'EST', 'TAX']);
    expect(r.total).toBe(Object.values(windows).reduce((a, b) => a + b, 0));
    for (const code of Object.keys(windows)) {
      const share = (w: Record<string, number>) =>
        simulate(day, { kind: 'department', windows: w }, opts).byCategory.find(
          (c) => c.code === code,
        )?.shareWithinTarget.mean as number;
      expect(share(windows)).toBeGreaterThanOrEqual(target);
      if (windows[code] > 1) {
        expect(share({ ...windows, [code]: windows[code] - 1 })).toBeLessThan(
          target,
        );
      }
    }
  });

  it('hybrid: the given pools each searched separately; default pools split off outliers', () => {
    expect(defaultHybridPools(day)).toEqual([
      { categories: ['SOC', 'MED', 'TAX'] },
      { categories: ['EST'] },
    ]);
    const r = minimumWindows(day, { kind: 'hybrid' }, opts);
    expect(r.windows).toEqual({
      'SOC+MED+TAX': expect.any(Number),
      EST: expect.any(Number),
    });
    const layout = r.layout as Extract<Layout, { kind: 'hybrid' }>;
    expect(layout.pools.map((p) => p.categories)).toEqual([
      ['SOC', 'MED', 'TAX'],
      ['EST'],
    ]);
    // the EST pool equals the department answer for EST (same customers, same pool)
    const dept = minimumWindows(day, { kind: 'department' }, opts);
    expect((r.windows as Record<string, number>)['EST']).toBe(
      (dept.windows as Record<string, number>)['EST'],
    );
    const given = minimumWindows(
      day,
      {
        kind: 'hybrid',
        pools: [{ categories: ['SOC', 'MED'] }, { categories: ['EST', 'TAX'] }],
      },
      opts,
    );
    expect(Object.keys(given.windows)).toEqual(['SOC+MED', 'EST+TAX']);
  });

  it('starts from the analytical answer and needs few simulations', () => {
    const r = minimumWindows(day, { kind: 'comprehensive' }, opts);
    expect(r.pools[0].start).toBeGreaterThan(0);
    expect(r.evaluations).toBeLessThanOrEqual(12);
  });
});

describe('staffingSchedule', () => {
  const r = staffingSchedule(day, { kind: 'comprehensive' }, opts);
  const shares = (perInterval: number[]) =>
    simulate(
      day,
      {
        kind: 'comprehensive',
        windows: {
          perInterval,
          afterClose: Math.max(1, perInterval[perInterval.length - 1]),
        },
      },
      opts,
    ).byInterval.map((i) => i.shareWithinTarget.mean);

  it('meets the target in every interval', () => {
    expect(r.perInterval).toHaveLength(day.profile.length);
    for (const s of r.achieved.byInterval)
      expect(s.shareWithinTarget.mean).toBeGreaterThanOrEqual(target - 1e-12);
    expect(r.achieved).toEqual(simulate(day, r.layout, opts));
  });

  it('no interval can lose a window without some interval missing the target', () => {
    for (let i = 0; i < r.perInterval.length; i++) {
      if (r.perInterval[i] === 0) continue;
      const fewer = [...r.perInterval];
      fewer[i]--;
      expect(Math.min(...shares(fewer))).toBeLessThan(target);
    }
  });

  it('uses fewer window-hours than the fixed count that meets every interval', () => {
    const fixed = minimumWindows(
      day,
      { kind: 'comprehensive' },
      { ...opts, criterion: 'everyInterval' },
    );
    expect(r.windowHours).toBeLessThan(
      ((fixed.windows as number) * 8.5 * 60) / 60,
    );
    expect(r.windowHours).toBeCloseTo(
      r.perInterval.reduce((a, n) => a + n * 0.5, 0),
      9,
    );
  });

  it('department: one schedule per category, totals per interval', () => {
    const d = staffingSchedule(
      day,
      { kind: 'department' },
      { replications: 6, seed: 5 },
    );
    expect(d.pools.map((p) => p.label)).toEqual(['SOC', 'MED', 'EST', 'TAX']);
    d.perInterval.forEach((n, i) =>
      expect(n).toBe(d.pools.reduce((a, p) => a + p.perInterval[i], 0)),
    );
    for (const c of d.achieved.byCategory)
      expect(c.customers.mean).toBeGreaterThan(0);
  });
});
