import { DateTime } from 'luxon';
import { normalizeHeaderName } from './csv-formats';

/** A value read from a CSV field, or why it cannot be read. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

/** Earliest day an import accepts (a typo such as 1020 for 2020 is rejected, not stored). */
export const IMPORT_MIN_DAY = '2000-01-01';

const DAY = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const COMPACT_DAY = /^(\d{4})(\d{2})(\d{2})$/;
const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;
const LOOSE_DATE_TIME =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[T ]+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const TIME_OF_DAY = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** Hours 0–23, minutes and seconds 0–59 (seconds may be absent: NaN). */
const clockOk = (h: number, mi: number, se: number) =>
  h <= 23 && mi <= 59 && (Number.isNaN(se) || se <= 59);

/** A calendar day that exists, or null. */
function calendarDay(y: number, m: number, d: number): string | null {
  const dt = DateTime.fromObject(
    { year: y, month: m, day: d },
    { zone: 'UTC' },
  );
  return dt.isValid ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/**
 * A day: 2020-03-02, 2020/3/2, 2020.3.2 or 20200302 → '2020-03-02'. Between IMPORT_MIN_DAY and
 * `latest` (inclusive) when given.
 */
export function parseDay(raw: string, latest?: string): Parsed<string> {
  const s = raw.trim();
  if (!s) return bad('is empty');
  const m = DAY.exec(s) ?? COMPACT_DAY.exec(s);
  if (!m) return bad(`"${s}" is not a date (YYYY-MM-DD)`);
  const day = calendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
  if (!day) return bad(`"${s}" is not a real date`);
  if (day < IMPORT_MIN_DAY) return bad(`${day} is before ${IMPORT_MIN_DAY}`);
  if (latest && day > latest) return bad(`${day} is after ${latest}`);
  return ok(day);
}

/**
 * A moment written as local time in `zone` ("2020-03-02 09:14:05", "2020/3/2 9:14",
 * "2020-03-02T09:14:05") or with an offset ("2020-03-02T09:14:05+08:00", "…Z"). With `sameDayAs`
 * (a moment), a bare time of day ("09:14:05") is read on that moment's local day.
 */
export function parseMoment(
  raw: string,
  zone: string,
  sameDayAs?: DateTime,
): Parsed<DateTime> {
  const s = raw.trim();
  if (!s) return bad('is empty');
  let dt: DateTime | undefined;
  if (ISO_DATE_TIME.test(s)) {
    // (luxon reads 24:00 as the next midnight; a log never means that)
    dt =
      Number(s.slice(11, 13)) <= 23
        ? DateTime.fromISO(s.replace(' ', 'T'), { zone, setZone: true })
        : DateTime.invalid('time');
  } else {
    const loose = LOOSE_DATE_TIME.exec(s);
    const time = sameDayAs ? TIME_OF_DAY.exec(s) : null;
    if (loose) {
      const [, y, mo, d, h, mi, se] = loose.map(Number);
      dt = clockOk(h, mi, se)
        ? DateTime.fromObject(
            {
              year: y,
              month: mo,
              day: d,
              hour: h,
              minute: mi,
              second: se || 0,
            },
            { zone },
          )
        : DateTime.invalid('time');
    } else if (time && sameDayAs) {
      const [, h, mi, se] = time.map(Number);
      // a time of day that does not exist (25:00) is not silently moved to the next day
      dt = clockOk(h, mi, se)
        ? sameDayAs
            .setZone(zone)
            .set({ hour: h, minute: mi, second: se || 0, millisecond: 0 })
        : DateTime.invalid('time');
    }
  }
  if (!dt)
    return bad(
      `"${s}" is not a date and time (YYYY-MM-DD HH:mm:ss${sameDayAs ? ', or HH:mm:ss on the day of issue' : ''})`,
    );
  if (!dt.isValid) return bad(`"${s}" is not a real date and time`);
  return ok(dt);
}

/** A count: a whole number from 0 to 2,147,483,647 (digits only). */
export function parseCount(raw: string): Parsed<number> {
  const s = raw.trim();
  if (!s) return bad('is empty');
  if (!/^\d+$/.test(s)) return bad(`"${s}" is not a whole number ≥ 0`);
  const n = Number(s);
  if (n > 2_147_483_647) return bad(`${s} is too large`);
  return ok(n);
}

/** The canonical name of a value, matched without case and surrounding blanks. */
export function parseChoice<T extends string>(
  raw: string,
  choices: readonly T[],
  aliases: Readonly<Record<string, T>> = {},
): Parsed<T> {
  const s = raw.trim();
  if (!s) return bad('is empty');
  const key = normalizeHeaderName(s);
  const found =
    choices.find((c) => c === key) ??
    aliases[key] ??
    aliases[s] ??
    (undefined as T | undefined);
  if (found) return ok(found);
  return bad(`"${s}" is not one of ${choices.join(', ')}`);
}
