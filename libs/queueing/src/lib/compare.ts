import { generateDays } from './customers';
import { compileLayout, compileScenario } from './model';
import { assertValid } from './errors';
import {
  C_ABANDONED,
  C_FIELDS,
  C_MEAN,
  C_P90,
  C_WITHIN,
  figuresOf,
  O_ABANDONED,
  O_MEAN,
  O_P90,
  O_P95,
  O_WAITING,
  O_WITHIN,
  replicationValues,
} from './figures';
import { resolveOptions, runLayout } from './simulate';
import { figureOf } from './stats';
import type {
  DepartmentLayout,
  Figure,
  Scenario,
  SimulateOptions,
  SimulateResult,
  WindowsSpec,
} from './types';
import {
  validateLayout,
  validateRunOptions,
  validateScenario,
} from './validate';

export type Better = 'pooled' | 'department' | 'neither';

/** The one metric the verdict rests on, declared before anything is simulated. */
export const VERDICT_METRIC: PoolingComparison['verdictMetric'] =
  'overall.shareWithinTarget';

export interface MetricComparison {
  /** e.g. "overall.meanWaitMinutes", "category.TAX.shareWithinTarget". */
  metric: string;
  /**
   * "primary": the verdict metric (VERDICT_METRIC), judged; "secondary": every other metric, shown
   * with its figures and paired difference but not judged (many metrics at 95 % each would find a
   * "significant" difference somewhere by chance).
   */
  role: 'primary' | 'secondary';
  /** Which way is better for this metric. */
  goal: 'lower' | 'higher';
  department: Figure;
  pooled: Figure;
  /** pooled − department, paired per replication (same customers), with its 95 % CI. */
  difference: Figure;
  /**
   * Primary metric only (absent on secondary ones): the side its paired difference favours at 95 %
   * confidence; "neither" when the CI holds 0.
   */
  better?: Better;
}

export interface PoolingComparison {
  department: SimulateResult;
  pooled: SimulateResult;
  /** The comprehensive windows used: the given ones or the department counts summed. */
  pooledWindows: WindowsSpec;
  /** Primary first, then the secondary metrics (overall, then per category). */
  metrics: MetricComparison[];
  /** The metric the verdict rests on: the share within target over the day (leavers are misses). */
  verdictMetric: 'overall.shareWithinTarget';
  /**
   * By the paired difference of `verdictMetric` alone (pooled − department per replication, 95 %
   * CI): "pooled" when the CI lies above 0, "department" when below, "indistinguishable" when it
   * holds 0.
   */
  verdict: 'pooled' | 'department' | 'indistinguishable';
}

/** Department window counts summed into comprehensive windows (per interval when any is per interval). */
export function sumWindows(
  windows: Readonly<Record<string, WindowsSpec>>,
  intervals: number,
): WindowsSpec {
  const specs = Object.values(windows);
  if (specs.every((w) => typeof w === 'number')) {
    return (specs as number[]).reduce((a, b) => a + b, 0);
  }
  const per = new Array<number>(intervals).fill(0);
  let after = 0;
  for (const w of specs) {
    if (typeof w === 'number') {
      for (let i = 0; i < intervals; i++) per[i] += w;
      after += w;
    } else {
      w.perInterval.forEach((n, i) => (per[i] += n));
      after += w.afterClose ?? w.perInterval[intervals - 1];
    }
  }
  return { perInterval: per, afterClose: after };
}

/**
 * Department windows against the same number of comprehensive (pooled) windows, on the same
 * simulated customers. One verdict, on one metric declared in advance (VERDICT_METRIC: the share
 * within target, people who give up as misses): its paired difference per replication and 95 % CI.
 * Every other metric — overall and per category — is shown with its paired difference and CI, not
 * judged. Pooling is not assumed to win: with very different handling times, pooled windows can
 * make the quick categories wait behind the slow ones, and the comparison says so.
 * `options.pooledWindows` overrides the default pooled count (the department counts summed).
 */
export function comparePooling(
  scenario: Scenario,
  department: DepartmentLayout,
  options?: SimulateOptions & { pooledWindows?: WindowsSpec },
): PoolingComparison {
  assertValid(validateScenario(scenario));
  assertValid(validateLayout(department, scenario));
  const pooledWindows =
    options?.pooledWindows ??
    sumWindows(department.windows, scenario.profile.length);
  const pooledLayout = {
    kind: 'comprehensive' as const,
    windows: pooledWindows,
  };
  assertValid(validateLayout(pooledLayout, scenario));
  assertValid(validateRunOptions(scenario, options));
  const o = resolveOptions(options);
  const cs = compileScenario(scenario);
  const days = generateDays(cs, o.replications, o.seed);
  const warm = cs.bounds[0] + o.warmUpMinutes;
  const vd = replicationValues(
    cs,
    days,
    runLayout(
      days,
      compileLayout(department, cs.codes, cs.bounds),
      undefined,
      warm,
    ),
    warm,
  );
  const vp = replicationValues(
    cs,
    days,
    runLayout(
      days,
      compileLayout(pooledLayout, cs.codes, cs.bounds),
      undefined,
      warm,
    ),
    warm,
  );
  const R = o.replications;
  const metrics: MetricComparison[] = [];
  const add = (
    metric: string,
    goal: 'lower' | 'higher',
    a: Float64Array,
    b: Float64Array,
    off: number,
    empty: number,
  ): MetricComparison => {
    const diff = new Float64Array(R);
    for (let r = 0; r < R; r++) diff[r] = b[off + r] - a[off + r];
    const m: MetricComparison = {
      metric,
      role: metric === VERDICT_METRIC ? 'primary' : 'secondary',
      goal,
      department: figureOf(a, off, 1, R, empty),
      pooled: figureOf(b, off, 1, R, empty),
      difference: figureOf(diff, 0, 1, R, 0),
    };
    metrics.push(m);
    return m;
  };
  const { overall: od, byCategory: cd } = vd;
  const { overall: op, byCategory: cp } = vp;
  const primary = add(VERDICT_METRIC, 'higher', od, op, O_WITHIN * R, 1);
  add('overall.meanWaitMinutes', 'lower', od, op, O_MEAN * R, 0);
  add('overall.p90WaitMinutes', 'lower', od, op, O_P90 * R, 0);
  add('overall.p95WaitMinutes', 'lower', od, op, O_P95 * R, 0);
  add('overall.shareWaiting', 'lower', od, op, O_WAITING * R, 0);
  add('overall.abandonedShare', 'lower', od, op, O_ABANDONED * R, 0);
  cs.codes.forEach((code, c) => {
    const at = (f: number) => (C_FIELDS * c + f) * R;
    const name = (f: string) => `category.${code}.${f}`;
    add(name('meanWaitMinutes'), 'lower', cd, cp, at(C_MEAN), 0);
    add(name('p90WaitMinutes'), 'lower', cd, cp, at(C_P90), 0);
    add(name('shareWithinTarget'), 'higher', cd, cp, at(C_WITHIN), 1);
    add(name('abandonedShare'), 'lower', cd, cp, at(C_ABANDONED), 0);
  });
  // the verdict: the primary metric's paired difference, and nothing else
  const [lo, hi] = primary.difference.ci95;
  const verdict =
    lo > 0 ? 'pooled' : hi < 0 ? 'department' : 'indistinguishable';
  primary.better = verdict === 'indistinguishable' ? 'neither' : verdict;
  return {
    department: figuresOf(cs, vd),
    pooled: figuresOf(cs, vp),
    pooledWindows,
    metrics,
    verdictMetric: VERDICT_METRIC,
    verdict,
  };
}
