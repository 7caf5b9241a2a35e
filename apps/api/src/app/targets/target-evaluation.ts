import type { TargetComparison, TargetStatus } from '@onewindow/contracts';
import { DateTime } from 'luxon';

/**
 * The arithmetic of target actuals and statuses. Pure: the facts come in as sums (queried by
 * TargetActualsService), the figures and the status come out.
 */

/** Days of facts behind a rate, mean or share: the 30 days up to the evaluation date. */
export const FACT_SPAN_DAYS = 30;
/** How far back the trend of a target not yet met is measured. */
export const TREND_DAYS = 90;

/** `date` (YYYY-MM-DD) moved by `days` calendar days. */
export function shiftDate(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'utc' })
    .plus({ days })
    .toISODate() as string;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    DateTime.fromISO(to, { zone: 'utc' }).diff(
      DateTime.fromISO(from, { zone: 'utc' }),
      'days',
    ).days,
  );
}

/** The date a target's actual describes: today, or the due date once it has passed. */
export function evaluationDate(dueDate: string, today: string): string {
  return dueDate < today ? dueDate : today;
}

/** The 30 days up to and including `asOf`. */
export function factSpan(asOf: string): { from: string; to: string } {
  return { from: shiftDate(asOf, 1 - FACT_SPAN_DAYS), to: asOf };
}

/** To the 4 decimals a target holds, so what is shown is what is compared. */
export function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/** numerator / denominator to 4 decimals; null when there is nothing to divide by. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? round4(numerator / denominator) : null;
}

/** Whether `actual` stands in the target's relation to `target`. */
export function satisfies(
  actual: number,
  comparison: TargetComparison,
  target: number,
): boolean {
  switch (comparison) {
    case 'lt':
      return actual < target;
    case 'le':
      return actual <= target;
    case 'gt':
      return actual > target;
    case 'ge':
      return actual >= target;
    case 'eq':
      return Math.abs(actual - target) < 1e-9;
  }
}

/** The value on `daysAhead` days from now if it keeps moving as it did over the last TREND_DAYS. */
export function extrapolate(
  past: number,
  now: number,
  daysAhead: number,
): number {
  return round4(now + ((now - past) / TREND_DAYS) * daysAhead);
}

export interface StatusInput {
  comparison: TargetComparison;
  /** The target value. */
  value: number;
  dueDate: string;
  today: string;
  /** The actual value at the evaluation date (null: no facts). */
  actual: number | null;
  /** The same figure TREND_DAYS before the evaluation date (null: no facts then). */
  past: number | null;
}

/**
 * met: the actual satisfies the target. Otherwise missed once the due date has passed; otherwise
 * on_track when the line from the value TREND_DAYS ago through today's reaches the target by the
 * due date, else behind. no_data without an actual.
 */
export function targetStatus(s: StatusInput): TargetStatus {
  if (s.actual === null) return 'no_data';
  if (satisfies(s.actual, s.comparison, s.value)) return 'met';
  if (s.dueDate < s.today) return 'missed';
  if (s.past === null) return 'behind';
  const projected = extrapolate(
    s.past,
    s.actual,
    daysBetween(s.today, s.dueDate),
  );
  const reaches =
    s.comparison === 'eq'
      ? (s.actual - s.value) * (projected - s.value) <= 0
      : satisfies(projected, s.comparison, s.value);
  return reaches ? 'on_track' : 'behind';
}

/** Whether a status needs the value TREND_DAYS back (only a target still open and not met). */
export function needsTrend(
  actual: number | null,
  comparison: TargetComparison,
  value: number,
  dueDate: string,
  today: string,
): boolean {
  return (
    actual !== null && !satisfies(actual, comparison, value) && dueDate >= today
  );
}
