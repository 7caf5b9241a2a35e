import { hallDay } from '../testing/hall-day';
import { erlangAAnswer } from './erlang-a';
import { minimumWindows } from './minimum-windows';
import { simulate } from './simulate';
import { staffingSchedule } from './staffing';
import type { Layout, PatienceSpec, Scenario } from './types';

/** The hall-day fixture with people who give up: every kind of patience. */
function impatientDay(arrivalsPerDay: number): Scenario {
  const day = hallDay(arrivalsPerDay);
  const patience: Record<string, PatienceSpec> = {
    SOC: { distribution: 'exponential', meanMinutes: 20 },
    MED: { distribution: 'exponential', meanMinutes: 15 },
    EST: { distribution: 'lognormal', meanMinutes: 30, cv: 1 },
    TAX: { distribution: 'empirical', samples: [5, 10, 20, 40] },
  };
  return {
    ...day,
    categories: day.categories.map((c) => ({
      ...c,
      patience: patience[c.code],
    })),
  };
}

const day = impatientDay(800);
const opts = { replications: 12, seed: 77 };
const share = day.target.share;
const within = (layout: Layout) =>
  simulate(day, layout, opts).overall.shareWithinTarget.mean;

describe('minimumWindows with people who give up', () => {
  it('comprehensive, day: n meets the honest share (leavers are misses) and n − 1 does not', () => {
    const r = minimumWindows(day, { kind: 'comprehensive' }, opts);
    const n = r.windows as number;
    expect(
      within({ kind: 'comprehensive', windows: n }),
    ).toBeGreaterThanOrEqual(share);
    expect(within({ kind: 'comprehensive', windows: n - 1 })).toBeLessThan(
      share,
    );
    expect(r.achieved).toEqual(simulate(day, r.layout, opts).overall);
    expect(r.achieved.abandonedShare.mean).toBeGreaterThan(0);
  });

  it('department: each category meets at its n and misses at n − 1', () => {
    const r = minimumWindows(day, { kind: 'department' }, opts);
    const windows = r.windows as Record<string, number>;
    for (const code of Object.keys(windows)) {
      const at = (w: Record<string, number>) =>
        simulate(day, { kind: 'department', windows: w }, opts).byCategory.find(
          (c) => c.code === code,
        )?.shareWithinTarget.mean as number;
      expect(at(windows)).toBeGreaterThanOrEqual(share);
      if (windows[code] > 1)
        expect(at({ ...windows, [code]: windows[code] - 1 })).toBeLessThan(
          share,
        );
    }
  });

  it('comprehensive, everyInterval: every interval meets at n, some interval misses at n − 1', () => {
    const r = minimumWindows(
      day,
      { kind: 'comprehensive' },
      { ...opts, criterion: 'everyInterval' },
    );
    const worst = (w: number) =>
      Math.min(
        ...simulate(day, { kind: 'comprehensive', windows: w }, opts)
          .byInterval.filter((i) => i.customers.mean > 0)
          .map((i) => i.shareWithinTarget.mean),
      );
    const n = r.windows as number;
    expect(worst(n)).toBeGreaterThanOrEqual(share);
    expect(worst(n - 1)).toBeLessThan(share);
  });

  it('more windows never lowered the replication-mean share on these days (checked over a range of n)', () => {
    // Not a theorem with patience (replay-patience.spec.ts shows a day where it fails): checked
    // here on the fixture, comprehensive and for one department pool
    const shares: number[] = [];
    for (let n = 8; n <= 40; n++)
      shares.push(within({ kind: 'comprehensive', windows: n }));
    for (let i = 1; i < shares.length; i++)
      expect(shares[i]).toBeGreaterThanOrEqual(shares[i - 1]);
    const est: number[] = [];
    for (let n = 1; n <= 14; n++) {
      const r = simulate(
        day,
        {
          kind: 'department',
          windows: { SOC: 10, MED: 6, EST: n, TAX: 5 },
        },
        opts,
      );
      est.push(r.byCategory[2].shareWithinTarget.mean);
    }
    for (let i = 1; i < est.length; i++)
      expect(est[i]).toBeGreaterThanOrEqual(est[i - 1]);
  });

  it('an M/M/c+M pool starts from Erlang A and ends next to it', () => {
    // one long stationary interval: λ = 1/min, handling 8 min, patience 10 min, 80 % in 3 min
    const s: Scenario = {
      open: '08:00',
      close: '20:00',
      arrivalsPerDay: 720,
      profile: [{ start: '08:00', end: '20:00', share: 1 }],
      categories: [
        {
          code: 'A',
          share: 1,
          service: { distribution: 'exponential', meanMinutes: 8 },
          patience: { distribution: 'exponential', meanMinutes: 10 },
        },
      ],
      target: { waitMinutes: 3, share: 0.8 },
    };
    const exact = erlangAAnswer({
      arrivalsPerHour: 60,
      meanServiceMinutes: 8,
      meanPatienceMinutes: 10,
      target: s.target,
    }).windowsRequired;
    const r = minimumWindows(
      s,
      { kind: 'comprehensive' },
      { replications: 40, seed: 3 },
    );
    expect(r.pools[0].start).toBe(exact);
    expect(Math.abs((r.windows as number) - exact)).toBeLessThanOrEqual(1);
  });
});

describe('staffingSchedule with people who give up', () => {
  it('meets the honest share in every interval, and no interval can lose a window', () => {
    const r = staffingSchedule(day, { kind: 'comprehensive' }, opts);
    const per = r.pools[0].perInterval;
    const worst = (p: number[]) =>
      Math.min(
        ...simulate(
          day,
          {
            kind: 'comprehensive',
            windows: {
              perInterval: p,
              afterClose: Math.max(1, p[p.length - 1]),
            },
          },
          opts,
        )
          .byInterval.filter((i) => i.customers.mean > 0)
          .map((i) => i.shareWithinTarget.mean),
      );
    expect(worst(per)).toBeGreaterThanOrEqual(share);
    for (const i of [2, 3, 12]) {
      const fewer = [...per];
      fewer[i]--;
      expect(worst(fewer)).toBeLessThan(share);
    }
    expect(r.achieved.overall.abandonedShare.mean).toBeGreaterThan(0);
  });
});
