import { DateTime } from 'luxon';
import { DomainError } from './domain-error';

/** The halls' time zone: a ticket's service_date is the local date there. */
export const HALL_TIME_ZONE = 'Asia/Shanghai';

let today: { date: string; until: number } | undefined;

/**
 * Today's date in the halls' time zone (YYYY-MM-DD). Computed once per local day: the zone
 * arithmetic is far dearer than the clock read, and every ticket write needs the date.
 */
export function todayInShanghai(now = Date.now()): string {
  if (!today || now >= today.until || now < today.until - 86_400_000) {
    const local = DateTime.fromMillis(now, { zone: HALL_TIME_ZONE });
    today = {
      date: local.toISODate() as string,
      until: local.startOf('day').plus({ days: 1 }).toMillis(),
    };
  }
  return today.date;
}

/**
 * A 400 when a span of days (YYYY-MM-DD, inclusive) runs backwards or, with `maxDays`, is longer
 * than that.
 */
export function assertSpan(from: string, to: string, maxDays?: number): void {
  if (from > to)
    throw DomainError.invalid('from must not be after to', [
      { field: 'from', problems: ['is after to'] },
    ]);
  if (
    maxDays !== undefined &&
    DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days > maxDays
  )
    throw DomainError.invalid(`At most ${maxDays} days per request`, [
      { field: 'to', problems: ['span too long'] },
    ]);
}

/** A 400 naming `field` when `day` (YYYY-MM-DD) is after today in the halls' time zone. */
export function assertNotFuture(day: string, field: string): void {
  const today = todayInShanghai();
  if (day > today)
    throw DomainError.invalid(`${field} must not be after today`, [
      { field, problems: [`is after today (${today}, Asia/Shanghai)`] },
    ]);
}
