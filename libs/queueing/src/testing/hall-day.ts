import type { Scenario } from '../lib/types';

/**
 * Test fixture (not part of the library build): a hall day 08:30–17:00 in half hours with a
 * morning and an afternoon peak, four categories with different handling-time distributions.
 */
export function hallDay(arrivalsPerDay = 2500): Scenario {
  const weights = [3, 6, 9, 10, 9, 7, 5, 3, 2, 3, 6, 8, 9, 8, 6, 4, 2];
  const total = weights.reduce((a, b) => a + b, 0);
  const start = 8 * 60 + 30;
  return {
    open: '08:30',
    close: '17:00',
    arrivalsPerDay,
    profile: weights.map((w, i) => ({
      start: start + 30 * i,
      end: start + 30 * (i + 1),
      share: w / total,
    })),
    categories: [
      {
        code: 'SOC',
        share: 0.35,
        service: { distribution: 'lognormal', meanMinutes: 8, cv: 0.8 },
      },
      {
        code: 'MED',
        share: 0.25,
        service: { distribution: 'gamma', meanMinutes: 6, cv: 0.6 },
      },
      {
        code: 'EST',
        share: 0.15,
        service: { distribution: 'exponential', meanMinutes: 20 },
      },
      {
        code: 'TAX',
        share: 0.25,
        service: { distribution: 'empirical', samples: [2, 3, 3, 4, 5, 8, 12] },
      },
    ],
    target: { waitMinutes: 15, share: 0.8 },
  };
}
