/**
 * Fitting the arrivals (per category and interval), handling times and no-show rates of a hall's
 * history: pure functions over plain arrays (the database read happens in the API / worker).
 */
import type { TimeOfDay } from '../types';
import { gridBounds, intervalOf, isoWeekday, localDateAndMinute } from './grid';
import { fitHandling, type HandlingFit } from './handling';

/** One ticket: when it was issued (epoch ms, or local date + minute of day), its category, its
 * handling minutes (null when unknown) and whether the customer failed to show when called. */
export type TicketRecord = {
  categoryCode: string;
  serviceMinutes: number | null;
  noShow: boolean;
} & ({ issuedAt: number } | { date: string; minuteOfDay: number });

export interface FitOptions {
  /** The interval grid (contiguous), e.g. half hours from opening to closing. */
  intervals: readonly { start: TimeOfDay; end: TimeOfDay }[];
  /** ISO weekdays to keep: 1 = Monday … 7 = Sunday. Default: every day. */
  weekdays?: readonly number[];
  /**
   * The days to average over (YYYY-MM-DD, after the weekday filter). Default: the distinct dates
   * of the kept tickets. A listed day without tickets counts as a day without arrivals.
   */
  days?: readonly string[];
  /** Local time = UTC + this, for `issuedAt` (default 480: China Standard Time, no daylight saving). */
  utcOffsetMinutes?: number;
  /** Count no-shows as arrivals needing service (default false: they never reach a window). */
  includeNoShows?: boolean;
}

export interface CategoryFit {
  code: string;
  tickets: number;
  noShows: number;
  noShowRate: number;
  /** Mean arrivals per day (no-shows excluded unless includeNoShows). */
  arrivalsPerDay: number;
  /** Mean arrivals per day in each interval. */
  byInterval: number[];
  handling: HandlingFit | null;
}

export interface HistoryFit {
  days: string[];
  intervals: { start: TimeOfDay; end: TimeOfDay }[];
  categories: CategoryFit[];
  arrivalsPerDay: number;
  byInterval: number[];
  /** All categories' handling times together (the fallback for a category without any). */
  handlingOverall: HandlingFit | null;
  /** Kept tickets issued outside the grid (not counted as arrivals). */
  outsideGrid: number;
  /** Tickets dropped by the weekday or day filter. */
  filteredOut: number;
  noShowRate: number;
}

/**
 * Arrival profile per category and interval (mean per day over the chosen days), handling-time
 * fits and no-show rates from ticket records.
 */
export function fitHistory(
  tickets: readonly TicketRecord[],
  options: FitOptions,
): HistoryFit {
  const bounds = gridBounds(options.intervals);
  const I = options.intervals.length;
  const offset = options.utcOffsetMinutes ?? 480;
  const weekdays = options.weekdays ? new Set(options.weekdays) : null;
  const dayList = options.days ? new Set(options.days) : null;
  const dates = new Set<string>(options.days ?? []);
  interface Acc {
    tickets: number;
    noShows: number;
    byInterval: number[];
    handling: number[];
  }
  const byCode = new Map<string, Acc>();
  const allHandling: number[] = [];
  let outsideGrid = 0;
  let filteredOut = 0;
  let kept = 0;
  let noShows = 0;
  for (const t of tickets) {
    let date: string;
    let minute: number;
    if ('issuedAt' in t) {
      const dm = localDateAndMinute(t.issuedAt, offset);
      date = dm.date;
      minute = dm.minute;
    } else {
      date = t.date;
      minute = t.minuteOfDay;
    }
    if (weekdays && !weekdays.has(isoWeekday(date))) {
      filteredOut++;
      continue;
    }
    if (dayList && !dayList.has(date)) {
      filteredOut++;
      continue;
    }
    dates.add(date);
    kept++;
    let acc = byCode.get(t.categoryCode);
    if (!acc) {
      acc = {
        tickets: 0,
        noShows: 0,
        byInterval: new Array<number>(I).fill(0),
        handling: [],
      };
      byCode.set(t.categoryCode, acc);
    }
    acc.tickets++;
    if (t.noShow) {
      acc.noShows++;
      noShows++;
    } else if (
      t.serviceMinutes !== null &&
      Number.isFinite(t.serviceMinutes) &&
      t.serviceMinutes >= 0
    ) {
      acc.handling.push(t.serviceMinutes);
      allHandling.push(t.serviceMinutes);
    }
    if (t.noShow && !options.includeNoShows) continue;
    const k = intervalOf(bounds, minute);
    if (k < 0) {
      outsideGrid++;
      continue;
    }
    acc.byInterval[k]++;
  }
  const days = [...dates].sort();
  const nDays = Math.max(1, days.length);
  const categories: CategoryFit[] = [...byCode.keys()].sort().map((code) => {
    const a = byCode.get(code) as Acc;
    const byInterval = a.byInterval.map((n) => n / nDays);
    return {
      code,
      tickets: a.tickets,
      noShows: a.noShows,
      noShowRate: a.tickets ? a.noShows / a.tickets : 0,
      arrivalsPerDay: byInterval.reduce((x, y) => x + y, 0),
      byInterval,
      handling: fitHandling(a.handling),
    };
  });
  const byInterval = new Array<number>(I).fill(0);
  for (const c of categories)
    c.byInterval.forEach((n, i) => (byInterval[i] += n));
  return {
    days,
    intervals: options.intervals.map((iv) => ({
      start: iv.start,
      end: iv.end,
    })),
    categories,
    arrivalsPerDay: byInterval.reduce((x, y) => x + y, 0),
    byInterval,
    handlingOverall: fitHandling(allHandling),
    outsideGrid,
    filteredOut,
    noShowRate: kept ? noShows / kept : 0,
  };
}
