import { HallSpec } from '../halls';
import { Rng, cumulative } from '../rng';

/** Opening hours of every demo hall (local time, seconds since midnight). */
export const OPEN_SECONDS = 8 * 3600 + 30 * 60; // 08:30
export const CLOSE_SECONDS = 17 * 3600; // 17:00
/** Ticket machines stop issuing half an hour before closing. */
export const LAST_ISSUE_SECONDS = 16 * 3600 + 30 * 60; // 16:30
const SLOT = 900;

/**
 * Arrivals (ticket issues) per quarter hour from 08:30 to 16:30: morning peak around 9:30–10:30,
 * lunch dip, smaller afternoon peak around 14:30.
 */
export const ISSUE_PROFILE = [
  0.9, 1.4, 1.8, 2.1, 2.4, 2.5, 2.5, 2.3, 2.0, 1.7, 1.4, 1.1, 0.8, 0.55, 0.45,
  0.45, 0.5, 0.6, 0.9, 1.1, 1.3, 1.5, 1.7, 1.85, 1.9, 1.85, 1.6, 1.4, 1.2, 1.0,
  0.75, 0.5,
];
const ISSUE_CUM = cumulative(ISSUE_PROFILE);

/** Tickets of a day: the hall's ticket share of the day's visitors (0.58 unless set), ±3 %. */
export function ticketCount(
  spec: HallSpec,
  visitors: number,
  year: number,
  rng: Rng,
): number {
  const share = (spec.ticketShare?.[year] ?? 0.58) * rng.noise(0.03);
  return Math.round(visitors * share);
}

/**
 * Issue times of a day's tickets, sorted (seconds since midnight): a quarter hour drawn by
 * ISSUE_PROFILE, then a uniform second within it.
 */
export function issueTimes(rng: Rng, n: number): Int32Array {
  const times = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const s = rng.pick(ISSUE_CUM);
    times[k] = OPEN_SECONDS + s * SLOT + Math.floor(rng.float() * SLOT);
  }
  times.sort();
  return times;
}
