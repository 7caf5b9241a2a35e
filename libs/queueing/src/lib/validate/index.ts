/**
 * Input checks for the planning endpoints. Each returns a list of human-readable messages, empty
 * when the input is fine; every message starts with the path of the field it is about
 * (e.g. "scenario.categories[2].service.cv must be ≥ 0"), so the API can put them in `details`.
 * They accept `unknown`: nothing is assumed about the shape.
 *
 * One module per kind of input: fields (shared field checks), scenario, categories, service-time,
 * layout, windows, run-options, the Erlang fields, and one per request body (simulate, search,
 * erlang-c, erlang-a, replay).
 */
export { SHARE_SUM_TOLERANCE } from './fields';
export { validateScenario } from './scenario';
export { validateLayout, type LayoutContext } from './layout';
export { validateRunOptions, type RequestCheckOptions } from './run-options';
export { validateSimulateRequest } from './simulate-request';
export { validateMinimumWindowsRequest } from './search-request';
export { validateErlangCRequest } from './erlang-c-request';
export { validateErlangARequest } from './erlang-a-request';
export { validateReplayRequest } from './replay-request';
