/**
 * Compiled forms of a scenario and a layout: typed arrays and integer codes for the simulation's
 * hot loops. Internal; callers validate first (`validateScenario`, `validateLayout`).
 */
import { toMinutes } from './time';
import type {
  Layout,
  PatienceSpec,
  Scenario,
  ServiceSpec,
  WindowsSpec,
} from './types';

/** Service kinds as small integers for the hot loops (plain constants: safe under isolatedModules). */
export const SK_EXPONENTIAL = 0;
export const SK_LOGNORMAL = 1;
export const SK_GAMMA = 2;
export const SK_DETERMINISTIC = 3;
export const SK_EMPIRICAL = 4;
export type ServiceKind = 0 | 1 | 2 | 3 | 4;

export interface CompiledService {
  kind: ServiceKind;
  mean: number;
  cv: number;
  /** lognormal μ / gamma shape */
  p1: number;
  /** lognormal σ / gamma scale */
  p2: number;
  samples: Float64Array | null;
}

export interface CompiledScenario {
  source: Scenario;
  codes: string[];
  index: Map<string, number>;
  catShares: Float64Array;
  /** cumulative category shares; the last is exactly 1 */
  catCumulative: Float64Array;
  services: CompiledService[];
  /** Each category's patience (the same compiled form as a handling time); null: never gives up. */
  patience: (CompiledService | null)[];
  /** interval starts and the last end: length intervals + 1 */
  bounds: Float64Array;
  intervalShares: Float64Array;
  arrivalsPerDay: number;
  targetWait: number;
  targetShare: number;
}

/** Mean and coefficient of variation of a list of minutes (population sd / mean). */
export function meanAndCv(samples: ArrayLike<number>): {
  mean: number;
  cv: number;
} {
  const n = samples.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += samples[i];
  const mean = n ? sum / n : 0;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = samples[i] - mean;
    ss += d * d;
  }
  const sd = n ? Math.sqrt(ss / n) : 0;
  return { mean, cv: mean > 0 ? sd / mean : 0 };
}

/** A handling time or a patience (the same distributions, the same draws). */
export function compileService(
  spec: ServiceSpec | PatienceSpec,
): CompiledService {
  if (spec.distribution === 'empirical') {
    const samples = Float64Array.from(spec.samples);
    const { mean, cv } = meanAndCv(samples);
    return { kind: SK_EMPIRICAL, mean, cv, p1: 0, p2: 0, samples };
  }
  const mean = spec.meanMinutes;
  const cv = spec.distribution === 'exponential' ? 1 : (spec.cv ?? 0);
  if (spec.distribution === 'exponential') {
    return { kind: SK_EXPONENTIAL, mean, cv: 1, p1: 0, p2: 0, samples: null };
  }
  if (spec.distribution === 'deterministic' || cv === 0) {
    return { kind: SK_DETERMINISTIC, mean, cv: 0, p1: 0, p2: 0, samples: null };
  }
  if (spec.distribution === 'lognormal') {
    // ln S ~ N(μ, σ²): σ² = ln(1 + cv²), μ = ln(mean) − σ²/2
    const s2 = Math.log1p(cv * cv);
    return {
      kind: SK_LOGNORMAL,
      mean,
      cv,
      p1: Math.log(mean) - s2 / 2,
      p2: Math.sqrt(s2),
      samples: null,
    };
  }
  // gamma: shape 1/cv², scale mean·cv²
  return {
    kind: SK_GAMMA,
    mean,
    cv,
    p1: 1 / (cv * cv),
    p2: mean * cv * cv,
    samples: null,
  };
}

export function profileBounds(
  intervals: readonly { start: unknown; end: unknown }[],
): Float64Array {
  const b = new Float64Array(intervals.length + 1);
  for (let i = 0; i < intervals.length; i++)
    b[i] = toMinutes(intervals[i].start);
  b[intervals.length] = toMinutes(intervals[intervals.length - 1].end);
  return b;
}

