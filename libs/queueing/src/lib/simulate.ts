import {
  type Days,
  generateDays,
  indexPools,
  type PoolIndex,
} from './customers';
import { type Reneging, runPool } from './engine';
import { assertValid } from './errors';
import { figuresOf, type LayoutRun, replicationValues } from './figures';
import {
  type CompiledLayout,
  type CompiledScenario,
  compileLayout,
  compileScenario,
} from './model';
import type {
  Layout,
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
export { WAIT_EPS } from './outcome';
export const DEFAULT_SEED = 1;

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
  const abandoned = new Uint8Array(days.count);
  const reneging: Reneging = { patience: days.patience, abandoned };
  const poolReneging = cl.pools.map((p) =>
    p.categories.some((c) => days.mayLeave[c] === 1) ? reneging : null,
  );
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
        poolReneging[p],
      );
    }
    busy[r] = acc[0];
    available[r] = acc[1];
  }
  return { wait, abandoned, busy, available };
}

export function summarize(
  cs: CompiledScenario,
  days: Days,
  run: LayoutRun,
  warmUpEnd: number,
): SimulateResult {
  return figuresOf(cs, replicationValues(cs, days, run, warmUpEnd));
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
