import { assertValid, QueueingInputError } from './errors';
import { MAX_EMPIRICAL_SAMPLES } from './limits';
import { meanAndCv } from './model';
import { toMinutes } from './time';
import type { Scenario, ServiceSpec, ServiceTarget, TimeOfDay } from './types';
import { validateScenario } from './validate';

/**
 * Fitting a scenario from a hall's history: pure functions over plain arrays (the database read
 * happens in the API / worker).
 */

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

export interface HandlingFit {
  /** Usable handling times (finite, ≥ 0, not no-shows). */
  count: number;
  meanMinutes: number;
  /** Population standard deviation / mean. */
  cv: number;
  /** The observed minutes, sorted (at most MAX_EMPIRICAL_SAMPLES: evenly spaced order statistics beyond). */
  samples: number[];
  /**
   * Lognormal by the method of moments on the logs of the positive times: μ = mean(ln x),
   * σ = sd(ln x) (n − 1); then mean = e^{μ+σ²/2}, cv = √(e^{σ²} − 1). null with fewer than 2
   * positive times.
   */
  lognormal: {
    mu: number;
    sigma: number;
    meanMinutes: number;
    cv: number;
  } | null;
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

function localDateAndMinute(
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

/** Handling-time fit of a list of minutes (see HandlingFit). */
export function fitHandling(minutes: readonly number[]): HandlingFit | null {
  const xs = minutes
    .filter((x) => Number.isFinite(x) && x >= 0)
    .sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const { mean, cv } = meanAndCv(xs);
  const logs = xs.filter((x) => x > 0).map(Math.log);
  let lognormal: HandlingFit['lognormal'] = null;
  if (logs.length >= 2) {
    const mu = logs.reduce((a, b) => a + b, 0) / logs.length;
    const v =
      logs.reduce((a, b) => a + (b - mu) * (b - mu), 0) / (logs.length - 1);
    const sigma = Math.sqrt(v);
    lognormal = {
      mu,
      sigma,
      meanMinutes: Math.exp(mu + v / 2),
      cv: Math.sqrt(Math.expm1(v)),
    };
  }
  let samples = xs;
  if (xs.length > MAX_EMPIRICAL_SAMPLES) {
    samples = new Array<number>(MAX_EMPIRICAL_SAMPLES);
    for (let i = 0; i < MAX_EMPIRICAL_SAMPLES; i++) {
      samples[i] =
        xs[Math.floor(((i + 0.5) * xs.length) / MAX_EMPIRICAL_SAMPLES)];
    }
  }
  return { count: xs.length, meanMinutes: mean, cv, samples, lognormal };
}

/**
 * Arrival profile per category and interval (mean per day over the chosen days), handling-time
 * fits and no-show rates from ticket records.
 */
export function fitHistory(
  tickets: readonly TicketRecord[],
  options: FitOptions,
): HistoryFit {
  const bounds: number[] = [];
  const errors: string[] = [];
  options.intervals.forEach((iv, i) => {
    const a = toMinutes(iv.start);
    const b = toMinutes(iv.end);
    if (Number.isNaN(a) || Number.isNaN(b) || !(a < b))
      errors.push(`intervals[${i}] is not a valid interval`);
    if (i > 0 && a !== bounds[bounds.length - 1])
      errors.push(`intervals[${i}] must start where the previous ends`);
    if (i === 0) bounds.push(a);
    bounds.push(b);
  });
  if (options.intervals.length === 0)
    errors.push('intervals must not be empty');
  assertValid(errors);
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
    // interval: bounds[k] ≤ minute < bounds[k+1]
    if (minute < bounds[0] || minute >= bounds[I]) {
      outsideGrid++;
      continue;
    }
    let lo = 0;
    let hi = I - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (bounds[mid] <= minute) lo = mid;
      else hi = mid - 1;
    }
    acc.byInterval[lo]++;
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

export type FittedServiceModel = 'lognormal' | 'empirical' | 'exponential';

/**
 * A contract scenario from a fit: arrivalsPerDay and the profile from all categories together,
 * category shares from their totals (the scenario has one profile for all categories, so a
 * category's own daily shape is averaged away), handling times as a lognormal fitted on the logs
 * (default), the empirical samples, or exponential with the observed mean. A category without
 * handling records borrows the hall-wide fit. Categories without arrivals are left out.
 * `onlineShift` applies `applyOnlineShift` to the result.
 */
export function scenarioFromFit(
  fit: HistoryFit,
  options: {
    target: ServiceTarget;
    service?: FittedServiceModel;
    open?: TimeOfDay;
    close?: TimeOfDay;
    onlineShift?: OnlineShift;
  },
): Scenario {
  const total = fit.arrivalsPerDay;
  if (!(total > 0))
    throw new QueueingInputError([
      'the history has no arrivals inside the interval grid',
    ]);
  const model = options.service ?? 'lognormal';
  const cats = fit.categories.filter((c) => c.arrivalsPerDay > 0);
  const errors: string[] = [];
  const scenario: Scenario = {
    open: options.open ?? fit.intervals[0].start,
    close: options.close ?? fit.intervals[fit.intervals.length - 1].end,
    arrivalsPerDay: total,
    profile: fit.intervals.map((iv, i) => ({
      start: iv.start,
      end: iv.end,
      share: fit.byInterval[i] / total,
    })),
    categories: cats.map((c) => {
      const h = c.handling ?? fit.handlingOverall;
      if (!h) {
        errors.push(
          `category ${c.code}: no handling times recorded (and none in the hall)`,
        );
        return {
          code: c.code,
          share: c.arrivalsPerDay / total,
          service: { distribution: 'exponential', meanMinutes: 1 },
        };
      }
      return {
        code: c.code,
        share: c.arrivalsPerDay / total,
        service: serviceOf(h, model),
      };
    }),
    target: { ...options.target },
  };
  assertValid(errors);
  const out = options.onlineShift
    ? applyOnlineShift(scenario, options.onlineShift)
    : scenario;
  const v = validateScenario(out);
  assertValid(v);
  return out;
}

function serviceOf(h: HandlingFit, model: FittedServiceModel): ServiceSpec {
  if (model === 'empirical' && h.meanMinutes > 0) {
    return { distribution: 'empirical', samples: h.samples };
  }
  if (model === 'lognormal' && h.lognormal) {
    return {
      distribution: 'lognormal',
      meanMinutes: h.lognormal.meanMinutes,
      cv: h.lognormal.cv,
    };
  }
  return {
    distribution: 'exponential',
    meanMinutes: Math.max(h.meanMinutes, 1e-6),
  };
}

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
