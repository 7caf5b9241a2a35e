import type {
  DemandHandling,
  HallDemand,
  RatingReason,
  WindowView,
} from '@onewindow/contracts';
import { Rng, toMinutes } from '@onewindow/queueing';

/**
 * What a simulated hall day draws from: the hall's demand as the planner fits it (arrivals per
 * clock hour and category, handling times, no-shows) and the habits of people in a hall (priority,
 * patience, ratings). Pure and seeded: the same demand and seed give the same day.
 */

/** Share of tickets for the green channel (seniors, disabled, pregnant) and for appointments. */
export const PRIORITY_SHARE = 0.05;
export const APPOINTMENT_SHARE = 0.08;
/** Nobody gives up in their first minutes; after that patience runs out at this mean. */
export const PATIENCE_FLOOR_MINUTES = 10;
export const PATIENCE_MEAN_MINUTES = 45;
/** Share of served people who answer the rating pad. */
export const RATING_SHARE = 0.6;
/** Staffed windows = this × the day's mean load (as the demo's history was staffed). */
export const STAFFING_FACTOR = 1.3;
/** Minutes from a call to the person reaching the window. */
export const WALK_MINUTES: readonly [number, number] = [0.3, 1.5];

export interface Interval {
  start: number;
  end: number;
}

export type Priority = 'normal' | 'priority' | 'appointment';
export type Outcome = 'done' | 'needs_materials' | 'rejected';

/** One simulated visitor, decided when they arrive. */
export interface Visitor {
  categoryCode: string;
  priority: Priority;
  /** Minutes they wait before giving up. */
  patienceMinutes: number;
  /** They will not come when called. */
  noShow: boolean;
  handlingMinutes: number;
  outcome: Outcome;
  /** Stars given at the rating pad after service, or null when they walk past it. */
  rating: { rating: number; reason?: RatingReason } | null;
}

/**
 * Arrivals as a Poisson process whose rate is constant within each clock hour of the fit: the
 * fitted mean arrivals of the interval spread over its minutes.
 */
export class ArrivalProcess {
  readonly intervals: Interval[];
  private readonly rates: number[];
  private readonly categoryWeights: { code: string; weights: number[] }[];

  constructor(
    private readonly demand: HallDemand,
    private readonly rng: Rng,
    /** Scales every rate (1: the fitted day). */
    scale = 1,
  ) {
    this.intervals = demand.intervals.map((iv) => ({
      start: toMinutes(iv.start),
      end: toMinutes(iv.end),
    }));
    this.rates = demand.byInterval.map(
      (n, k) => (n * scale) / (this.intervals[k].end - this.intervals[k].start),
    );
    this.categoryWeights = demand.categories.map((c) => ({
      code: c.code,
      weights: c.byInterval,
    }));
  }

  /** Expected arrivals between two minutes of the day. */
  expected(from: number, to: number): number {
    let sum = 0;
    this.intervals.forEach((iv, k) => {
      const a = Math.max(from, iv.start);
      const b = Math.min(to, iv.end);
      if (b > a) sum += this.rates[k] * (b - a);
    });
    return sum;
  }

  /** The next arrival after minute `t` of the day, or null when none comes before closing. */
  next(t: number): number | null {
    let e = this.rng.exponential();
    let k = this.intervals.findIndex((iv) => t < iv.end);
    if (k < 0) return null;
    let at = Math.max(t, this.intervals[k].start);
    for (;;) {
      const room = this.rates[k] * (this.intervals[k].end - at);
      if (e < room) return at + e / this.rates[k];
      e -= room;
      k++;
      if (k >= this.intervals.length) return null;
      at = this.intervals[k].start;
    }
  }

  /** A category for an arrival at minute `t`, in proportion to the fitted arrivals of its hour. */
  category(t: number): string {
    let k = this.intervals.findIndex((iv) => t < iv.end);
    if (k < 0) k = this.intervals.length - 1;
    const total = this.categoryWeights.reduce((s, c) => s + c.weights[k], 0);
    let u = this.rng.uniform() * total;
    for (const c of this.categoryWeights) {
      u -= c.weights[k];
      if (u < 0) return c.code;
    }
    // an hour without arrivals of any category (the rate is 0 there, so this is never drawn)
    return this.categoryWeights[0].code;
  }
}

