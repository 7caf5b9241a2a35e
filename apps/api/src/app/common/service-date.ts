import { DateTime } from 'luxon';

/** The halls' time zone: a ticket's service_date is the local date there. */
export const HALL_TIME_ZONE = 'Asia/Shanghai';

/** Today's date in the halls' time zone (YYYY-MM-DD). */
export function todayInShanghai(): string {
  return DateTime.now().setZone(HALL_TIME_ZONE).toISODate() as string;
}
