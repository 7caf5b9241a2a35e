import {
  applyOnlineShift,
  fitHandling,
  fitHistory,
  isoWeekday,
  onlineShiftFactor,
  scenarioFromFit,
  type TicketRecord,
} from './fit';
import { Rng } from './rng';
import { simulate } from './simulate';
import { validateScenario } from './validate';

const intervals = [
  { start: '09:00', end: '10:00' },
  { start: '10:00', end: '11:00' },
  { start: '11:00', end: '12:00' },
];
const t = (
  date: string,
  minuteOfDay: number,
  categoryCode: string,
  serviceMinutes: number | null,
  noShow = false,
): TicketRecord => ({
  date,
  minuteOfDay,
  categoryCode,
  serviceMinutes,
  noShow,
});

describe('fitHistory', () => {
  // Monday 2024-03-04 and Tuesday 2024-03-05; Saturday 2024-03-09 filtered out by the weekday filter
  const tickets: TicketRecord[] = [
    t('2024-03-04', 9 * 60 + 5, 'SOC', 10),
    t('2024-03-04', 9 * 60 + 50, 'SOC', 20),
    t('2024-03-04', 10 * 60, 'TAX', 4), // exactly on a boundary: the later interval
    t('2024-03-04', 11 * 60 + 30, 'TAX', null, true), // no-show
    t('2024-03-04', 8 * 60, 'TAX', 6), // before the grid
    t('2024-03-05', 9 * 60 + 10, 'SOC', 30),
    t('2024-03-05', 10 * 60 + 10, 'TAX', 8),
    t('2024-03-05', 11 * 60 + 59, 'SOC', null),
    t('2024-03-09', 9 * 60 + 10, 'SOC', 99),
  ];
  const fit = fitHistory(tickets, { intervals, weekdays: [1, 2, 3, 4, 5] });

  it('averages arrivals per category and interval over the kept days', () => {
    expect(fit.days).toEqual(['2024-03-04', '2024-03-05']);
    expect(fit.filteredOut).toBe(1);
    expect(fit.outsideGrid).toBe(1);
    const soc = fit.categories.find((c) => c.code === 'SOC');
    const tax = fit.categories.find((c) => c.code === 'TAX');
    expect(soc?.byInterval).toEqual([1.5, 0, 0.5]);
    expect(tax?.byInterval).toEqual([0, 1, 0]); // the no-show is not an arrival needing service
    expect(fit.byInterval).toEqual([1.5, 1, 0.5]);
    expect(fit.arrivalsPerDay).toBe(3);
    expect(tax?.noShows).toBe(1);
    expect(tax?.noShowRate).toBeCloseTo(1 / 4, 12);
    expect(fit.noShowRate).toBeCloseTo(1 / 8, 12);
    expect(soc?.handling?.samples).toEqual([10, 20, 30]);
    expect(tax?.handling?.samples).toEqual([4, 6, 8]);
  });

  it('counts no-shows as arrivals when asked', () => {
    const f = fitHistory(tickets, {
      intervals,
      weekdays: [1, 2, 3, 4, 5],
      includeNoShows: true,
    });
    expect(f.categories.find((c) => c.code === 'TAX')?.byInterval).toEqual([
      0, 1, 0.5,
    ]);
  });

  it('converts epoch milliseconds with the hall offset (China Standard Time by default)', () => {
    // 2024-03-04T01:30Z = 09:30 in Shanghai, a Monday
    const f = fitHistory(
      [
        {
          issuedAt: Date.UTC(2024, 2, 4, 1, 30),
          categoryCode: 'SOC',
          serviceMinutes: 5,
          noShow: false,
        },
      ],
      { intervals },
    );
    expect(f.days).toEqual(['2024-03-04']);
    expect(f.byInterval).toEqual([1, 0, 0]);
    const utc = fitHistory(
      [
        {
          issuedAt: Date.UTC(2024, 2, 4, 9, 30),
          categoryCode: 'SOC',
          serviceMinutes: 5,
          noShow: false,
        },
      ],
      { intervals, utcOffsetMinutes: 0 },
    );
    expect(utc.byInterval).toEqual([1, 0, 0]);
    expect(isoWeekday('2024-03-04')).toBe(1);
    expect(isoWeekday('2024-03-10')).toBe(7);
  });

  it('listed days without tickets count as empty days', () => {
    const f = fitHistory(tickets, {
      intervals,
      days: ['2024-03-04', '2024-03-05', '2024-03-06', '2024-03-07'],
    });
    expect(f.days).toHaveLength(4);
    expect(f.arrivalsPerDay).toBe(6 / 4);
  });
});

describe('fitHandling', () => {
  it('fits a lognormal by the moments of the logs', () => {
    // logs 1, 2, 3: μ = 2, σ² = 1 (n − 1)
    const h = fitHandling([Math.E, Math.E ** 2, Math.E ** 3]);
    expect(h?.lognormal?.mu).toBeCloseTo(2, 12);
    expect(h?.lognormal?.sigma).toBeCloseTo(1, 12);
    expect(h?.lognormal?.meanMinutes).toBeCloseTo(Math.exp(2.5), 12);
    expect(h?.lognormal?.cv).toBeCloseTo(Math.sqrt(Math.E - 1), 12);
  });

  it('recovers the parameters of a large lognormal sample', () => {
    const rng = new Rng(3);
    const sigma2 = Math.log(1 + 0.6 * 0.6);
    const mu = Math.log(9) - sigma2 / 2;
    const xs = Array.from({ length: 50_000 }, () =>
      Math.exp(mu + Math.sqrt(sigma2) * rng.normal()),
    );
    const h = fitHandling(xs);
    expect(h?.lognormal?.meanMinutes).toBeCloseTo(9, 1);
    expect(h?.lognormal?.cv).toBeCloseTo(0.6, 2);
    expect(h?.meanMinutes).toBeCloseTo(9, 1);
  });

  it('ignores unusable values and needs some', () => {
    expect(fitHandling([])).toBeNull();
    const h = fitHandling([0, 5, Number.NaN, -1]);
    expect(h?.count).toBe(2);
    expect(h?.lognormal).toBeNull(); // one positive value only
  });
});

