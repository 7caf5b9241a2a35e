import {
  type Days,
  generateDays,
  indexPools,
  type PoolIndex,
} from './customers';
import { runPool } from './engine';
import { assertValid } from './errors';
import {
  type CompiledLayout,
  type CompiledScenario,
  compileLayout,
  compileScenario,
} from './model';
import { figureOf, quantileWithZeros } from './stats';
import type {
  CategoryFigures,
  IntervalFigures,
  Layout,
  OverallFigures,
  Scenario,
  SimulateOptions,
  SimulateResult,
} from './types';
import {
  validateLayout,
  validateRunOptions,
  validateScenario,
} from './validate';
import { DEFAULT_REPLICATIONS } from './limits';

export { DEFAULT_REPLICATIONS };
export const DEFAULT_SEED = 1;
/** Waits are compared with this tolerance (minutes): within target iff wait ≤ target + WAIT_EPS, waiting iff wait > WAIT_EPS. */
export const WAIT_EPS = 1e-9;

export interface ResolvedRun {
  replications: number;
  seed: number;
  warmUpMinutes: number;
}

export function resolveOptions(o: SimulateOptions | undefined): ResolvedRun {
  return {
    replications: o?.replications ?? DEFAULT_REPLICATIONS,
    seed: o?.seed ?? DEFAULT_SEED,
    warmUpMinutes: o?.warmUpMinutes ?? 0,
  };
}

/** Waits of every customer of `days` under a compiled layout, and busy / window minutes per replication. */
export interface LayoutRun {
  wait: Float64Array;
  busy: Float64Array;
  available: Float64Array;
}

/** `measureFrom`: busy and window minutes are counted from then on (end of a warm-up). */
export function runLayout(
  days: Days,
  cl: CompiledLayout,
  pix?: PoolIndex,
  measureFrom = -Infinity,
): LayoutRun {
  const R = days.replications;
  const P = cl.pools.length;
  const index = pix ?? indexPools(days, cl.poolOfCategory, P);
  const wait = new Float64Array(days.count);
  const busy = new Float64Array(R);
  const available = new Float64Array(R);
  const acc = new Float64Array(2);
  let heapSize = 1;
  for (const p of cl.pools) heapSize = Math.max(heapSize, p.schedule.maxCount);
  const heap = new Float64Array(heapSize);
  const stride = R + 1;
  for (let r = 0; r < R; r++) {
    acc[0] = 0;
    acc[1] = 0;
    for (let p = 0; p < P; p++) {
      runPool(
        index.idx,
        index.start[p * stride + r],
        index.start[p * stride + r + 1],
        days.arrival,
        days.service,
        cl.pools[p].schedule,
        wait,
        heap,
        acc,
        measureFrom,
      );
    }
    busy[r] = acc[0];
    available[r] = acc[1];
  }
  return { wait, busy, available };
}

export const O_MEAN = 0;
export const O_P50 = 1;
export const O_P90 = 2;
export const O_P95 = 3;
export const O_WITHIN = 4;
export const O_WAITING = 5;
export const O_UTIL = 6;

/**
 * Per-replication values of a run (NaN: the replication has no customers for that figure).
 * overall[q·R + r] (q = O_MEAN … O_UTIL); byCategory[(4c + f)·R + r] with f = customers, mean wait,
 * p90 wait, share within; byInterval[(3i + f)·R + r] with f = customers, mean wait, share within.
 */
export interface ReplicationValues {
  replications: number;
  overall: Float64Array;
  byCategory: Float64Array;
  byInterval: Float64Array;
}

