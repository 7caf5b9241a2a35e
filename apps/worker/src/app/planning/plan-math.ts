import type {
  PlanLayoutKind,
  PlanLayoutResult,
  PlanResult,
} from '@onewindow/contracts';
import {
  applyOnlineShift,
  comparePooling,
  defaultHybridPools,
  fitHistory,
  hourGrid,
  minimumWindows,
  scenarioFromFit,
  staffingSchedule,
  type DepartmentLayout,
  type HistoryFit,
  type Scenario,
  type SearchLayout,
  type TicketRecord,
} from '@onewindow/queueing';

/** The seed of every plan: the same inputs and history always give the same plan. */
export const PLAN_SEED = 20201231;

export interface PlanInputs {
  target: { waitMinutes: number; share: number };
  layouts: PlanLayoutKind[];
  onlineShiftPoints: number;
  replications: number;
  weekdays: number[];
}

/**
 * Online-handling rate of each category among its window and online business (online_web +
 * online_mobile, as the rollups count online), for the what-if: r = online / (online + window),
 * kept below 1. Categories without handling records are left out (their arrivals do not shift).
 */
export function onlineRates(
  rows: { category: string; online: number; window: number }[],
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) {
    const total = r.online + r.window;
    if (total > 0) out[r.category] = Math.min(0.99, r.online / total);
  }
  return out;
}

function searchLayout(kind: PlanLayoutKind, scenario: Scenario): SearchLayout {
  return kind === 'hybrid'
    ? { kind, pools: defaultHybridPools(scenario) }
    : { kind };
}

/**
 * The whole plan from ticket records: fit, scenario (with the online shift), then for each layout
 * the per-interval schedule, the fixed minimum and the simulated day; then pooled vs department.
 * `progress` is called with 0..1 after each step and awaited, so its writes go out between the
 * steps (each step holds the CPU). Throws QueueingInputError when the history cannot make a
 * scenario (no arrivals inside opening hours, …).
 */
export async function computePlan(
  tickets: readonly TicketRecord[],
  opening: { open: string; close: string },
  inputs: PlanInputs,
  rates: Record<string, number>,
  currentWindows: number,
  progress: (p: number) => Promise<void> = async () => undefined,
): Promise<PlanResult> {
  const intervals = hourGrid(opening.open, opening.close);
  const fit: HistoryFit = fitHistory(tickets, {
    intervals,
    weekdays: inputs.weekdays,
  });
  const base = scenarioFromFit(fit, { target: inputs.target });
  const scenario =
    inputs.onlineShiftPoints > 0
      ? applyOnlineShift(base, {
          points: inputs.onlineShiftPoints,
          // only categories of the fitted scenario (the others had no arrivals)
          onlineRates: Object.fromEntries(
            Object.entries(rates).filter(([c]) =>
              base.categories.some((k) => k.code === c),
            ),
          ),
        })
      : base;
  const steps = 1 + inputs.layouts.length * 2 + 1;
  let done = 1;
  await progress(done / steps);
  const run = { replications: inputs.replications, seed: PLAN_SEED };

  const layouts: PlanLayoutResult[] = [];
  let department: DepartmentLayout | null = null;
  for (const kind of inputs.layouts) {
    const layout = searchLayout(kind, scenario);
    const schedule = staffingSchedule(scenario, layout, run);
    await progress(++done / steps);
    const fixed = minimumWindows(scenario, layout, {
      ...run,
      criterion: 'day',
    });
    await progress(++done / steps);
    if (kind === 'department') department = schedule.layout as DepartmentLayout;
    const byInterval = schedule.achieved.byInterval;
    const peak = Math.max(...schedule.perInterval);
    layouts.push({
      kind,
      intervals: intervals.map((iv, i) => ({
        start: iv.start,
        end: iv.end,
        windows: schedule.perInterval[i],
        customers: byInterval[i].customers.mean,
        meanWaitMinutes: byInterval[i].meanWaitMinutes.mean,
        shareWithinTarget: byInterval[i].shareWithinTarget.mean,
      })),
      pools: schedule.pools.map((p) => ({
        label: p.label,
        categories: p.categories,
        perInterval: p.perInterval,
      })),
      peakWindows: peak,
      windowHours: schedule.windowHours,
      fixedWindows: fixed.total,
      overall: schedule.achieved.overall,
      staffFreed: currentWindows - peak,
    });
  }

  let pooling: PlanResult['pooling'] = null;
  if (department && inputs.layouts.includes('comprehensive')) {
    const c = comparePooling(scenario, department, run);
    pooling = {
      verdict: c.verdict,
      metrics: c.metrics.map((m) => ({
        metric: m.metric,
        department: m.department.mean,
        pooled: m.pooled.mean,
        difference: m.difference,
        better: m.better,
      })),
    };
  }
  await progress(1);

  const usedTickets = fit.categories.reduce((a, c) => a + c.tickets, 0);
  return {
    fit: {
      days: fit.days.length,
      weekdays: inputs.weekdays,
      tickets: usedTickets,
      noShowRate: fit.noShowRate,
      arrivalsPerDay: base.arrivalsPerDay,
      arrivalsPerDayPlanned: scenario.arrivalsPerDay,
      onlineShiftPoints: inputs.onlineShiftPoints,
      categories: scenario.categories.map((c) => {
        const h = fit.categories.find((k) => k.code === c.code)?.handling;
        return {
          code: c.code,
          share: c.share,
          meanServiceMinutes:
            c.service.meanMinutes ?? h?.meanMinutes ?? Number.NaN,
          cv: c.service.cv ?? h?.cv ?? 1,
          onlineRate: rates[c.code] ?? null,
        };
      }),
    },
    currentWindows,
    layouts,
    pooling,
  };
}