describe('online shift', () => {
  it('scales window arrivals by (1 − r′)/(1 − r)', () => {
    expect(onlineShiftFactor(0.4, 20)).toBeCloseTo(0.4 / 0.6, 12);
    expect(onlineShiftFactor(0, 10)).toBeCloseTo(0.9, 12);
    expect(onlineShiftFactor(0.95, 10)).toBe(0);
    expect(onlineShiftFactor(0.3, 0)).toBe(1);
    expect(() => onlineShiftFactor(1, 10)).toThrow();
  });

  it('lowers arrivals of online-capable categories only and renormalises shares', () => {
    const s = scenarioFromFit(
      fitHistory(
        [
          t('2024-03-04', 9 * 60, 'SOC', 10),
          t('2024-03-04', 9 * 60 + 1, 'SOC', 12),
          t('2024-03-04', 9 * 60 + 2, 'TAX', 5),
          t('2024-03-04', 10 * 60, 'TAX', 6),
        ],
        { intervals },
      ),
      { target: { waitMinutes: 15, share: 0.8 } },
    );
    expect(s.arrivalsPerDay).toBe(4);
    const shifted = applyOnlineShift(s, {
      points: 20,
      onlineRates: { TAX: 0.4 },
    });
    // SOC 2 → 2, TAX 2 → 2·(0.4/0.6) = 4/3
    expect(shifted.arrivalsPerDay).toBeCloseTo(2 + 4 / 3, 12);
    expect(shifted.categories.find((c) => c.code === 'TAX')?.share).toBeCloseTo(
      4 / 3 / (10 / 3),
      12,
    );
    expect(shifted.profile).toEqual(s.profile);
    expect(validateScenario(shifted)).toEqual([]);
    expect(() =>
      applyOnlineShift(s, { points: 5, onlineRates: { NOPE: 0.1 } }),
    ).toThrow(/unknown category/);
  });
});

describe('scenarioFromFit', () => {
  // a synthetic history: 20 weekdays of a known hall, arrivals and handling drawn from known laws
  const rng = new Rng(11);
  const tickets: TicketRecord[] = [];
  for (let d = 0; d < 20; d++) {
    const date = `2024-04-${String(d + 1).padStart(2, '0')}`;
    for (let m = 9 * 60; m < 12 * 60; m += 1) {
      // SOC: 0.3 per minute; TAX: 0.1 per minute in the first hour only
      if (rng.uniform() < 0.3)
        tickets.push(
          t(
            date,
            m + rng.uniform(),
            'SOC',
            8 * Math.exp(0.5 * rng.normal() - 0.125),
          ),
        );
      if (m < 10 * 60 && rng.uniform() < 0.1)
        tickets.push(t(date, m + rng.uniform(), 'TAX', 3, rng.uniform() < 0.1));
    }
  }
  const fit = fitHistory(tickets, { intervals });

  it('builds a valid contract scenario with the fitted profile and services', () => {
    const s = scenarioFromFit(fit, { target: { waitMinutes: 15, share: 0.8 } });
    expect(validateScenario(s)).toEqual([]);
    expect(s.open).toBe('09:00');
    expect(s.close).toBe('12:00');
    expect(s.arrivalsPerDay).toBeCloseTo(0.3 * 180 + 0.9 * 6, -1);
    const soc = s.categories.find((c) => c.code === 'SOC');
    expect(soc?.service.distribution).toBe('lognormal');
    expect(soc?.service.meanMinutes).toBeCloseTo(8, 0);
    expect(s.profile[0].share).toBeGreaterThan(s.profile[1].share);
    const empirical = scenarioFromFit(fit, {
      target: { waitMinutes: 15, share: 0.8 },
      service: 'empirical',
    });
    expect(empirical.categories.find((c) => c.code === 'TAX')?.service).toEqual(
      {
        distribution: 'empirical',
        samples: expect.arrayContaining([3]),
      },
    );
    // and it simulates
    const r = simulate(
      empirical,
      { kind: 'comprehensive', windows: 4 },
      { replications: 4, seed: 1 },
    );
    expect(r.overall.utilisation.mean).toBeGreaterThan(0);
  });

  it('applies an online shift on the way', () => {
    const s = scenarioFromFit(fit, {
      target: { waitMinutes: 15, share: 0.8 },
      onlineShift: { points: 50, onlineRates: { TAX: 0 } },
    });
    const base = scenarioFromFit(fit, {
      target: { waitMinutes: 15, share: 0.8 },
    });
    const taxBase =
      (base.categories.find((c) => c.code === 'TAX')?.share ?? 0) *
      base.arrivalsPerDay;
    const taxShifted =
      (s.categories.find((c) => c.code === 'TAX')?.share ?? 0) *
      s.arrivalsPerDay;
    expect(taxShifted).toBeCloseTo(taxBase / 2, 9);
  });
});
