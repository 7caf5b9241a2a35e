/**
 * Plain types of the planner (api-contract.md, "Planning (people)"). JSON in, JSON out: the API
 * validates a request with `validateScenario` / `validateLayout` and passes these objects on as they are.
 */

/** Minutes since local midnight (0…1440, fractions allowed) or "HH:MM" (00:00…24:00). */
export type TimeOfDay = number | string;

export type ServiceDistribution =
  | 'exponential'
  | 'lognormal'
  | 'gamma'
  | 'deterministic'
  | 'empirical';

/**
 * Handling time of one category.
 * - `exponential`: `meanMinutes` (cv is 1; a given cv must be 1);
 * - `lognormal`, `gamma`: `meanMinutes` and `cv` (required, ≥ 0; cv 0 is deterministic);
 * - `deterministic`: `meanMinutes` (a given cv must be 0);
 * - `empirical`: `samples`, a hall's own observed handling minutes, drawn uniformly with replacement;
 *   `meanMinutes`, when given, must agree with the samples' mean within 1 % (it feeds the analytical
 *   starting points; the simulation always draws the samples).
 */
export interface ParametricService {
  distribution: 'exponential' | 'lognormal' | 'gamma' | 'deterministic';
  meanMinutes: number;
  cv?: number;
}
export interface EmpiricalService {
  distribution: 'empirical';
  samples: readonly number[];
  meanMinutes?: number;
  cv?: number;
}
export type ServiceSpec = ParametricService | EmpiricalService;

/**
 * How long a person of a category waits before giving up (leaving the queue uncalled), with the
 * conventions of ServiceSpec:
 * - `exponential`: `meanMinutes` (cv is 1; a given cv must be 1) — with exponential handling times,
 *   the M/M/c+M of Erlang A;
 * - `lognormal`: `meanMinutes` and `cv` (required, ≥ 0; cv 0: everyone waits exactly meanMinutes);
 * - `empirical`: `samples`, observed patience minutes drawn uniformly with replacement (0: leaves
 *   rather than wait at all); `meanMinutes`, when given, must agree with their mean within 1 %.
 * A category without `patience` never gives up.
 */
export interface ExponentialPatience {
  distribution: 'exponential';
  meanMinutes: number;
  cv?: number;
}
export interface LognormalPatience {
  distribution: 'lognormal';
  meanMinutes: number;
  cv: number;
}
export interface EmpiricalPatience {
  distribution: 'empirical';
  samples: readonly number[];
  meanMinutes?: number;
}
export type PatienceSpec =
  | ExponentialPatience
  | LognormalPatience
  | EmpiricalPatience;

export interface ProfileInterval {
  start: TimeOfDay;
  end: TimeOfDay;
  /** Share of the day's arrivals in this interval; shares sum to 1. */
  share: number;
}

export interface ScenarioCategory {
  code: string;
  /** Share of the day's arrivals in this category; shares sum to 1. */
  share: number;
  service: ServiceSpec;
  /** People of this category give up after this long in the queue; absent: nobody gives up. */
  patience?: PatienceSpec;
}

export interface ServiceTarget {
  /** e.g. 15: called within 15 minutes… */
  waitMinutes: number;
  /** …for e.g. 0.8 of the customers. */
  share: number;
}

/** A day of demand. */
export interface Scenario {
  open: TimeOfDay;
  close: TimeOfDay;
  arrivalsPerDay: number;
  /** Contiguous intervals within open…close; arrivals happen only inside them. */
  profile: readonly ProfileInterval[];
  categories: readonly ScenarioCategory[];
  target: ServiceTarget;
}

/**
 * Windows of one pool: a fixed count, or one count per profile interval plus the count that serves
 * whoever still waits after the last interval (default: the last interval's count).
 */
export type WindowsSpec =
  | number
  | { perInterval: readonly number[]; afterClose?: number };

export interface ComprehensiveLayout {
  kind: 'comprehensive';
  windows: WindowsSpec;
}
export interface DepartmentLayout {
  kind: 'department';
  windows: Readonly<Record<string, WindowsSpec>>;
}
export interface HybridPool {
  categories: readonly string[];
  windows: WindowsSpec;
}
export interface HybridLayout {
  kind: 'hybrid';
  pools: readonly HybridPool[];
}
export type Layout = ComprehensiveLayout | DepartmentLayout | HybridLayout;
export type LayoutKind = Layout['kind'];

/** A replication figure: the mean over replications and its 95 % confidence interval (Student t). */
export interface Figure {
  mean: number;
  ci95: [number, number];
}

/**
 * Simulated figures. Every arrival is either called or gives up (its patience runs out first), and
 * every figure is over all arrivals (design.md, "Share within target"):
 * - shareWithinTarget = called within the target ÷ (called + abandoned): people who give up are
 *   misses, even those who left before the target;
 * - abandonedShare = abandoned ÷ all arrivals (0 when no category has a patience);
 * - waits (mean, quantiles, shareWaiting): the time each arrival spent waiting, people who give up
 *   until they leave (as Erlang A's meanWaitMinutes).
 */
