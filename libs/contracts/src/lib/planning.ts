/**
 * Plans (api-contract.md, "Planning"): a planning run fitted from a hall's own tickets, computed by
 * the worker. The instant answers (erlang-c, erlang-a, simulate, minimum-windows, replay) use the
 * types of @onewindow/queueing (`ErlangAAnswer` defines its shares as the product does: people who
 * give up are misses); a plan's figures have the same shape (`PlanFigure` is its `Figure`).
 */

export type PlanState = 'queued' | 'running' | 'done' | 'failed';
export type PlanLayoutKind = 'department' | 'comprehensive' | 'hybrid';

/** `POST /halls/{hallId}/plans` body. */
export interface CreatePlanRequest {
  /** The ticket history to fit, YYYY-MM-DD (Asia/Shanghai days), at most 366 days. */
  historyFrom: string;
  historyTo: string;
  /** e.g. 80% called within 15 minutes. */
  target: { waitMinutes: number; share: number };
  layouts: PlanLayoutKind[];
  /** What-if: the online-handling rate of every category that can be handled online rises by this many points (0–100). */
  onlineShiftPoints?: number;
  /** Simulated days per evaluation (default 30). */
  replications?: number;
  /** ISO weekdays of the history to use (1 = Monday … 7 = Sunday); default the hall's opening days. */
  weekdays?: number[];
  name?: string;
}

/** A replication figure: mean over the simulated days and its 95% confidence interval. */
export interface PlanFigure {
  mean: number;
  ci95: [number, number];
}

export interface PlanOverall {
  meanWaitMinutes: PlanFigure;
  p50WaitMinutes: PlanFigure;
  p90WaitMinutes: PlanFigure;
  p95WaitMinutes: PlanFigure;
  /** called within the target ÷ everyone who arrived: people who give up are misses (docs/figures.md) */
  shareWithinTarget: PlanFigure;
  shareWaiting: PlanFigure;
  utilisation: PlanFigure;
  /** people whose patience ran out before a window called them ÷ everyone who arrived (absent in plans made before it) */
  abandonedShare?: PlanFigure;
}

/** One layout's answer: the per-interval schedule that meets the target in every interval. */
export interface PlanLayoutResult {
  kind: PlanLayoutKind;
  /** Per profile interval ("HH:MM"): windows open, and the simulated customers and waits of those arriving then. */
  intervals: {
    start: string;
    end: string;
    windows: number;
    customers: number;
    meanWaitMinutes: number;
    shareWithinTarget: number;
    /** of those arriving then, the share who gave up (absent in plans made before it) */
    abandonedShare?: number;
  }[];
  /** The pools of the layout (comprehensive: one "all"; department: one per category; hybrid: specialist and shared pools). */
  pools: { label: string; categories: string[]; perInterval: number[] }[];
  peakWindows: number;
  windowHours: number;
  /** The fewest windows open all day that meet the target over the day. */
  fixedWindows: number;
  /** Simulated figures of the day under the schedule. */
  overall: PlanOverall;
  /** Windows in service in the hall now minus peakWindows (negative: more windows needed). */
  staffFreed: number;
}