export function compileScenario(s: Scenario): CompiledScenario {
  const k = s.categories.length;
  const catShares = new Float64Array(k);
  const catCumulative = new Float64Array(k);
  const index = new Map<string, number>();
  let acc = 0;
  for (let i = 0; i < k; i++) {
    catShares[i] = s.categories[i].share;
    acc += catShares[i];
    catCumulative[i] = acc;
    index.set(s.categories[i].code, i);
  }
  // normalise the cumulative shares (they sum to 1 within 1e-6) so the last is exactly 1
  for (let i = 0; i < k; i++) catCumulative[i] /= acc;
  catCumulative[k - 1] = 1;
  const m = s.profile.length;
  const intervalShares = new Float64Array(m);
  let ps = 0;
  for (let i = 0; i < m; i++) ps += s.profile[i].share;
  for (let i = 0; i < m; i++) intervalShares[i] = s.profile[i].share / ps;
  return {
    source: s,
    codes: s.categories.map((c) => c.code),
    index,
    catShares,
    catCumulative,
    services: s.categories.map((c) => compileService(c.service)),
    patience: s.categories.map((c) =>
      c.patience ? compileService(c.patience) : null,
    ),
    bounds: profileBounds(s.profile),
    intervalShares,
    arrivalsPerDay: s.arrivalsPerDay,
    targetWait: s.target.waitMinutes,
    targetShare: s.target.share,
  };
}

/**
 * Window schedule of one pool over the grid `bounds` (b_0 < … < b_m): counts[k] windows during
 * [b_k, b_{k+1}), counts[m] after b_m. `fixed` ≥ 0 when every count is the same (fast path), else −1.
 */
export interface PoolSchedule {
  fixed: number;
  bounds: Float64Array;
  counts: Int32Array;
  maxCount: number;
  /** Σ counts[k]·(b_{k+1} − b_k): scheduled window-minutes up to the last interval's end. */
  scheduledMinutes: number;
}

export function scheduleOf(
  spec: WindowsSpec,
  bounds: Float64Array,
): PoolSchedule {
  const m = bounds.length - 1;
  if (typeof spec === 'number')
    return scheduleFromCounts(new Int32Array(m + 1).fill(spec), bounds);
  const counts = new Int32Array(m + 1);
  for (let i = 0; i < m; i++) counts[i] = spec.perInterval[i];
  counts[m] = spec.afterClose ?? spec.perInterval[m - 1];
  return scheduleFromCounts(counts, bounds);
}

/** `counts` has one entry per interval plus the after-close count. */
export function scheduleFromCounts(
  counts: Int32Array,
  bounds: Float64Array,
): PoolSchedule {
  const m = bounds.length - 1;
  let maxCount = 0;
  let same = true;
  let scheduled = 0;
  for (let i = 0; i <= m; i++) {
    if (counts[i] > maxCount) maxCount = counts[i];
    if (counts[i] !== counts[0]) same = false;
    if (i < m) scheduled += counts[i] * (bounds[i + 1] - bounds[i]);
  }
  return {
    fixed: same ? counts[0] : -1,
    bounds,
    counts,
    maxCount,
    scheduledMinutes: scheduled,
  };
}

export interface CompiledPool {
  label: string;
  categories: number[];
  schedule: PoolSchedule;
}

export interface CompiledLayout {
  kind: Layout['kind'];
  pools: CompiledPool[];
  /** pool index per category index */
  poolOfCategory: Int32Array;
}

/** Pools of a layout over the category codes `codes` and the grid `bounds`. */
export function compileLayout(
  layout: Layout,
  codes: readonly string[],
  bounds: Float64Array,
): CompiledLayout {
  const index = new Map<string, number>();
  codes.forEach((c, i) => index.set(c, i));
  const poolOfCategory = new Int32Array(codes.length).fill(-1);
  const pools: CompiledPool[] = [];
  if (layout.kind === 'comprehensive') {
    pools.push({
      label: 'all',
      categories: codes.map((_c, i) => i),
      schedule: scheduleOf(layout.windows, bounds),
    });
  } else if (layout.kind === 'department') {
    codes.forEach((code, i) => {
      const w = layout.windows[code];
      pools.push({
        label: code,
        categories: [i],
        schedule: scheduleOf(w ?? 0, bounds),
      });
    });
  } else {
    for (const p of layout.pools) {
      const cats = p.categories
        .map((c) => index.get(c))
        .filter((i): i is number => i !== undefined);
      pools.push({
        label: p.categories.join('+'),
        categories: cats,
        schedule: scheduleOf(p.windows, bounds),
      });
    }
  }
  pools.forEach((p, pi) => {
    for (const c of p.categories) poolOfCategory[c] = pi;
  });
  return { kind: layout.kind, pools, poolOfCategory };
}