export interface OverallFigures {
  meanWaitMinutes: Figure;
  p50WaitMinutes: Figure;
  p90WaitMinutes: Figure;
  p95WaitMinutes: Figure;
  shareWithinTarget: Figure;
  abandonedShare: Figure;
  shareWaiting: Figure;
  /** Busy window-minutes of the people served ÷ open window-minutes. */
  utilisation: Figure;
}

export interface CategoryFigures {
  code: string;
  customers: Figure;
  meanWaitMinutes: Figure;
  p90WaitMinutes: Figure;
  shareWithinTarget: Figure;
  abandonedShare: Figure;
}

export interface IntervalFigures {
  /** The profile interval's start, as given in the scenario. */
  start: TimeOfDay;
  customers: Figure;
  meanWaitMinutes: Figure;
  shareWithinTarget: Figure;
  abandonedShare: Figure;
}

/** `POST /planning/simulate` response. */
export interface SimulateResult {
  replications: number;
  overall: OverallFigures;
  byCategory: CategoryFigures[];
  byInterval: IntervalFigures[];
}

export interface SimulateOptions {
  /** Default 30 (DEFAULT_REPLICATIONS); at least 2 so that a confidence interval exists. */
  replications?: number;
  /** Any safe integer; default DEFAULT_SEED. The same seed always gives the same answer. */
  seed?: number;
  /**
   * Customers arriving in the first `warmUpMinutes` of the profile are simulated but left out of
   * every figure (steady-state studies; 0 for a hall day, the default).
   */
  warmUpMinutes?: number;
}

/** Single-number counterpart of OverallFigures (replay), with the same definitions. */
export interface OverallValues {
  meanWaitMinutes: number;
  p50WaitMinutes: number;
  p90WaitMinutes: number;
  p95WaitMinutes: number;
  shareWithinTarget: number;
  abandonedShare: number;
  shareWaiting: number;
  utilisation: number;
}

export interface ReplayCustomer {
  arrivalMinute: number;
  categoryCode: string;
  serviceMinutes: number;
  /** Minutes this person waits before giving up (≥ 0); absent: waits as long as it takes. */
  patienceMinutes?: number;
}

/** A replayed customer who was called: when, and after how long. */
export interface ServedReplayCustomer {
  startMinute: number;
  waitMinutes: number;
  /** Never present on a customer who was called. */
  abandoned?: never;
}
/** A replayed customer whose patience ran out before a window was free: waited `waitMinutes` (the patience), then left. */
export interface AbandonedReplayCustomer {
  startMinute: null;
  waitMinutes: number;
  abandoned: true;
}
export type ReplayCustomerResult =
  | ServedReplayCustomer
  | AbandonedReplayCustomer;

/** Interval grid that `perInterval` window counts of a replayed layout refer to. */
export interface ReplayInterval {
  start: TimeOfDay;
  end: TimeOfDay;
}

export interface ReplayOptions {
  /**
   * Required when the layout has `perInterval` windows (one count per interval); optional otherwise.
   * Contiguous. Window time is counted from the first interval's start (or the first arrival if
   * earlier) to the last interval's end, plus the busy time after it. Without intervals the staffed
   * span runs from the first to the last arrival.
   */
  intervals?: readonly ReplayInterval[];
}

/** `POST /planning/replay` response: customers in input order. */
export interface ReplayResult {
  customers: ReplayCustomerResult[];
  overall: OverallValues;
}

/** `POST /planning/erlang-c` request and response. */
export interface ErlangCRequest {
  arrivalsPerHour: number;
  meanServiceMinutes: number;
  target: ServiceTarget;
  windows?: number;
}
export interface ErlangCAnswer {
  windowsRequired: number;
  probabilityOfWaiting: number;
  /** null when the windows cannot keep up (windows ≤ offered load): the queue grows without bound. */
  meanWaitMinutes: number | null;
  shareWithinTarget: number;
  utilisation: number;
}

/** `POST /planning/erlang-a` request and response (M/M/c+M: people who give up while waiting). */
export interface ErlangARequest {
  arrivalsPerHour: number;
  meanServiceMinutes: number;
  /** Mean time a person waits before giving up (exponential). */
  meanPatienceMinutes: number;
  target: ServiceTarget;
  windows?: number;
}
export interface ErlangAAnswer {
  windowsRequired: number;
  /** An arrival finds every window busy: P(W > 0). */
  probabilityOfWaiting: number;
  /** (abandoned + expired) ÷ (called + abandoned + expired): the arrivals who give up, P(Ab). */
  abandonedShare: number;
  /** Called within the target ÷ (called + abandoned + expired): people who give up are misses. */
  shareWithinTarget: number;
  /** Mean wait over all arrivals; people who give up count until they leave. */
  meanWaitMinutes: number;
  /** Carried load ÷ windows: arrivals per minute × (1 − abandonedShare) × meanServiceMinutes ÷ windows. */
  utilisation: number;
}

export type Criterion = 'day' | 'everyInterval';