/** Customers arriving before `warmUpEnd` are left out. */
export function replicationValues(
  cs: CompiledScenario,
  days: Days,
  run: LayoutRun,
  warmUpEnd: number,
): ReplicationValues {
  const R = days.replications;
  const K = cs.codes.length;
  const I = cs.bounds.length - 1;
  const T = cs.targetWait + WAIT_EPS;
  const overall = new Float64Array(7 * R);
  const cat = new Float64Array(4 * K * R);
  const itv = new Float64Array(3 * I * R);
  const maxDay = maxDayLength(days);
  const positive = new Float64Array(maxDay);
  const byCat = new Float64Array(maxDay);
  const kN = new Int32Array(K);
  const kZero = new Int32Array(K);
  const kPos = new Int32Array(K);
  const kFill = new Int32Array(K);
  const kSum = new Float64Array(K);
  const kWithin = new Int32Array(K);
  const iN = new Int32Array(I);
  const iSum = new Float64Array(I);
  const iWithin = new Int32Array(I);
  const { wait, busy, available } = run;
  for (let r = 0; r < R; r++) {
    kN.fill(0);
    kZero.fill(0);
    kSum.fill(0);
    kWithin.fill(0);
    iN.fill(0);
    iSum.fill(0);
    iWithin.fill(0);
    let n = 0;
    let sum = 0;
    let within = 0;
    let npos = 0;
    const from = days.offsets[r];
    const to = days.offsets[r + 1];
    for (let j = from; j < to; j++) {
      if (days.arrival[j] < warmUpEnd) continue;
      const w = wait[j];
      const c = days.category[j];
      const i = days.interval[j];
      n++;
      sum += w;
      kN[c]++;
      kSum[c] += w;
      iN[i]++;
      iSum[i] += w;
      if (w <= T) {
        within++;
        kWithin[c]++;
        iWithin[i]++;
      }
      if (w > WAIT_EPS) positive[npos++] = w;
      else kZero[c]++;
    }
    if (n > 0) {
      const sorted = positive.subarray(0, npos).sort();
      const zeros = n - npos;
      overall[O_MEAN * R + r] = sum / n;
      overall[O_P50 * R + r] = quantileWithZeros(zeros, sorted, 0.5);
      overall[O_P90 * R + r] = quantileWithZeros(zeros, sorted, 0.9);
      overall[O_P95 * R + r] = quantileWithZeros(zeros, sorted, 0.95);
      overall[O_WITHIN * R + r] = within / n;
      overall[O_WAITING * R + r] = npos / n;
    } else {
      for (let q = 0; q < 6; q++) overall[q * R + r] = NaN;
    }
    overall[O_UTIL * R + r] = available[r] > 0 ? busy[r] / available[r] : NaN;
    // per-category p90: positive waits grouped by category (counting sort), each group sorted
    let accPos = 0;
    for (let c = 0; c < K; c++) {
      kPos[c] = kN[c] - kZero[c];
      kFill[c] = accPos;
      accPos += kPos[c];
    }
    for (let j = from; j < to; j++) {
      if (days.arrival[j] < warmUpEnd) continue;
      const w = wait[j];
      if (w > WAIT_EPS) byCat[kFill[days.category[j]]++] = w;
    }
    let off = 0;
    for (let c = 0; c < K; c++) {
      const base = 4 * c * R + r;
      cat[base] = kN[c];
      if (kN[c] > 0) {
        const sorted = byCat.subarray(off, off + kPos[c]).sort();
        cat[base + R] = kSum[c] / kN[c];
        cat[base + 2 * R] = quantileWithZeros(kZero[c], sorted, 0.9);
        cat[base + 3 * R] = kWithin[c] / kN[c];
      } else {
        cat[base + R] = NaN;
        cat[base + 2 * R] = NaN;
        cat[base + 3 * R] = NaN;
      }
      off += kPos[c];
    }
    for (let i = 0; i < I; i++) {
      const base = 3 * i * R + r;
      itv[base] = iN[i];
      itv[base + R] = iN[i] > 0 ? iSum[i] / iN[i] : NaN;
      itv[base + 2 * R] = iN[i] > 0 ? iWithin[i] / iN[i] : NaN;
    }
  }
  return { replications: R, overall, byCategory: cat, byInterval: itv };
}

/**
 * Replication figures. A replication without customers for a figure (e.g. an interval nobody
 * arrived in) is left out of that figure; a figure nobody contributes to is 0 (waits, share
 * waiting, utilisation) or 1 (share within target).
 */
export function figuresOf(
  cs: CompiledScenario,
  v: ReplicationValues,
): SimulateResult {
  const R = v.replications;
  const w = (a: Float64Array, off: number) => figureOf(a, off, 1, R, 0, 0);
  const sh = (a: Float64Array, off: number, empty: number) =>
    figureOf(a, off, 1, R, empty, 0, 1);
  const overall: OverallFigures = {
    meanWaitMinutes: w(v.overall, O_MEAN * R),
    p50WaitMinutes: w(v.overall, O_P50 * R),
    p90WaitMinutes: w(v.overall, O_P90 * R),
    p95WaitMinutes: w(v.overall, O_P95 * R),
    shareWithinTarget: sh(v.overall, O_WITHIN * R, 1),
    shareWaiting: sh(v.overall, O_WAITING * R, 0),
    utilisation: sh(v.overall, O_UTIL * R, 0),
  };
  const byCategory: CategoryFigures[] = cs.codes.map((code, c) => ({
    code,
    customers: w(v.byCategory, 4 * c * R),
    meanWaitMinutes: w(v.byCategory, (4 * c + 1) * R),
    p90WaitMinutes: w(v.byCategory, (4 * c + 2) * R),
    shareWithinTarget: sh(v.byCategory, (4 * c + 3) * R, 1),
  }));
  const byInterval: IntervalFigures[] = cs.source.profile.map((p, i) => ({
    start: p.start,
    customers: w(v.byInterval, 3 * i * R),
    meanWaitMinutes: w(v.byInterval, (3 * i + 1) * R),
    shareWithinTarget: sh(v.byInterval, (3 * i + 2) * R, 1),
  }));
  return { replications: R, overall, byCategory, byInterval };
}

export function summarize(
  cs: CompiledScenario,
  days: Days,
  run: LayoutRun,
  warmUpEnd: number,
): SimulateResult {
  return figuresOf(cs, replicationValues(cs, days, run, warmUpEnd));
}

function maxDayLength(days: Days): number {
  let m = 1;
  for (let r = 0; r < days.replications; r++) {
    const n = days.offsets[r + 1] - days.offsets[r];
    if (n > m) m = n;
  }
  return m;
}

/**
 * `POST /planning/simulate`: replications of the scenario's day under the layout, each figure the
 * mean over replications with its 95 % confidence interval. Deterministic for a given seed.
 * Throws QueueingInputError when the scenario, layout or options are invalid.
 */
export function simulate(
  scenario: Scenario,
  layout: Layout,
  options?: SimulateOptions,
): SimulateResult {
  assertValid(validateScenario(scenario));
  assertValid(validateLayout(layout, scenario));
  assertValid(validateRunOptions(scenario, options));
  const o = resolveOptions(options);
  const cs = compileScenario(scenario);
  const days = generateDays(cs, o.replications, o.seed);
  const cl = compileLayout(layout, cs.codes, cs.bounds);
  const warmUpEnd = cs.bounds[0] + o.warmUpMinutes;
  return summarize(
    cs,
    days,
    runLayout(days, cl, undefined, warmUpEnd),
    warmUpEnd,
  );
}