export interface PlanResult {
  fit: {
    /** Days of history averaged (after the weekday filter). */
    days: number;
    weekdays: number[];
    tickets: number;
    noShowRate: number;
    arrivalsPerDay: number;
    /** After the online shift (equal to arrivalsPerDay without one). */
    arrivalsPerDayPlanned: number;
    onlineShiftPoints: number;
    /**
     * How long people wait before giving up, fitted from the history as censored data: the waits
     * of people called (and of those left waiting at closing) are lower bounds of their patience,
     * the waits of people who gave up are their patience. `meanMinutes`: exponential maximum
     * likelihood (null without anybody giving up: then nobody gives up in the simulation);
     * `kaplanMeier`: the share still waiting after each event time. Absent in plans made before it.
     */
    patience?: {
      observations: number;
      events: number;
      meanMinutes: number | null;
      medianMinutes: number | null;
      kaplanMeier: { minutes: number[]; survival: number[] };
    } | null;
    categories: {
      code: string;
      share: number;
      meanServiceMinutes: number;
      cv: number;
      /** Its current online-handling rate (null: nothing of it is handled online). */
      onlineRate: number | null;
    }[];
  };
  /** Windows in service in the hall today. */
  currentWindows: number;
  layouts: PlanLayoutResult[];
  /**
   * The hall's specialist categories kept in pools of their own by the hybrid layout, and what each
   * costs: the fewest all-day windows of the hybrid layout (windowsSeparate) against the same layout
   * with that category pooled into the comprehensive windows (windowsPooled). null when the hybrid
   * layout was not asked for or the hall marks no category of the history specialist (its
   * specialist pools then come from handling times); absent in plans made before it.
   */
  specialists?: {
    codes: string[];
    costs: {
      code: string;
      windowsSeparate: number;
      windowsPooled: number;
      /** windowsSeparate − windowsPooled: e.g. 2 → "单设车驾管专窗需多 2 个窗口" */
      extraWindows: number;
    }[];
  } | null;
  /**
   * Department vs comprehensive with the same windows (when both were asked for): which is better,
   * metric by metric — pooling is computed, never assumed.
   */
  pooling: {
    /**
     * By the paired difference of `verdictMetric` alone ("mixed" only in plans made before the
     * verdict rested on one metric).
     */
    verdict: 'pooled' | 'department' | 'mixed' | 'indistinguishable';
    /** The one pre-declared metric the verdict rests on (absent in older plans). */
    verdictMetric?: 'overall.shareWithinTarget';
    metrics: {
      metric: string;
      /** primary: the verdict metric; secondary: shown with its interval, not judged */
      role?: 'primary' | 'secondary';
      department: number;
      pooled: number;
      /** pooled − department, paired over the same simulated customers. */
      difference: PlanFigure;
      /** only on the primary metric */
      better?: 'pooled' | 'department' | 'neither';
    }[];
  } | null;
}

export interface PlanView {
  id: string;
  hallId: string;
  name: string | null;
  state: PlanState;
  /** 0..1 */
  progress: number;
  inputs: CreatePlanRequest;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  result?: PlanResult;
  /** In lists: each layout's headline figures (a done plan). */
  summary?: PlanLayoutSummary[];
  error?: string;
}

export interface PlanLayoutSummary {
  kind: PlanLayoutKind;
  peakWindows: number;
  fixedWindows: number;
  windowHours: number;
  staffFreed: number;
  shareWithinTarget: number;
  meanWaitMinutes: number;
}

/** Handling minutes of one category (or of all) as the planner fits them. */
export interface DemandHandling {
  /** Tickets with a handling time (started and completed). */
  count: number;
  meanMinutes: number;
  cv: number;
  /** Lognormal by the method of moments on the logs (null with fewer than 2 positive times). */
  lognormal: { mu: number; sigma: number } | null;
}

/**
 * The planner's fit of a hall's demand (GET /halls/{hallId}/demand): mean arrivals per day in each
 * clock hour of the opening hours, per category, over the days of the span on the chosen weekdays;
 * handling times and no-show rates. The same fit a plan starts from.
 */
export interface HallDemand {
  hallId: string;
  from: string;
  to: string;
  weekdays: number[];
  /** Days averaged (open days of the span on those weekdays with tickets). */
  days: number;
  timezone: string;
  openingHours: { open: string; close: string };
  intervals: { start: string; end: string }[];
  arrivalsPerDay: number;
  byInterval: number[];
  noShowRate: number;
  handling: DemandHandling | null;
  categories: {
    code: string;
    arrivalsPerDay: number;
    byInterval: number[];
    noShowRate: number;
    handling: DemandHandling | null;
  }[];
}
