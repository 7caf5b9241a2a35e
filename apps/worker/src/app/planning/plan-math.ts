import {
  ABANDON_AFTER_MINUTES,
  type PlanLayoutKind,
  type PlanLayoutResult,
  type PlanResult,
} from '@onewindow/contracts';
import {
  applyOnlineShift,
  comparePooling,
  defaultHybridPools,
  fitHistory,
  fitPatience,
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

/** A ticket of the history: a fit record, and (when known) how long it waited and whether its holder gave up. */
export type PlanTicket = TicketRecord & {
  waitMinutes?: number | null;
  gaveUp?: boolean;
};

/** The seed of every plan: the same inputs and history always give the same plan. */
export const PLAN_SEED = 20201231;

export interface PlanInputs {
  target: { waitMinutes: number; share: number };
  layouts: PlanLayoutKind[];
  onlineShiftPoints: number;
  replications: number;
  weekdays: number[];
  /**
   * The hall's specialist categories (their business needs staff comprehensive windows do not
   * have): the hybrid layout keeps each in a pool of its own and pools the rest. Empty: the hybrid
   * layout's specialist pools come from handling times (defaultHybridPools).
   */
  specialists?: readonly string[];
}

/** The hybrid layout's pools: the shared pool and each specialist category alone. */
function specialistPools(
  scenario: Scenario,
  specialists: readonly string[],
): { shared: string[]; separate: string[] } | null {
  const codes = scenario.categories.map((c) => c.code);
  const separate = codes.filter((c) => specialists.includes(c));
  const shared = codes.filter((c) => !specialists.includes(c));
  return separate.length && shared.length ? { shared, separate } : null;
}

function poolsOf(split: { shared: string[]; separate: string[] }) {
  return [
    { categories: split.shared },
    ...split.separate.map((c) => ({ categories: [c] })),
  ];
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

function searchLayout(
  kind: PlanLayoutKind,
  scenario: Scenario,
  specialists: readonly string[],
): SearchLayout {
  if (kind !== 'hybrid') return { kind };
  const split = specialistPools(scenario, specialists);
  return { kind, pools: split ? poolsOf(split) : defaultHybridPools(scenario) };
}

/**
 * The whole plan from ticket records: fit, scenario (with the online shift), then for each layout
 * the per-interval schedule, the fixed minimum and the simulated day; then pooled vs department.
 * `progress` is called with 0..1 after each step and awaited, so its writes go out between the
 * steps (each step holds the CPU). Throws QueueingInputError when the history cannot make a
 * scenario (no arrivals inside opening hours, …).
 */
export async function computePlan(
  tickets: readonly PlanTicket[],
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
  const fitted = scenarioFromFit(fit, { target: inputs.target });
  // patience from the same days, censored: called and left-at-closing waits are lower bounds;
  // giving up within ABANDON_AFTER_MINUTES is not seen (the hall counts it as a correction)
  const days = new Set(fit.days);
  const patience = fitPatience(
    tickets.flatMap((t) =>
      'date' in t && days.has(t.date) && t.waitMinutes != null
        ? [{ waitMinutes: t.waitMinutes, gaveUp: t.gaveUp === true }]
        : [],
    ),
    { unseenBeforeMinutes: ABANDON_AFTER_MINUTES },
  );
  // people give up in the simulation as they did in the history (nobody, if nobody did)
  const base: Scenario = patience?.exponential
    ? {
        ...fitted,
        categories: fitted.categories.map((c) => ({
          ...c,
          patience: {
            distribution: 'exponential' as const,
            meanMinutes: patience.exponential?.meanMinutes as number,
          },
        })),
      }
    : fitted;
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
  const split = inputs.layouts.includes('hybrid')
    ? specialistPools(scenario, inputs.specialists ?? [])
    : null;
  const steps =
    1 + inputs.layouts.length * 2 + (split?.separate.length ?? 0) + 1;
  let done = 1;
  await progress(done / steps);
  const run = { replications: inputs.replications, seed: PLAN_SEED };

  const layouts: PlanLayoutResult[] = [];
  let department: DepartmentLayout | null = null;
  let hybridFixed = 0;
  for (const kind of inputs.layouts) {
    const layout = searchLayout(kind, scenario, inputs.specialists ?? []);
    const schedule = staffingSchedule(scenario, layout, run);
    await progress(++done / steps);
    const fixed = minimumWindows(scenario, layout, {
      ...run,
      criterion: 'day',
    });
    await progress(++done / steps);
    if (kind === 'department') department = schedule.layout as DepartmentLayout;
    if (kind === 'hybrid') hybridFixed = fixed.total;
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
        abandonedShare: byInterval[i].abandonedShare.mean,
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

  // what keeping each specialist category separate costs: the fewest all-day windows of the
  // hybrid layout against the same layout with that category pooled into the shared windows
  let specialists: PlanResult['specialists'] = null;
  if (split) {
    const costs = [];
    for (const code of split.separate) {
      const merged = minimumWindows(
        scenario,
        {
          kind: 'hybrid',
          pools: poolsOf({
            shared: [...split.shared, code],
            separate: split.separate.filter((c) => c !== code),
          }),
        },
        { ...run, criterion: 'day' },
      );
      costs.push({
        code,
        windowsSeparate: hybridFixed,
        windowsPooled: merged.total,
        extraWindows: hybridFixed - merged.total,
      });
      await progress(++done / steps);
    }
    specialists = { codes: split.separate, costs };
  }

  let pooling: PlanResult['pooling'] = null;
  if (department && inputs.layouts.includes('comprehensive')) {
    const c = comparePooling(scenario, department, run);
    pooling = {
      verdict: c.verdict,
      verdictMetric: c.verdictMetric,
      metrics: c.metrics.map((m) => ({
        metric: m.metric,
        role: m.role,
        department: m.department.mean,
        pooled: m.pooled.mean,
        difference: m.difference,
        ...(m.better ? { better: m.better } : {}),
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
      patience: patience && {
        observations: patience.observations,
        events: patience.events,
        meanMinutes: patience.exponential?.meanMinutes ?? null,
        medianMinutes: patience.medianMinutes,
        kaplanMeier: patience.kaplanMeier,
      },
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
    specialists,
    pooling,
  };
}
