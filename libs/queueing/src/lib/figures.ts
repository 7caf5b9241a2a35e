/**
 * Simulated figures: per-replication values of a run, then the mean and 95 % confidence interval
 * over replications. Definitions (outcome.ts, types.ts OverallFigures): every figure is over all
 * arrivals; people who give up count as misses of the target and wait until they leave.
 */
import type { Days } from './customers';
import type { CompiledScenario } from './model';
import { calledWithin, WAIT_EPS } from './outcome';
import { figureOf, quantileWithZeros } from './stats';
import type {
  CategoryFigures,
  IntervalFigures,
  OverallFigures,
  SimulateResult,
} from './types';

/** Waits of every customer of `days` under a compiled layout, who gave up, and busy / window minutes per replication. */
export interface LayoutRun {
  wait: Float64Array;
  /** 1: gave up (left uncalled), 0: called. */
  abandoned: Uint8Array;
  busy: Float64Array;
  available: Float64Array;
}

export const O_MEAN = 0;
export const O_P50 = 1;
export const O_P90 = 2;
export const O_P95 = 3;
export const O_WITHIN = 4;
export const O_WAITING = 5;
export const O_UTIL = 6;
export const O_ABANDONED = 7;
const O_FIELDS = 8;

/** Per-category fields: customers, mean wait, p90 wait, share within, abandoned share. */
export const C_CUSTOMERS = 0;
export const C_MEAN = 1;
export const C_P90 = 2;
export const C_WITHIN = 3;
export const C_ABANDONED = 4;
export const C_FIELDS = 5;

/** Per-interval fields: customers, mean wait, share within, abandoned share. */
const I_CUSTOMERS = 0;
const I_MEAN = 1;
const I_WITHIN = 2;
const I_ABANDONED = 3;
const I_FIELDS = 4;

/**
 * Per-replication values of a run (NaN: the replication has no customers for that figure).
 * overall[q·R + r] (q = O_MEAN … O_ABANDONED); byCategory[(C_FIELDS·c + f)·R + r] with f = C_…;
 * byInterval[(I_FIELDS·i + f)·R + r] with f = customers, mean wait, share within, abandoned share.
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
  const target = cs.targetWait;
  const overall = new Float64Array(O_FIELDS * R);
  const cat = new Float64Array(C_FIELDS * K * R);
  const itv = new Float64Array(I_FIELDS * I * R);
  const maxDay = maxDayLength(days);
  const positive = new Float64Array(maxDay);
  const byCat = new Float64Array(maxDay);
  const kN = new Int32Array(K);
  const kZero = new Int32Array(K);
  const kPos = new Int32Array(K);
  const kFill = new Int32Array(K);
  const kSum = new Float64Array(K);
  const kWithin = new Int32Array(K);
  const kLeft = new Int32Array(K);
  const iN = new Int32Array(I);
  const iSum = new Float64Array(I);
  const iWithin = new Int32Array(I);
  const iLeft = new Int32Array(I);
  const { wait, abandoned, busy, available } = run;
  for (let r = 0; r < R; r++) {
    kN.fill(0);
    kZero.fill(0);
    kSum.fill(0);
    kWithin.fill(0);
    kLeft.fill(0);
    iN.fill(0);
    iSum.fill(0);
    iWithin.fill(0);
    iLeft.fill(0);
    let n = 0;
    let sum = 0;
    let within = 0;
    let left = 0;
    let npos = 0;
    const from = days.offsets[r];
    const to = days.offsets[r + 1];
    for (let j = from; j < to; j++) {
      if (days.arrival[j] < warmUpEnd) continue;
      const w = wait[j];
      const ab = abandoned[j];
      const c = days.category[j];
      const i = days.interval[j];
      n++;
      sum += w;
      kN[c]++;
      kSum[c] += w;
      iN[i]++;
      iSum[i] += w;
      if (calledWithin(w, ab, target)) {
        within++;
        kWithin[c]++;
        iWithin[i]++;
      } else if (ab !== 0) {
        left++;
        kLeft[c]++;
        iLeft[i]++;
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
      overall[O_ABANDONED * R + r] = left / n;
    } else {
      for (let q = 0; q < O_FIELDS; q++)
        if (q !== O_UTIL) overall[q * R + r] = NaN;
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
      const base = C_FIELDS * c * R + r;
      cat[base + C_CUSTOMERS * R] = kN[c];
      if (kN[c] > 0) {
        const sorted = byCat.subarray(off, off + kPos[c]).sort();
        cat[base + C_MEAN * R] = kSum[c] / kN[c];
        cat[base + C_P90 * R] = quantileWithZeros(kZero[c], sorted, 0.9);
        cat[base + C_WITHIN * R] = kWithin[c] / kN[c];
        cat[base + C_ABANDONED * R] = kLeft[c] / kN[c];
      } else {
        cat[base + C_MEAN * R] = NaN;
        cat[base + C_P90 * R] = NaN;
        cat[base + C_WITHIN * R] = NaN;
        cat[base + C_ABANDONED * R] = NaN;
      }
      off += kPos[c];
    }
    for (let i = 0; i < I; i++) {
      const base = I_FIELDS * i * R + r;
      const ni = iN[i];
      itv[base + I_CUSTOMERS * R] = ni;
      itv[base + I_MEAN * R] = ni > 0 ? iSum[i] / ni : NaN;
      itv[base + I_WITHIN * R] = ni > 0 ? iWithin[i] / ni : NaN;
      itv[base + I_ABANDONED * R] = ni > 0 ? iLeft[i] / ni : NaN;
    }
  }
  return { replications: R, overall, byCategory: cat, byInterval: itv };
}

/**
 * Replication figures. A replication without customers for a figure (e.g. an interval nobody
 * arrived in) is left out of that figure; a figure nobody contributes to is 0 (waits, share
 * waiting, abandoned share, utilisation) or 1 (share within target).
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
    abandonedShare: sh(v.overall, O_ABANDONED * R, 0),
    shareWaiting: sh(v.overall, O_WAITING * R, 0),
    utilisation: sh(v.overall, O_UTIL * R, 0),
  };
  const byCategory: CategoryFigures[] = cs.codes.map((code, c) => {
    const at = (f: number) => (C_FIELDS * c + f) * R;
    return {
      code,
      customers: w(v.byCategory, at(C_CUSTOMERS)),
      meanWaitMinutes: w(v.byCategory, at(C_MEAN)),
      p90WaitMinutes: w(v.byCategory, at(C_P90)),
      shareWithinTarget: sh(v.byCategory, at(C_WITHIN), 1),
      abandonedShare: sh(v.byCategory, at(C_ABANDONED), 0),
    };
  });
  const byInterval: IntervalFigures[] = cs.source.profile.map((p, i) => {
    const at = (f: number) => (I_FIELDS * i + f) * R;
    return {
      start: p.start,
      customers: w(v.byInterval, at(I_CUSTOMERS)),
      meanWaitMinutes: w(v.byInterval, at(I_MEAN)),
      shareWithinTarget: sh(v.byInterval, at(I_WITHIN), 1),
      abandonedShare: sh(v.byInterval, at(I_ABANDONED), 0),
    };
  });
  return { replications: R, overall, byCategory, byInterval };
}

function maxDayLength(days: Days): number {
  let m = 1;
  for (let r = 0; r < days.replications; r++) {
    const n = days.offsets[r + 1] - days.offsets[r];
    if (n > m) m = n;
  }
  return m;
}
