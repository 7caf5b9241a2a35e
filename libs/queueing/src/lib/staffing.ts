import { generateDays } from './customers';
import { compileLayout, compileScenario, scheduleFromCounts } from './model';
import {
  layoutOf,
  poolLabel,
  type SearchLayout,
  searchPools,
  smallestMeeting,
} from './minimum-windows';
import {
  approxIntervalWindows,
  PoolEvaluator,
  poolLoad,
  SHARE_EPS,
} from './pool-eval';
import { assertValid } from './errors';
import { resolveOptions, runLayout, summarize } from './simulate';
import type { Layout, LayoutKind, Scenario, SimulateResult } from './types';
import { validateMinimumWindowsRequest } from './validate';

export interface StaffingPool {
  label: string;
  categories: string[];
  /** Windows open in each profile interval. */
  perInterval: number[];
  /** Windows serving whoever still waits after the last interval (the last count, at least 1). */
  afterClose: number;
  /** Σ windows × interval length, in hours (overtime after close not included). */
  windowHours: number;
  /** The per-interval analytical starting point (Erlang A or Allen–Cunneen, approxIntervalWindows). */
  start: number[];
  evaluations: number;
}

export interface StaffingResult {
  kind: LayoutKind;
  pools: StaffingPool[];
  /** Windows per interval, all pools together. */
  perInterval: number[];
  windowHours: number;
  /** The layout found, with `perInterval` windows: ready for `simulate`. */
  layout: Layout;
  /** simulate's answer for that layout (same replications and seed). */
  achieved: SimulateResult;
  evaluations: number;
}

/**
 * A per-interval staffing schedule: per pool, window counts per profile interval such that the
 * customers arriving in every interval meet the target (replication-mean share within target),
 * with few window-hours. Queues carry over between intervals, so per-interval Erlang answers are
 * only the start:
 *  1. start from approxIntervalWindows per interval (each interval taken as stationary: Erlang A
 *     for an M/M/c+M pool, else Allen–Cunneen);
 *  2. repair: while some interval misses the target, give the first one that misses the fewest
 *     extra windows with which it and every interval before it meet the target;
 *  3. trim: pass over the intervals, lowering each to the fewest windows with which every interval
 *     still meets the target (galloping + bisection); repeat until a pass changes nothing.
 * All on the same simulated customers (common random numbers), where more windows anywhere never
 * start anyone later when nobody gives up (with patience, almost always: see minimumWindows). The
 * result meets the target in every interval and no single window can be removed (a local minimum
 * of window-hours; not proven globally minimal) — checked directly, so that holds with patience too.
 */
export function staffingSchedule(
  scenario: Scenario,
  layout: SearchLayout,
  options?: { replications?: number; seed?: number },
): StaffingResult {
  assertValid(
    validateMinimumWindowsRequest(
      {
        scenario,
        layout,
        criterion: 'everyInterval',
        replications: options?.replications,
        seed: options?.seed,
      },
      { synchronous: false },
    ),
  );
  const o = resolveOptions(options);
  const cs = compileScenario(scenario);
  const days = generateDays(cs, o.replications, o.seed);
  const wait = new Float64Array(days.count);
  const abandoned = new Uint8Array(days.count);
  const I = cs.bounds.length - 1;
  const pools: StaffingPool[] = [];
  let evaluations = 0;
  for (const g of searchPools(scenario, layout)) {
    const cats = g.map((c) => cs.index.get(c) as number);
    const ev = new PoolEvaluator(cs, days, cats, wait, abandoned);
    const load = poolLoad(cs, cats);
    const lo = load.share > 0 ? 1 : 0;
    const start = approxIntervalWindows(cs, load);
    const counts = new Int32Array(I + 1);
    counts.set(start);
    const setAfter = () => {
      counts[I] = Math.max(lo, counts[I - 1]);
    };
    setAfter();
    /** First interval (below `upTo`) whose customers miss the target, or −1. */
    const firstMiss = (upTo = I): number => {
      const e = ev.evaluate(scheduleFromCounts(counts, cs.bounds));
      for (let i = 0; i < upTo; i++) {
        if (e.byInterval[i] < cs.targetShare - SHARE_EPS) return i;
      }
      return -1;
    };
    /** Smallest count of interval i, the others fixed, for which `ok` holds (monotone in it). */
    const fewest = (
      i: number,
      guess: number,
      lo: number,
      hi: number,
      ok: () => boolean,
    ): void => {
      counts[i] = smallestMeeting(
        (k) => {
          counts[i] = k;
          setAfter();
          return ok();
        },
        guess,
        lo,
        hi,
      );
      setAfter();
    };
    if (ev.totalCustomers > 0) {
      const cap = Math.max(1, ev.maxCustomers);
      // repair: the first interval that misses gets the fewest extra windows that make it (and
      // every interval before it) meet the target
      for (let f = firstMiss(); f >= 0; f = firstMiss()) {
        const from = counts[f] + 1;
        fewest(f, from, from, Math.max(from, cap), () => firstMiss(f + 1) < 0);
      }
      // trim: each interval down to the fewest windows with which every interval still meets it
      for (let changed = true; changed; ) {
        changed = false;
        for (let i = 0; i < I; i++) {
          if (counts[i] === 0) continue;
          const before = counts[i];
          fewest(i, before - 1, 0, before, () => firstMiss() < 0);
          if (counts[i] < before) changed = true;
        }
      }
    } else {
      counts.fill(0);
      setAfter();
    }
    let minutes = 0;
    for (let i = 0; i < I; i++)
      minutes += counts[i] * (cs.bounds[i + 1] - cs.bounds[i]);
    evaluations += ev.evaluations;
    pools.push({
      label: poolLabel(layout.kind, g),
      categories: g,
      perInterval: Array.from(counts.subarray(0, I)),
      afterClose: counts[I],
      windowHours: minutes / 60,
      start: Array.from(start),
      evaluations: ev.evaluations,
    });
  }
  const found = layoutOf(
    layout.kind,
    pools.map((p) => ({
      categories: p.categories,
      windows: { perInterval: p.perInterval, afterClose: p.afterClose },
    })),
  );
  const achieved = summarize(
    cs,
    days,
    runLayout(days, compileLayout(found, cs.codes, cs.bounds)),
    cs.bounds[0],
  );
  const perInterval = new Array<number>(I).fill(0);
  for (const p of pools) p.perInterval.forEach((n, i) => (perInterval[i] += n));
  return {
    kind: layout.kind,
    pools,
    perInterval,
    windowHours: pools.reduce((a, p) => a + p.windowHours, 0),
    layout: found,
    achieved,
    evaluations,
  };
}
