import type { Days } from './customers';
import { compileLayout, profileBounds } from './model';
import { assertValid } from './errors';
import { calledWithin, WAIT_EPS } from './outcome';
import { runLayout } from './simulate';
import { quantileWithZeros } from './stats';
import type {
  Layout,
  OverallValues,
  ReplayCustomer,
  ReplayCustomerResult,
  ReplayOptions,
  ReplayResult,
  ServiceTarget,
} from './types';
import { validateReplayRequest } from './validate';

/**
 * `POST /planning/replay`: a hall's own customers (arrival minute, category, handling minutes and,
 * optionally, patience minutes) served under a proposed layout. Deterministic: customers are taken
 * in arrival order, ties in input order; results come back in input order. A customer whose window
 * would be free only after more than `patienceMinutes` (+ WAIT_EPS) gives up: `{startMinute: null,
 * waitMinutes: patience, abandoned: true}`, taking no window (engine.ts, outcome.ts).
 *
 * `options.intervals` is the grid that `perInterval` window counts refer to (required for them):
 * count k applies from intervals[k].start to intervals[k].end, `afterClose` (default: the last
 * count) after the last end; customers arriving before the first start meet the first count.
 * Window time for utilisation runs from the first start (or the first arrival, if earlier) to the
 * last end, plus the busy time after it; without intervals, from the first to the last arrival.
 */
export function replay(
  customers: readonly ReplayCustomer[],
  layout: Layout,
  target: ServiceTarget,
  options?: ReplayOptions,
): ReplayResult {
  assertValid(
    validateReplayRequest({
      customers,
      layout,
      target,
      intervals: options?.intervals,
    }),
  );
  const n = customers.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const sortedOrder = Array.from(order).sort(
    (x, y) => customers[x].arrivalMinute - customers[y].arrivalMinute || x - y,
  );
  const codes: string[] = [];
  const codeIndex = new Map<string, number>();
  const addCode = (c: string) => {
    if (!codeIndex.has(c)) {
      codeIndex.set(c, codes.length);
      codes.push(c);
    }
  };
  for (const c of customers) addCode(c.categoryCode);
  if (layout.kind === 'department')
    Object.keys(layout.windows).forEach(addCode);
  if (layout.kind === 'hybrid')
    layout.pools.forEach((p) => p.categories.forEach(addCode));

  const arrival = new Float64Array(n);
  const service = new Float64Array(n);
  const category = new Uint16Array(n);
  const patience = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const mayLeave = new Uint8Array(codes.length);
  for (let j = 0; j < n; j++) {
    const c = customers[sortedOrder[j]];
    arrival[j] = c.arrivalMinute;
    service[j] = c.serviceMinutes;
    category[j] = codeIndex.get(c.categoryCode) as number;
    if (c.patienceMinutes !== undefined) {
      patience[j] = c.patienceMinutes;
      mayLeave[category[j]] = 1;
    }
  }
  let bounds: Float64Array;
  if (options?.intervals) {
    bounds = profileBounds(options.intervals);
    if (arrival[0] < bounds[0]) bounds[0] = arrival[0];
  } else {
    bounds = Float64Array.of(arrival[0], arrival[n - 1]);
  }
  const days: Days = {
    replications: 1,
    offsets: Int32Array.of(0, n),
    arrival,
    service,
    category,
    interval: new Uint16Array(n),
    patience,
    mayLeave,
    count: n,
  };
  const cl = compileLayout(layout, codes, bounds);
  const run = runLayout(days, cl);
  const out: ReplayCustomerResult[] = new Array(n);
  for (let j = 0; j < n; j++) {
    const w = run.wait[j];
    out[sortedOrder[j]] =
      run.abandoned[j] === 1
        ? { startMinute: null, waitMinutes: w, abandoned: true }
        : { startMinute: arrival[j] + w, waitMinutes: w };
  }
  return {
    customers: out,
    overall: overallValues(
      run.wait,
      run.abandoned,
      target.waitMinutes,
      run.busy[0],
      run.available[0],
    ),
  };
}

/**
 * Single-number overall figures of a list of waits (people who give up: until they leave) and who
 * gave up (1), with simulate's definitions (outcome.ts).
 */
export function overallValues(
  wait: ArrayLike<number>,
  abandoned: ArrayLike<number>,
  targetWait: number,
  busy: number,
  available: number,
): OverallValues {
  const n = wait.length;
  const positive = new Float64Array(n);
  let npos = 0;
  let sum = 0;
  let within = 0;
  let left = 0;
  for (let j = 0; j < n; j++) {
    const w = wait[j];
    sum += w;
    if (calledWithin(w, abandoned[j], targetWait)) within++;
    else if (abandoned[j] !== 0) left++;
    if (w > WAIT_EPS) positive[npos++] = w;
  }
  const sorted = positive.subarray(0, npos).sort();
  const zeros = n - npos;
  return {
    meanWaitMinutes: n ? sum / n : 0,
    p50WaitMinutes: n ? quantileWithZeros(zeros, sorted, 0.5) : 0,
    p90WaitMinutes: n ? quantileWithZeros(zeros, sorted, 0.9) : 0,
    p95WaitMinutes: n ? quantileWithZeros(zeros, sorted, 0.95) : 0,
    shareWithinTarget: n ? within / n : 1,
    abandonedShare: n ? left / n : 0,
    shareWaiting: n ? npos / n : 0,
    utilisation: available > 0 ? busy / available : 0,
  };
}
