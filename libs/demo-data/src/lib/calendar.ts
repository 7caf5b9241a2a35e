/**
 * Dates as day numbers (days since 1970-01-01) and the working calendar of mainland China for
 * the demo years: public holidays close the halls, and the official make-up working days (调休)
 * on a Saturday or Sunday open them.
 */

const MS_PER_DAY = 86_400_000;
const isoCache = new Map<number, string>();

export function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
}

export function isoOf(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache.set(day, s);
  }
  return s;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function yearOf(day: number): number {
  return Number(isoOf(day).slice(0, 4));
}

/** 1..12 */
export function monthOf(day: number): number {
  return Number(isoOf(day).slice(5, 7));
}

function span(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = dayOf(from); d <= dayOf(to); d++) out.push(isoOf(d));
  return out;
}

/** Official public holidays (days off) 2018-12-30 … 2021. */
export const PUBLIC_HOLIDAYS: ReadonlySet<string> = new Set([
  ...span('2018-12-30', '2019-01-01'),
  ...span('2019-02-04', '2019-02-10'), // Spring Festival 2019
  ...span('2019-04-05', '2019-04-07'),
  ...span('2019-05-01', '2019-05-04'),
  ...span('2019-06-07', '2019-06-09'),
  ...span('2019-09-13', '2019-09-15'),
  ...span('2019-10-01', '2019-10-07'),
  '2020-01-01',
  ...span('2020-01-24', '2020-02-02'), // Spring Festival 2020 (extended by the State Council)
  ...span('2020-04-04', '2020-04-06'),
  ...span('2020-05-01', '2020-05-05'),
  ...span('2020-06-25', '2020-06-27'),
  ...span('2020-10-01', '2020-10-08'),
  '2021-01-01',
  ...span('2021-02-11', '2021-02-17'),
]);

/** Weekend days that were official working days. */
export const MAKEUP_WORKDAYS: ReadonlySet<string> = new Set([
  '2018-12-29',
  '2019-02-02',
  '2019-02-03',
  '2019-04-28',
  '2019-05-05',
  '2019-09-29',
  '2019-10-12',
  '2020-01-19',
  '2020-04-26',
  '2020-05-09',
  '2020-06-28',
  '2020-09-27',
  '2020-10-10',
  '2021-02-07',
  '2021-02-20',
]);

/** Zhejiang's service halls stayed shut after the extended 2020 holiday (COVID-19) until 10 Feb. */
export const COVID_CLOSURE: ReadonlySet<string> = new Set(
  span('2020-02-03', '2020-02-09'),
);

export function isWorkingDay(day: number): boolean {
  const iso = isoOf(day);
  if (PUBLIC_HOLIDAYS.has(iso)) return false;
  if (MAKEUP_WORKDAYS.has(iso)) return true;
  const w = weekday(day);
  return w !== 0 && w !== 6;
}

/** Whether a service hall opens its doors on that day (working day and no closure). */
export function isHallOpen(day: number): boolean {
  return isWorkingDay(day) && !COVID_CLOSURE.has(isoOf(day));
}

/** Spring Festival first days, for the holiday dip. */
export const SPRING_FESTIVAL: ReadonlyArray<string> = [
  '2019-02-05',
  '2020-01-25',
  '2021-02-12',
];

/** Offset in hall-open days from the nearest Spring Festival holiday (negative before, positive after). */
export function springFestivalDistance(day: number): number | null {
  for (const sf of SPRING_FESTIVAL) {
    const s = dayOf(sf);
    if (day < s && s - day <= 20) {
      let n = 0;
      for (let d = day; d < s; d++) if (isHallOpen(d)) n++;
      return -n;
    }
    if (day > s && day - s <= 40) {
      let n = 0;
      for (let d = s; d <= day; d++) if (isHallOpen(d)) n++;
      return n;
    }
  }
  return null;
}
