/**
 * @onewindow/queueing — the planner's maths: Erlang B/C/A, M/G/c approximations, the hall-day
 * simulation, trace replay, window searches, fitting from history and input checks.
 * Pure TypeScript: no framework, no I/O. See README.md for formulas and sources.
 */
export * from './lib/types';
export { QueueingInputError } from './lib/errors';
export * from './lib/limits';
export { toMinutes, formatMinutes, hourGrid } from './lib/time';
export {
  erlangB,
  erlangC,
  mmc,
  mmcShareWithin,
  mmcWaitQuantile,
  mmcOccupancy,
  minServersForShareWithin,
  minServersForMeanWait,
  minServersForProbabilityOfWaiting,
  erlangCAnswer,
  MAX_ERLANG_SERVERS,
  type QueueInput,
  type LoadInput,
  type MMcMetrics,
} from './lib/erlang';
export {
  erlangA,
  erlangAShareWithin,
  erlangAShareServedWithin,
  erlangAAbandonGivenWaitClosedForm,
  minServersServedWithinErlangA,
  erlangAAnswer,
  type ErlangAInput,
  type ErlangAMetrics,
} from './lib/erlang-a';
export {
  mgcAllenCunneenApprox,
  mgcShareWithinApprox,
  minServersShareWithinApprox,
  type MgcInput,
  type MgcApproximation,
} from './lib/mgc';
export { Rng } from './lib/rng';
export { studentTQuantile, lnGamma, gammaP, gammaQ } from './lib/special';
export { quantileSorted } from './lib/stats';
export {
  simulate,
  DEFAULT_REPLICATIONS,
  DEFAULT_SEED,
  WAIT_EPS,
} from './lib/simulate';
export { replay } from './lib/replay';
export {
  minimumWindows,
  defaultHybridPools,
  type SearchLayout,
  type SearchOptions,
  type MinimumWindowsResult,
  type PoolWindows,
} from './lib/minimum-windows';
export {
  staffingSchedule,
  type StaffingResult,
  type StaffingPool,
} from './lib/staffing';
export {
  comparePooling,
  sumWindows,
  type PoolingComparison,
  type MetricComparison,
  type Better,
  VERDICT_METRIC,
} from './lib/compare';
export {
  fitHistory,
  fitHandling,
  scenarioFromFit,
  applyOnlineShift,
  onlineShiftFactor,
  isoWeekday,
  type TicketRecord,
  type FitOptions,
  type HistoryFit,
  type CategoryFit,
  type HandlingFit,
  type OnlineShift,
  type FittedServiceModel,
  fitPatience,
  type PatienceFit,
  type PatienceFitOptions,
  type PatienceObservation,
} from './lib/fit';
export {
  validateScenario,
  validateLayout,
  validateRunOptions,
  validateSimulateRequest,
  validateMinimumWindowsRequest,
  validateErlangCRequest,
  validateErlangARequest,
  validateReplayRequest,
  SHARE_SUM_TOLERANCE,
  type LayoutContext,
  type RequestCheckOptions,
} from './lib/validate';
