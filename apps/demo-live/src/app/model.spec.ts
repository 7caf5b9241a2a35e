import type { HallDemand, WindowView } from '@onewindow/contracts';
import { Rng } from '@onewindow/queueing';
import {
  ArrivalProcess,
  drawHandling,
  drawVisitor,
  PRIORITY_SHARE,
  serves,
  staffWindows,
} from './model';

const demand: HallDemand = {
  hallId: 'h',
  from: '2020-08-01',
  to: '2020-08-31',
  weekdays: [3],
  days: 4,
  timezone: 'Asia/Shanghai',
  openingHours: { open: '08:30', close: '12:00' },
  intervals: [
    { start: '08:30', end: '09:00' },
    { start: '09:00', end: '10:00' },
    { start: '10:00', end: '11:00' },
    { start: '11:00', end: '12:00' },
  ],
  arrivalsPerDay: 400,
  byInterval: [40, 200, 0, 160],
  noShowRate: 0.05,
  handling: {
    count: 1000,
    meanMinutes: 8,
    cv: 0.5,
    lognormal: { mu: Math.log(8) - 0.47 ** 2 / 2, sigma: 0.47 },
  },
  categories: [
    {
      code: 'a',
      arrivalsPerDay: 300,
      byInterval: [30, 150, 0, 120],
      noShowRate: 0.1,
      handling: {
        count: 700,
        meanMinutes: 6,
        cv: 0.5,
        lognormal: { mu: Math.log(6) - 0.47 ** 2 / 2, sigma: 0.47 },
      },
    },
    {
      code: 'b',
      arrivalsPerDay: 100,
      byInterval: [10, 50, 0, 40],
      noShowRate: 0,
      handling: null,
    },
  ],
};

const window = (
  id: string,
  mode: WindowView['mode'],
  categoryCodes: string[],
  state: WindowView['state'] = 'closed',
): WindowView => ({
  id,
  label: id,
  mode,
  categoryCodes,
  state,
  openedOn: '2020-01-01',
  retiredOn: state === 'retired' ? '2020-06-01' : null,
});

describe('ArrivalProcess', () => {
  it('draws the fitted arrivals per interval (mean over 400 days within 4 standard errors), none in an empty hour or after closing', () => {
    const days = 400;
    const rng = new Rng(1);
    const counts = [0, 0, 0, 0];
    for (let d = 0; d < days; d++) {
      const p = new ArrivalProcess(demand, rng);
      let t = 510;
      for (;;) {
        const next = p.next(t);
        if (next === null) break;
        expect(next).toBeGreaterThan(t);
        expect(next).toBeLessThan(720);
        const k = p.intervals.findIndex((iv) => next < iv.end);
        counts[k]++;
        t = next;
      }
    }
    demand.byInterval.forEach((expected, k) => {
      const mean = counts[k] / days;
      // Poisson: the standard error of a mean of n days is √(λ / n)
      expect(Math.abs(mean - expected)).toBeLessThanOrEqual(
        4 * Math.sqrt(expected / days) + 1e-9,
      );
    });
    expect(counts[2]).toBe(0);
  });

  it('starts mid-day where asked, and knows the expected arrivals of a span', () => {
    const p = new ArrivalProcess(demand, new Rng(2));
    expect(p.expected(510, 720)).toBeCloseTo(400, 9);
    expect(p.expected(540, 600)).toBeCloseTo(200, 9);
    expect(p.expected(540, 570)).toBeCloseTo(100, 9);
    expect(p.next(600)).toBeGreaterThanOrEqual(660); // nobody comes 10:00–11:00
    expect(p.next(719.999_999)).toBeNull();
  });

  it('picks categories in the proportions of the hour', () => {
    const p = new ArrivalProcess(demand, new Rng(3));
    let a = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) if (p.category(600 - 30) === 'a') a++;
    // 150 of 200 in 09:00–10:00
    expect(Math.abs(a / n - 0.75)).toBeLessThan(
      4 * Math.sqrt((0.75 * 0.25) / n),
    );
  });
});

describe('visitors', () => {
  it("draw handling times with the category's fitted mean (clamped at 3 × mean)", () => {
    const rng = new Rng(4);
    const n = 50_000;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const x = drawHandling(rng, demand.categories[0].handling);
      expect(x).toBeGreaterThanOrEqual(0.5);
      expect(x).toBeLessThanOrEqual(18);
      sum += x;
    }
    // the clamp trims a little of the lognormal's right tail
    expect(sum / n).toBeGreaterThan(6 * 0.97);
    expect(sum / n).toBeLessThan(6 * 1.01);
  });

  it("no-show at the category's fitted rate, priority at its share, ratings 1–5 with a reason only when low", () => {
    const rng = new Rng(5);
    const n = 20_000;
    let noShows = 0;
    let priority = 0;
    for (let i = 0; i < n; i++) {
      const v = drawVisitor(rng, demand, 'a');
      if (v.noShow) noShows++;
      if (v.priority === 'priority') priority++;
      expect(v.patienceMinutes).toBeGreaterThanOrEqual(10);
      if (v.rating) {
        expect(v.rating.rating).toBeGreaterThanOrEqual(1);
        expect(v.rating.rating).toBeLessThanOrEqual(5);
        expect(v.rating.reason === undefined).toBe(v.rating.rating > 2);
      }
    }
    expect(Math.abs(noShows / n - 0.1)).toBeLessThan(0.01);
    expect(Math.abs(priority / n - PRIORITY_SHARE)).toBeLessThan(0.007);
    // a category without its own handling fit falls back to the hall's
    const b = drawVisitor(new Rng(6), demand, 'b');
    expect(b.noShow).toBe(false);
  });
});

describe('staffWindows', () => {
  it('staffs about 1.3 × the mean load, never a retired window, and every category somewhere', () => {
    const windows = [
      window('d-a1', 'department', ['a']),
      window('d-a2', 'department', ['a']),
      window('d-b1', 'department', ['b']),
      window('retired', 'comprehensive', [], 'retired'),
      ...Array.from({ length: 20 }, (_, i) =>
        window(`c${i}`, 'comprehensive', []),
      ),
    ];
    const staffed = staffWindows(demand, windows, 1.3);
    expect(staffed.map((w) => w.id)).not.toContain('retired');
    // load: a 300 × 7 min, b 100 × 9 min over 210 min → 10 + 4.29 windows busy; × 1.3 → 18.6
    expect(staffed).toHaveLength(2 + 1 + Math.ceil(18.57 - 3));
    for (const c of ['a', 'b'])
      expect(staffed.some((w) => serves(w, c))).toBe(true);
  });

  it('a department-only hall gets each category at least one window, and no more windows than it has', () => {
    const windows = [
      window('d-a1', 'department', ['a']),
      window('d-b1', 'department', ['b']),
    ];
    expect(staffWindows(demand, windows).map((w) => w.id)).toEqual([
      'd-a1',
      'd-b1',
    ]);
  });
});
