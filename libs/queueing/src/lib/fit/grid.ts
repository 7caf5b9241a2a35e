/**
 * Where a ticket falls: its local date and minute of day, the ISO weekday of a date, and the
 * interval of the grid that holds a minute.
 */
import { assertValid } from '../errors';
import { toMinutes } from '../time';
import type { TimeOfDay } from '../types';

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** ISO weekday (1 = Monday … 7 = Sunday) of a YYYY-MM-DD date, NaN if malformed. */
export function isoWeekday(date: string): number {
  const m = DATE.exec(date);
  if (!m) return NaN;
  const d = new Date(
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])),
  ).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Local date (YYYY-MM-DD) and minute of day of an epoch-ms instant at UTC + `offsetMinutes`. */
export function localDateAndMinute(
  ms: number,
  offsetMinutes: number,
): { date: string; minute: number } {
  const local = ms + offsetMinutes * 60_000;
  const dayStart = Math.floor(local / DAY_MS) * DAY_MS;
  return {
    date: new Date(dayStart).toISOString().slice(0, 10),
    minute: (local - dayStart) / 60_000,
  };
}

/**
 * The minute bounds of a contiguous interval grid: interval k is bounds[k] ≤ minute < bounds[k+1].
 * Throws QueueingInputError if the grid is empty, an interval is not one, or an interval does not
 * start where the previous ends.
 */
export function gridBounds(
  intervals: readonly { start: TimeOfDay; end: TimeOfDay }[],
): number[] {
  const bounds: number[] = [];
  const errors: string[] = [];
  intervals.forEach((iv, i) => {
    const a = toMinutes(iv.start);
    const b = toMinutes(iv.end);
    if (Number.isNaN(a) || Number.isNaN(b) || !(a < b))
      errors.push(`intervals[${i}] is not a valid interval`);
    if (i > 0 && a !== bounds[bounds.length - 1])
      errors.push(`intervals[${i}] must start where the previous ends`);
    if (i === 0) bounds.push(a);
    bounds.push(b);
  });
  if (intervals.length === 0) errors.push('intervals must not be empty');
  assertValid(errors);
  return bounds;
}

/** The interval k of a grid (gridBounds) with bounds[k] ≤ minute < bounds[k+1]; -1 outside the grid. */
export function intervalOf(bounds: readonly number[], minute: number): number {
  const I = bounds.length - 1;
  if (minute < bounds[0] || minute >= bounds[I]) return -1;
  let lo = 0;
  let hi = I - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bounds[mid] <= minute) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
