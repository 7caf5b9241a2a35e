import { type Days, indexPools, type PoolIndex } from './customers';
import { runPool } from './engine';
import { minServersShareWithinApprox } from './mgc';
import type { CompiledScenario, PoolSchedule } from './model';
import { WAIT_EPS } from './simulate';
import type { Criterion } from './types';

/** Shares are compared with the target with this slack against rounding (0.8 vs 0.7999999999999999). */
export const SHARE_EPS = 1e-12;

/**
 * One pool (a set of categories) on fixed simulated days: runs a window schedule over every
 * replication and reports replication-mean shares within target, for the day and per arrival
 * interval. Evaluations of the same evaluator see the same customers (common random numbers), so
 * more windows never lower a share: searches over counts are monotone.
 */
export class PoolEvaluator {
  readonly categories: readonly number[];
  /** Most customers of this pool in one replication. */
  readonly maxCustomers: number;
  readonly totalCustomers: number;
  evaluations = 0;
  private readonly index: PoolIndex;
  private readonly heap: Float64Array;
  private readonly acc = new Float64Array(2);
  private readonly inN: Int32Array;
  private readonly inWithin: Int32Array;
  private readonly sumShare: Float64Array;
  private readonly repsWith: Int32Array;

  constructor(
    private readonly cs: CompiledScenario,
    private readonly days: Days,
    categories: readonly number[],
    private readonly wait: Float64Array,
  ) {
    this.categories = categories;
    const poc = new Int32Array(cs.codes.length).fill(-1);
    for (const c of categories) poc[c] = 0;
    this.index = indexPools(days, poc, 1);
    let mx = 0;
    for (let r = 0; r < days.replications; r++) {
      const n = this.index.start[r + 1] - this.index.start[r];
      if (n > mx) mx = n;
    }
    this.maxCustomers = mx;
    this.totalCustomers = this.index.idx.length;
    this.heap = new Float64Array(Math.max(1, mx));
    const I = cs.bounds.length - 1;
    this.inN = new Int32Array(I);
    this.inWithin = new Int32Array(I);
    this.sumShare = new Float64Array(I);
    this.repsWith = new Int32Array(I);
  }

  /**
   * Replication-mean share within target over the day (`day`, NaN when no replication has
   * customers) and per arrival interval (`byInterval[i]`, NaN when nobody ever arrived in i).
   */
  evaluate(sched: PoolSchedule): {
    day: number;
    byInterval: Float64Array;
    utilisation: number;
  } {
    this.evaluations++;
    const { days, index, wait } = this;
    const R = days.replications;
    const I = this.inN.length;
    const T = this.cs.targetWait + WAIT_EPS;
    const heap =
      sched.maxCount > this.heap.length
        ? new Float64Array(sched.maxCount)
        : this.heap;
    this.sumShare.fill(0);
    this.repsWith.fill(0);
    let daySum = 0;
    let dayReps = 0;
    let busy = 0;
    let avail = 0;
    for (let r = 0; r < R; r++) {
      const from = index.start[r];
      const to = index.start[r + 1];
      if (from === to) continue;
      this.acc[0] = 0;
      this.acc[1] = 0;
      runPool(
        index.idx,
        from,
        to,
        days.arrival,
        days.service,
        sched,
        wait,
        heap,
        this.acc,
      );
      busy += this.acc[0];
      avail += this.acc[1];
      this.inN.fill(0);
      this.inWithin.fill(0);
      let within = 0;
      for (let j = from; j < to; j++) {
        const c = index.idx[j];
        const i = days.interval[c];
        this.inN[i]++;
        if (wait[c] <= T) {
          within++;
          this.inWithin[i]++;
        }
      }
      daySum += within / (to - from);
      dayReps++;
      for (let i = 0; i < I; i++) {
        if (this.inN[i] > 0) {
          this.sumShare[i] += this.inWithin[i] / this.inN[i];
          this.repsWith[i]++;
        }
      }
    }
    const byInterval = new Float64Array(I);
    for (let i = 0; i < I; i++) {
      byInterval[i] =
        this.repsWith[i] > 0 ? this.sumShare[i] / this.repsWith[i] : NaN;
    }
    return {
      day: dayReps > 0 ? daySum / dayReps : NaN,
      byInterval,
      utilisation: avail > 0 ? busy / avail : 0,
    };
  }

  /** Does the schedule meet the target under the criterion? */
  meets(sched: PoolSchedule, criterion: Criterion): boolean {
    const e = this.evaluate(sched);
    return meetsTarget(e, criterion, this.cs.targetShare);
  }
}

export function meetsTarget(
  e: { day: number; byInterval: Float64Array },
  criterion: Criterion,
  share: number,
): boolean {
  if (criterion === 'day') return !(e.day < share - SHARE_EPS);
  for (let i = 0; i < e.byInterval.length; i++) {
    if (e.byInterval[i] < share - SHARE_EPS) return false;
  }
  return true;
}

/** Demand of a pool: arrival rate per minute in each interval, and the handling-time mixture. */
export interface PoolLoad {
  rates: Float64Array;
  meanService: number;
  cv: number;
  share: number;
}

export function poolLoad(
  cs: CompiledScenario,
  categories: readonly number[],
): PoolLoad {
  let share = 0;
  let m1 = 0;
  let m2 = 0;
  for (const c of categories) {
    const s = cs.catShares[c];
    const svc = cs.services[c];
    share += s;
    m1 += s * svc.mean;
    m2 += s * svc.mean * svc.mean * (1 + svc.cv * svc.cv);
  }
  const I = cs.bounds.length - 1;
  const rates = new Float64Array(I);
  if (share <= 0) return { rates, meanService: 0, cv: 0, share: 0 };
  m1 /= share;
  m2 /= share;
  for (let i = 0; i < I; i++) {
    rates[i] =
      (cs.arrivalsPerDay * cs.intervalShares[i] * share) /
      (cs.bounds[i + 1] - cs.bounds[i]);
  }
  return {
    rates,
    meanService: m1,
    cv: Math.sqrt(Math.max(0, m2 / (m1 * m1) - 1)),
    share,
  };
}

/**
 * Allen–Cunneen (M/G/c approximation) windows for each interval taken as stationary: the starting
 * point of the searches (0 where nobody arrives).
 */
export function approxIntervalWindows(
  cs: CompiledScenario,
  load: PoolLoad,
): Int32Array {
  const I = load.rates.length;
  const out = new Int32Array(I);
  if (load.share <= 0) return out;
  const share = Math.min(cs.targetShare, 0.999999);
  for (let i = 0; i < I; i++) {
    if (load.rates[i] <= 0) continue;
    out[i] = minServersShareWithinApprox({
      arrivalRate: load.rates[i],
      meanServiceTime: load.meanService,
      serviceCv: load.cv,
      waitTime: cs.targetWait,
      share,
    });
  }
  return out;
}
