import type { TicketRecord } from '@onewindow/queueing';
import { computePlan, onlineRates } from './plan-math';

describe('onlineRates', () => {
  it('is the online share of window + online business, below 1, only where there is business', () => {
    expect(
      onlineRates([
        { category: 'a', online: 78, window: 22 },
        { category: 'b', online: 10, window: 0 },
        { category: 'c', online: 0, window: 0 },
      ]),
    ).toEqual({ a: 0.78, b: 0.99 });
  });
});

/** `days` weekdays from 2020-08-03 with `perDay` tickets: a third 20-minute, the rest 6-minute. */
function history(perDay: number): TicketRecord[] {
  const out: TicketRecord[] = [];
  for (const date of [
    '2020-08-03',
    '2020-08-04',
    '2020-08-05',
    '2020-08-06',
    '2020-08-07',
  ]) {
    for (let i = 0; i < perDay; i++) {
      const slow = i % 3 === 0;
      out.push({
        date,
        minuteOfDay: 510 + (i * 480) / perDay,
        categoryCode: slow ? 'business' : 'social_security',
        serviceMinutes: slow ? 20 : 6,
        noShow: false,
      });
    }
  }
  return out;
}

describe('computePlan', () => {
  const inputs = {
    target: { waitMinutes: 15, share: 0.8 },
    layouts: ['department', 'comprehensive'] as (
      | 'department'
      | 'comprehensive'
    )[],
    onlineShiftPoints: 0,
    replications: 10,
    weekdays: [1, 2, 3, 4, 5],
  };

  it('fits the history and gives each layout hour-by-hour windows, reporting progress up to 1', async () => {
    const seen: number[] = [];
    const plan = await computePlan(
      history(300),
      { open: '08:30', close: '17:00' },
      inputs,
      {},
      40,
      async (p) => {
        seen.push(p);
      },
    );
    expect(plan.fit.days).toBe(5);
    expect(plan.fit.arrivalsPerDay).toBeCloseTo(300, 9);
    expect(plan.layouts.map((l) => l.kind)).toEqual([
      'department',
      'comprehensive',
    ]);
    for (const l of plan.layouts) {
      expect(l.intervals).toHaveLength(9);
      expect(l.peakWindows).toBe(
        Math.max(...l.intervals.map((i) => i.windows)),
      );
      expect(l.staffFreed).toBe(40 - l.peakWindows);
    }
    expect(plan.pooling).not.toBeNull();
    expect(seen[seen.length - 1]).toBe(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('is the same plan for the same history (fixed seed), and fewer windows after an online shift', async () => {
    const a = await computePlan(
      history(300),
      { open: '08:30', close: '17:00' },
      inputs,
      { business: 0.4, social_security: 0.4 },
      40,
    );
    const b = await computePlan(
      history(300),
      { open: '08:30', close: '17:00' },
      inputs,
      { business: 0.4, social_security: 0.4 },
      40,
    );
    expect(b).toEqual(a);
    const shifted = await computePlan(
      history(300),
      { open: '08:30', close: '17:00' },
      { ...inputs, onlineShiftPoints: 30 },
      { business: 0.4, social_security: 0.4 },
      40,
    );
    // r 0.4 → 0.7: window arrivals × 0.3 / 0.6
    expect(shifted.fit.arrivalsPerDayPlanned).toBeCloseTo(150, 9);
    const total = (p: typeof a) =>
      p.layouts.reduce((s, l) => s + l.windowHours, 0);
    expect(total(shifted)).toBeLessThan(total(a));
  });
});
