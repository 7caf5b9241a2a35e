import type {
  PlanFigure,
  PlanLayoutKind,
  PlanResult,
  PlanView,
} from '@onewindow/contracts';
import type { CsvTable } from '../core/format/csv';
import { formatNumber, formatPercent } from '../core/format/format';
import type { Lang } from '../core/i18n/languages';
import { ARIA_DECALS, ChartOption } from './chart-option';
import { asList, axisTooltip, BuildConfig, percentAxis, tr } from './common';

/** One colour per layout on every planner chart. */
export const LAYOUT_COLORS: Record<PlanLayoutKind, string> = {
  department: '#D55E00',
  comprehensive: '#0072B2',
  hybrid: '#009E73',
};

const layoutName = (kind: PlanLayoutKind, lang: Lang) =>
  tr(lang).planner.layoutKind[kind];

/** Windows each layout needs per interval of the day, side by side. */
export function requiredWindowsOptions(
  result: PlanResult,
  lang: Lang,
  config: BuildConfig = {},
): ChartOption {
  const t = tr(lang);
  const intervals = result.layouts[0]?.intervals ?? [];
  return {
    animation: config.animation ?? true,
    aria: ARIA_DECALS,
    legend: { top: 0 },
    grid: { left: 56, right: 16, top: 48, bottom: 40 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const list = asList(params);
        return axisTooltip(String(list[0]?.axisValue ?? ''), list, (v) =>
          formatNumber(v, lang),
        );
      },
    },
    xAxis: {
      type: 'category',
      data: intervals.map((i) => `${i.start}–${i.end}`),
    },
    yAxis: { type: 'value', name: t.chart.requiredWindows, minInterval: 1 },
    series: result.layouts.map((l) => ({
      type: 'bar' as const,
      name: layoutName(l.kind, lang),
      itemStyle: { color: LAYOUT_COLORS[l.kind] },
      barMaxWidth: 24,
      data: l.intervals.map((i) => i.windows),
    })),
  };
}

export function requiredWindowsTable(result: PlanResult, lang: Lang): CsvTable {
  const t = tr(lang);
  const intervals = result.layouts[0]?.intervals ?? [];
  return {
    header: [
      t.chart.period,
      ...result.layouts.map((l) => layoutName(l.kind, lang)),
    ],
    rows: intervals.map((i, k) => [
      `${i.start}–${i.end}`,
      ...result.layouts.map((l) => l.intervals[k]?.windows ?? null),
    ]),
  };
}

const WAIT_FIGURES = [
  'meanWaitMinutes',
  'p50WaitMinutes',
  'p90WaitMinutes',
  'p95WaitMinutes',
] as const;

/** Predicted waits of each layout: mean, median, 90th and 95th percentile (means over the simulated days). */
export function waitFiguresOptions(
  result: PlanResult,
  lang: Lang,
  config: BuildConfig = {},
): ChartOption {
  const t = tr(lang);
  const labels = [t.planner.mean, t.planner.p50, t.planner.p90, t.planner.p95];
  return {
    animation: config.animation ?? true,
    aria: ARIA_DECALS,
    legend: { top: 0 },
    grid: { left: 56, right: 16, top: 48, bottom: 32 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const list = asList(params);
        return axisTooltip(
          String(list[0]?.axisValue ?? ''),
          list,
          (v) => `${formatNumber(v, lang, 1)} ${t.chart.minutes}`,
        );
      },
    },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', name: t.chart.minutes },
    series: result.layouts.map((l) => ({
      type: 'bar' as const,
      name: layoutName(l.kind, lang),
      itemStyle: { color: LAYOUT_COLORS[l.kind] },
      barMaxWidth: 32,
      data: WAIT_FIGURES.map((f) => round1(l.overall[f].mean)),
    })),
  };
}

/** Utilisation and share within target of each layout (means over the simulated days). */
export function utilisationOptions(
  result: PlanResult,
  lang: Lang,
  config: BuildConfig = {},
): ChartOption {
  const t = tr(lang);
  return {
    animation: config.animation ?? true,
    aria: ARIA_DECALS,
    legend: { top: 0 },
    grid: { left: 56, right: 16, top: 48, bottom: 32 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const list = asList(params);
        return axisTooltip(String(list[0]?.axisValue ?? ''), list, (v) =>
          formatPercent(v, lang),
        );
      },
    },
    xAxis: {
      type: 'category',
      data: [t.planner.utilisation, t.planner.withinTarget],
    },
    yAxis: percentAxis(t.chart.share, lang),
    series: result.layouts.map((l) => ({
      type: 'bar' as const,
      name: layoutName(l.kind, lang),
      itemStyle: { color: LAYOUT_COLORS[l.kind] },
      barMaxWidth: 40,
      data: [l.overall.utilisation.mean, l.overall.shareWithinTarget.mean],
    })),
  };
}

/** Every layout's headline figures with their 95 % intervals (the CSV of the wait and utilisation charts). */
export function layoutFiguresTable(result: PlanResult, lang: Lang): CsvTable {
  const t = tr(lang);
  const fig = (f: PlanFigure) => [f.mean, f.ci95[0], f.ci95[1]];
  const cols = [
    t.planner.meanWait,
    t.planner.p90,
    t.planner.withinTarget,
    t.planner.utilisation,
  ];
  return {
    header: [
      t.planner.colLayout,
      t.planner.totalWindows,
      t.planner.windowHours,
      t.planner.staffFreed,
      ...cols.flatMap((c) => [c, `${c} (95% low)`, `${c} (95% high)`]),
    ],
    rows: result.layouts.map((l) => [
      layoutName(l.kind, lang),
      l.peakWindows,
      l.windowHours,
      l.staffFreed,
      ...fig(l.overall.meanWaitMinutes),
      ...fig(l.overall.p90WaitMinutes),
      ...fig(l.overall.shareWithinTarget),
      ...fig(l.overall.utilisation),
    ]),
  };
}

/** Saved plans side by side: one row per plan and layout (from the list's summaries). */
export function comparisonRows(plans: readonly PlanView[]): {
  plan: PlanView;
  kind: PlanLayoutKind;
  peakWindows: number;
  windowHours: number;
  staffFreed: number;
  shareWithinTarget: number;
  meanWaitMinutes: number;
}[] {
  return plans.flatMap((p) =>
    (
      p.summary ??
      p.result?.layouts.map((l) => ({
        kind: l.kind,
        peakWindows: l.peakWindows,
        fixedWindows: l.fixedWindows,
        windowHours: l.windowHours,
        staffFreed: l.staffFreed,
        shareWithinTarget: l.overall.shareWithinTarget.mean,
        meanWaitMinutes: l.overall.meanWaitMinutes.mean,
      })) ??
      []
    ).map((s) => ({ plan: p, ...s })),
  );
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
