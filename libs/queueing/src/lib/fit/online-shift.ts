/** Online shift: fewer window customers when more of a category's business is handled online. */
import { QueueingInputError } from '../errors';
import type { Scenario } from '../types';

export interface OnlineShift {
  /** Percentage points by which the online-handling rate of each listed category rises (0…100). */
  points: number;
  /** Current online rate (0 ≤ r < 1) of every category that can be handled online; others are unchanged. */
  onlineRates: Readonly<Record<string, number>>;
}

/**
 * Factor on a category's window arrivals when its online rate r rises by p points:
 *   r' = min(1, r + p/100);  window share of the business 1 − r → 1 − r';
 *   with the category's total business (window + online) unchanged, window arrivals scale by
 *   f = (1 − r') / (1 − r).
 * E.g. r = 0.40, p = 20 → r' = 0.60, f = 0.40 / 0.60 = 2/3: a third fewer window customers.
 */
export function onlineShiftFactor(onlineRate: number, points: number): number {
  if (!(onlineRate >= 0 && onlineRate < 1) || !(points >= 0 && points <= 100)) {
    throw new QueueingInputError([
      `online rate must be in [0, 1) and points in [0, 100] (got ${onlineRate}, ${points})`,
    ]);
  }
  return (1 - Math.min(1, onlineRate + points / 100)) / (1 - onlineRate);
}

/**
 * The scenario after an online shift: category k's arrivals A·s_k become A·s_k·f_k
 * (onlineShiftFactor; f = 1 for categories not listed), so
 *   arrivalsPerDay' = A·Σ s_k·f_k,   share'_k = s_k·f_k / Σ_j s_j·f_j;
 * profile and handling times are unchanged.
 */
export function applyOnlineShift(
  scenario: Scenario,
  shift: OnlineShift,
): Scenario {
  const codes = new Set(scenario.categories.map((c) => c.code));
  const unknown = Object.keys(shift.onlineRates).filter((c) => !codes.has(c));
  if (unknown.length) {
    throw new QueueingInputError(
      unknown.map((c) => `onlineRates.${c}: unknown category`),
    );
  }
  const f = scenario.categories.map((c) => {
    const r = shift.onlineRates[c.code];
    return r === undefined ? 1 : onlineShiftFactor(r, shift.points);
  });
  const sum = scenario.categories.reduce((a, c, i) => a + c.share * f[i], 0);
  if (!(sum > 0)) {
    throw new QueueingInputError([
      'after the online shift no customer comes to a window',
    ]);
  }
  return {
    ...scenario,
    arrivalsPerDay: scenario.arrivalsPerDay * sum,
    categories: scenario.categories.map((c, i) => ({
      ...c,
      share: (c.share * f[i]) / sum,
    })),
  };
}
