/**
 * Size limits. The validators reject anything larger, so a request can neither exhaust memory nor
 * hold a CPU for long. Figures measured single-threaded (tools/bench/planner): ~1–3 million simulated
 * customers per second.
 */

/** Categories in a scenario (and pools in a hybrid layout). */
export const MAX_CATEGORIES = 64;
/** Profile intervals (5-minute intervals over 24 h). */
export const MAX_PROFILE_INTERVALS = 288;
/** Expected arrivals in a simulated day. */
export const MAX_ARRIVALS_PER_DAY = 100_000;
/** Replications of one simulation or search. */
export const MAX_REPLICATIONS = 1_000;
/** Minimum replications: a confidence interval needs two. */
export const MIN_REPLICATIONS = 2;
/** Windows of one pool, in any interval. */
export const MAX_WINDOWS_PER_POOL = 5_000;
/** Mean handling time, and any empirical sample, in minutes. */
export const MAX_SERVICE_MINUTES = 1_440;
/** Largest coefficient of variation of a handling time. */
export const MAX_SERVICE_CV = 20;
/** Observed handling times in one empirical distribution. */
export const MAX_EMPIRICAL_SAMPLES = 100_000;
/** Customers in one replay request. */
export const MAX_REPLAY_CUSTOMERS = 200_000;
/**
 * arrivalsPerDay × replications the API may simulate inside one synchronous request
 * (`POST /planning/simulate`, `/planning/minimum-windows`); larger runs belong in a planning job.
 * 3,000,000 is about 1–2 s of one core.
 */
export const MAX_SYNC_CUSTOMER_REPLICATIONS = 3_000_000;
/** arrivalsPerDay × replications the library accepts at all (a worker job). */
export const MAX_CUSTOMER_REPLICATIONS = 50_000_000;
/** Erlang C request: arrivals per hour. */
export const MAX_ERLANG_ARRIVALS_PER_HOUR = 1_000_000;
/** Erlang C request: offered load λ·s in erlangs (the answer then needs at most ~51,000 windows). */
export const MAX_ERLANG_OFFERED_LOAD = 50_000;
/** Erlang C request: windows (the recursion is exact and stable far beyond). */
export const MAX_ERLANG_WINDOWS = 100_000;
/** Longest category code. */
export const MAX_CODE_LENGTH = 64;

/** All limits in one object, e.g. for an OpenAPI description. */
export const LIMITS = Object.freeze({
  MAX_CATEGORIES,
  MAX_PROFILE_INTERVALS,
  MAX_ARRIVALS_PER_DAY,
  MAX_REPLICATIONS,
  MIN_REPLICATIONS,
  MAX_WINDOWS_PER_POOL,
  MAX_SERVICE_MINUTES,
  MAX_SERVICE_CV,
  MAX_EMPIRICAL_SAMPLES,
  MAX_REPLAY_CUSTOMERS,
  MAX_SYNC_CUSTOMER_REPLICATIONS,
  MAX_CUSTOMER_REPLICATIONS,
  MAX_ERLANG_ARRIVALS_PER_HOUR,
  MAX_ERLANG_OFFERED_LOAD,
  MAX_ERLANG_WINDOWS,
  MAX_CODE_LENGTH,
});

/** Replications of a simulation when the request names none. */
export const DEFAULT_REPLICATIONS = 30;
