import { type Days, indexPools, type PoolIndex } from './customers';
import { type Reneging, runPool } from './engine';
import { minServersServedWithinErlangA } from './erlang-a';
import { minServersShareWithinApprox } from './mgc';
import {
  type CompiledScenario,
  type PoolSchedule,
  SK_EXPONENTIAL,
} from './model';
import { calledWithin } from './outcome';
import type { Criterion } from './types';

/** Shares are compared with the target with this slack against rounding (0.8 vs 0.7999999999999999). */
export const SHARE_EPS = 1e-12;

/**
 * One pool (a set of categories) on fixed simulated days: runs a window schedule over every
 * replication and reports replication-mean shares within target, for the day and per arrival
 * interval. Evaluations of the same evaluator see the same customers (common random numbers), so
 * more windows never lower a share when nobody gives up: searches over counts are monotone. With
 * people who give up that holds in practice but not always: one more window can keep an impatient
 * person who then holds a window long enough to push others past the target (minimum-windows.ts).
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
  private readonly reneging: Reneging | null;

  /** `wait` and `abandoned` (one entry per customer of `days`) may be shared by evaluators of other pools. */
  constructor(
    private readonly cs: CompiledScenario,
    private readonly days: Days,
    categories: readonly number[],
    private readonly wait: Float64Array,
    private readonly abandoned: Uint8Array,
  ) {
    this.categories = categories;
    this.reneging = categories.some((c) => days.mayLeave[c] === 1)
      ? { patience: days.patience, abandoned }
      : null;
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
    const { days, index, wait, abandoned } = this;
    const R = days.replications;
    const I = this.inN.length;
    const target = this.cs.targetWait;
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
        -Infinity,
        this.reneging,
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
        if (calledWithin(wait[c], abandoned[c], target)) {
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
  /**
   * The demand-weighted mean patience when every category of the pool (with demand) has
   * exponential handling times and exponential patience — an M/M/c+M, Erlang A's model — else 0.
   */
  erlangAPatience: number;
}

export function poolLoad(
  cs: CompiledScenario,
  categories: readonly number[],
): PoolLoad {
  let share = 0;
  let m1 = 0;
  let m2 = 0;
  let patience = 0;
  let markovian = true;
  for (const c of categories) {
    const s = cs.catShares[c];
    const svc = cs.services[c];
    const pat = cs.patience[c];
    share += s;
    m1 += s * svc.mean;
    m2 += s * svc.mean * svc.mean * (1 + svc.cv * svc.cv);
    if (s > 0) {
      if (
        svc.kind === SK_EXPONENTIAL &&
        pat !== null &&
        pat.kind === SK_EXPONENTIAL
      )
        patience += s * pat.mean;
      else markovian = false;
    }
  }
  const I = cs.bounds.length - 1;
  const rates = new Float64Array(I);
  if (share <= 0)
    return { rates, meanService: 0, cv: 0, share: 0, erlangAPatience: 0 };
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
    erlangAPatience: markovian ? patience / share : 0,
  };
}

/**
 * Erlang A starts only up to this y = λ/θ (arrivals per mean patience): its series runs over about
 * y terms per evaluation, so beyond (a hall with tens of arrivals a minute and long patience)
 * Allen–Cunneen keeps the start cheap.
 */
const ERLANG_A_START_MAX_Y = 2000;

/**
 * Windows for each interval taken as stationary: the starting point of the searches (0 where nobody
 * arrives). Erlang A (called within the target, people who give up as misses) when the pool is an
 * M/M/c+M (PoolLoad.erlangAPatience, y ≤ ERLANG_A_START_MAX_Y), else Allen–Cunneen (M/G/c), which
 * ignores patience and so may ask for more windows than needed when people give up: the searches
 * gallop down from it.
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
    if (
      load.erlangAPatience > 0 &&
      load.rates[i] * load.erlangAPatience <= ERLANG_A_START_MAX_Y
    ) {
      out[i] = minServersServedWithinErlangA({
        arrivalRate: load.rates[i],
        meanServiceTime: load.meanService,
        meanPatience: load.erlangAPatience,
        waitTime: cs.targetWait,
        share,
      });
      continue;
    }
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