/** A handling time: the category's lognormal fit (its mean otherwise), within [0.5, 3 × mean]. */
export function drawHandling(
  rng: Rng,
  fit: DemandHandling | null,
  fallbackMean = 8,
): number {
  const mean = fit?.meanMinutes ?? fallbackMean;
  const x = fit?.lognormal
    ? Math.exp(fit.lognormal.mu + fit.lognormal.sigma * rng.normal())
    : mean * rng.exponential();
  return Math.min(Math.max(x, 0.5), 3 * mean);
}

const REASONS: readonly RatingReason[] = [
  'waited_too_long',
  'too_slow',
  'unclear_requirements',
  'attitude',
  'not_resolved',
];

/** Everything about a visitor that is decided when they take their ticket. */
export function drawVisitor(
  rng: Rng,
  demand: HallDemand,
  categoryCode: string,
): Visitor {
  const cat = demand.categories.find((c) => c.code === categoryCode);
  const u = rng.uniform();
  const priority: Priority =
    u < PRIORITY_SHARE
      ? 'priority'
      : u < PRIORITY_SHARE + APPOINTMENT_SHARE
        ? 'appointment'
        : 'normal';
  const o = rng.uniform();
  const outcome: Outcome =
    o < 0.9 ? 'done' : o < 0.98 ? 'needs_materials' : 'rejected';
  let rating: Visitor['rating'] = null;
  if (rng.uniform() < RATING_SHARE) {
    const r = rng.uniform();
    const stars = r < 0.72 ? 5 : r < 0.91 ? 4 : r < 0.97 ? 3 : r < 0.99 ? 2 : 1;
    rating =
      stars <= 2
        ? {
            rating: stars,
            reason: REASONS[Math.floor(rng.uniform() * REASONS.length)],
          }
        : { rating: stars };
  }
  return {
    categoryCode,
    priority,
    patienceMinutes:
      PATIENCE_FLOOR_MINUTES + PATIENCE_MEAN_MINUTES * rng.exponential(),
    noShow: rng.uniform() < (cat?.noShowRate ?? demand.noShowRate),
    handlingMinutes: drawHandling(
      rng,
      cat?.handling ?? demand.handling,
      demand.handling?.meanMinutes,
    ),
    outcome,
    rating,
  };
}

/** Whether a window may take a category: a comprehensive window with no list takes every one. */
export function serves(window: WindowView, categoryCode: string): boolean {
  return window.mode === 'comprehensive' && window.categoryCodes.length === 0
    ? true
    : window.categoryCodes.includes(categoryCode);
}

/**
 * The windows a hall staffs for the day: for each category, about STAFFING_FACTOR × its mean load
 * (arrivals × handling minutes over the open minutes), on its department windows first and the rest
 * on comprehensive windows, never more than the hall has. As the demo's history was staffed, so
 * queues build in the morning peak and drain at lunch.
 */
export function staffWindows(
  demand: HallDemand,
  windows: readonly WindowView[],
  factor = STAFFING_FACTOR,
): WindowView[] {
  const usable = windows.filter((w) => w.state !== 'retired');
  const openMinutes =
    toMinutes(demand.openingHours.close) - toMinutes(demand.openingHours.open);
  const dept = usable.filter((w) => w.mode === 'department');
  const comp = usable.filter((w) => w.mode === 'comprehensive');
  const chosen = new Set<WindowView>();
  let compNeed = 0;
  for (const c of demand.categories) {
    const mean = c.handling?.meanMinutes ?? demand.handling?.meanMinutes ?? 8;
    // a minute per person for the call and the walk
    const need = ((c.arrivalsPerDay * (mean + 1)) / openMinutes) * factor;
    if (need <= 0) continue;
    const own = dept.filter((w) => !chosen.has(w) && serves(w, c.code));
    const viaComp = comp.some((w) => serves(w, c.code));
    const d = Math.min(
      own.length,
      viaComp ? Math.floor(need) : Math.max(1, Math.ceil(need)),
    );
    own.slice(0, d).forEach((w) => chosen.add(w));
    if (viaComp) compNeed += need - d;
  }
  const nComp = Math.min(
    comp.length,
    Math.max(compNeed > 0 ? 1 : 0, Math.ceil(compNeed)),
  );
  comp.slice(0, nComp).forEach((w) => chosen.add(w));
  // no comprehensive window for the rest: more department windows, where there are any
  let short = Math.ceil(compNeed) - nComp;
  for (const w of dept) {
    if (short <= 0) break;
    if (!chosen.has(w)) {
      chosen.add(w);
      short--;
    }
  }
  return usable.filter((w) => chosen.has(w));
}
