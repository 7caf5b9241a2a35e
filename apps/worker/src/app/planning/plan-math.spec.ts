import type { TicketRecord } from '@onewindow/queueing';
import { computePlan, onlineRates, type PlanTicket } from './plan-math';

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

  it('fits patience from the censored waits, and plans with the people who give up', async () => {
    // every ticket waited 10 minutes: one in five gave up then (an event), the others were called
    // (their patience is only known to be longer). Giving up in the first 2 minutes would not have
    // been seen, so each wait exposes 8 minutes: exponential mean = 1500 × 8 ÷ 300 = 40
    const tickets: PlanTicket[] = history(300).map((t, i) => ({
      ...t,
      serviceMinutes: i % 5 === 0 ? null : t.serviceMinutes,
      waitMinutes: 10,
      gaveUp: i % 5 === 0,
    }));
    const plan = await computePlan(
      tickets,
      { open: '08:30', close: '17:00' },
      inputs,
      {},
      40,
    );
    expect(plan.fit.patience).toMatchObject({
      observations: 1500,
      events: 300,
      meanMinutes: 40,
      // survival never falls to one half: the median is not known
      medianMinutes: null,
    });
    expect(plan.fit.patience?.kaplanMeier).toEqual({
      minutes: [10],
      survival: [0.8],
    });
    // the people who gave up arrived: they are in the demand
    expect(plan.fit.arrivalsPerDay).toBeCloseTo(300, 9);
    for (const l of plan.layouts) {
      expect(l.overall.abandonedShare?.mean).toBeGreaterThanOrEqual(0);
      expect(l.overall.abandonedShare?.mean).toBeLessThan(0.5);
      expect(l.intervals.every((i) => i.abandonedShare !== undefined)).toBe(
        true,
      );
    }
    // without anybody giving up, nobody gives up in the simulation
    const calm = await computePlan(
      history(300).map((t) => ({ ...t, waitMinutes: 10, gaveUp: false })),
      { open: '08:30', close: '17:00' },
      inputs,
      {},
      40,
    );
    expect(calm.fit.patience?.meanMinutes).toBeNull();
    for (const l of calm.layouts)
      expect(l.overall.abandonedShare?.mean).toBe(0);
  });

  it('keeps the specialist categories apart in the hybrid layout and prices each one', async () => {
    const plan = await computePlan(
      history(300),
      { open: '08:30', close: '17:00' },
      {
        ...inputs,
        layouts: ['comprehensive', 'hybrid'],
        specialists: ['business', 'not_in_history'],
      },
      {},
      40,
    );
    const hybrid = plan.layouts.find((l) => l.kind === 'hybrid');
    const comprehensive = plan.layouts.find((l) => l.kind === 'comprehensive');
    expect(hybrid?.pools.map((p) => p.categories)).toEqual([
      ['social_security'],
      ['business'],
    ]);
    // pooled back, the one specialist category leaves the comprehensive layout
    expect(plan.specialists).toEqual({
      codes: ['business'],
      costs: [
        {
          code: 'business',
          windowsSeparate: hybrid?.fixedWindows,
          windowsPooled: comprehensive?.fixedWindows,
          extraWindows:
            (hybrid?.fixedWindows ?? 0) - (comprehensive?.fixedWindows ?? 0),
        },
      ],
    });
    // separate queues cannot need fewer windows than one pooled queue here
    expect(plan.specialists?.costs[0].extraWindows).toBeGreaterThanOrEqual(0);
    // without specialists the hybrid pools come from handling times, and nothing is priced
    const plain = await computePlan(
      history(300),
      { open: '08:30', close: '17:00' },
      { ...inputs, layouts: ['hybrid'] },
      {},
      40,
    );
    expect(plain.specialists).toBeNull();
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
