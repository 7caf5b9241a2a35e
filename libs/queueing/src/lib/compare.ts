import { generateDays } from './customers';
import { compileLayout, compileScenario } from './model';
import { assertValid } from './errors';
import {
  figuresOf,
  O_MEAN,
  O_P90,
  O_P95,
  O_WAITING,
  O_WITHIN,
  replicationValues,
  resolveOptions,
  runLayout,
} from './simulate';
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

export interface MetricComparison {
  /** e.g. "overall.meanWaitMinutes", "category.TAX.shareWithinTarget". */
  metric: string;
  /** Which way is better for this metric. */
  goal: 'lower' | 'higher';
  department: Figure;
  pooled: Figure;
  /** pooled − department, paired per replication (same customers), with its 95 % CI. */
  difference: Figure;
  /** The side the paired difference favours at 95 % confidence; "neither" when its CI holds 0. */
  better: Better;
}

export interface PoolingComparison {
  department: SimulateResult;
  pooled: SimulateResult;
  /** The comprehensive windows used: the given ones or the department counts summed. */
  pooledWindows: WindowsSpec;
  metrics: MetricComparison[];
  /**
   * "pooled" / "department" when every metric that differs significantly favours that side,
   * "mixed" when each side wins somewhere, "indistinguishable" when no metric differs.
   */
  verdict: 'pooled' | 'department' | 'mixed' | 'indistinguishable';
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
 * simulated customers, metric by metric — overall and per category — with paired confidence
 * intervals. Pooling is not assumed to win: with very different handling times, pooled windows can
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
  ) => {
    const diff = new Float64Array(R);
    for (let r = 0; r < R; r++) diff[r] = b[off + r] - a[off + r];
    const d = figureOf(diff, 0, 1, R, 0);
    let better: Better = 'neither';
    if (d.ci95[0] > 0) better = goal === 'higher' ? 'pooled' : 'department';
    else if (d.ci95[1] < 0)
      better = goal === 'higher' ? 'department' : 'pooled';
    metrics.push({
      metric,
      goal,
      department: figureOf(a, off, 1, R, empty),
      pooled: figureOf(b, off, 1, R, empty),
      difference: d,
      better,
    });
  };
  add(
    'overall.meanWaitMinutes',
    'lower',
    vd.overall,
    vp.overall,
    O_MEAN * R,
    0,
  );
  add('overall.p90WaitMinutes', 'lower', vd.overall, vp.overall, O_P90 * R, 0);
  add('overall.p95WaitMinutes', 'lower', vd.overall, vp.overall, O_P95 * R, 0);
  add(
    'overall.shareWithinTarget',
    'higher',
    vd.overall,
    vp.overall,
    O_WITHIN * R,
    1,
  );
  add(
    'overall.shareWaiting',
    'lower',
    vd.overall,
    vp.overall,
    O_WAITING * R,
    0,
  );
  cs.codes.forEach((code, c) => {
    add(
      `category.${code}.meanWaitMinutes`,
      'lower',
      vd.byCategory,
      vp.byCategory,
      (4 * c + 1) * R,
      0,
    );
    add(
      `category.${code}.p90WaitMinutes`,
      'lower',
      vd.byCategory,
      vp.byCategory,
      (4 * c + 2) * R,
      0,
    );
    add(
      `category.${code}.shareWithinTarget`,
      'higher',
      vd.byCategory,
      vp.byCategory,
      (4 * c + 3) * R,
      1,
    );
  });
  const pooledWins = metrics.some((m) => m.better === 'pooled');
  const deptWins = metrics.some((m) => m.better === 'department');
  const verdict =
    pooledWins && deptWins
      ? 'mixed'
      : pooledWins
        ? 'pooled'
        : deptWins
          ? 'department'
          : 'indistinguishable';
  return {
    department: figuresOf(cs, vd),
    pooled: figuresOf(cs, vp),
    pooledWindows,
    metrics,
    verdict,
  };
}
