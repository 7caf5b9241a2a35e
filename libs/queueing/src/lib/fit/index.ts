/**
 * Fitting a scenario from a hall's history: pure functions over plain arrays (the database read
 * happens in the API / worker).
 *
 * history: arrivals per category and interval, no-show rates; handling: handling-time fits;
 * patience: patience from censored waits (Kaplan–Meier, exponential); grid:
 * dates, weekdays and the interval grid; scenario-from-fit: the contract scenario; online-shift:
 * window arrivals after more business moves online.
 */
export { isoWeekday } from './grid';
export { fitHandling, type HandlingFit } from './handling';
export {
  fitHistory,
  type CategoryFit,
  type FitOptions,
  type HistoryFit,
  type TicketRecord,
} from './history';
export {
  applyOnlineShift,
  onlineShiftFactor,
  type OnlineShift,
} from './online-shift';
export { scenarioFromFit, type FittedServiceModel } from './scenario-from-fit';
export {
  fitPatience,
  type PatienceFit,
  type PatienceFitOptions,
  type PatienceObservation,
} from './patience';
