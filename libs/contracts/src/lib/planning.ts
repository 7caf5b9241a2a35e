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
  shareWithinTarget: PlanFigure;
  shareWaiting: PlanFigure;
  utilisation: PlanFigure;
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
   * Department vs comprehensive with the same windows (when both were asked for): which is better,
   * metric by metric — pooling is computed, never assumed.
   */
  pooling: {
    verdict: 'pooled' | 'department' | 'mixed' | 'indistinguishable';
    metrics: {
      metric: string;
      department: number;
      pooled: number;
      /** pooled − department, paired over the same simulated customers. */
      difference: PlanFigure;
      better: 'pooled' | 'department' | 'neither';
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
