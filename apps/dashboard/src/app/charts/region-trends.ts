import type {
  RegionTrendsResponse,
  TrendPoint,
  TrendSeries,
} from '@onewindow/contracts';
import type { CsvTable } from '../core/format/csv';
import { formatNumber, formatPercent } from '../core/format/format';
import type { Lang } from '../core/i18n/languages';
import {
  ARIA_DECALS,
  CHART_COLORS,
  ChartOption,
  SERIES_COLORS,
} from './chart-option';
import { asList, axisTooltip, BuildConfig, percentAxis, tr } from './common';

/** The id a series of a region chart carries: where a click on it drills to. */
export type PartId = `region:${string}` | `hall:${string}`;

export function partId(s: TrendSeries): PartId {
  return s.hallId ? `hall:${s.hallId}` : `region:${s.regionCode ?? ''}`;
}

/** The child regions and the halls directly in the region: the parts that add up to it. */
export function partsOf(trends: RegionTrendsResponse): TrendSeries[] {
  return [...trends.children, ...trends.halls];
}

const periodsOf = (trends: RegionTrendsResponse) =>
  trends.region.points.map((p) => p.period);

function lineChart(
  trends: RegionTrendsResponse,
  lang: Lang,
  config: BuildConfig,
  pick: (p: TrendPoint) => number | null,
  opts: {
    yAxis: ChartOption['yAxis'];
    format: (v: number | null) => string;
    withRegion: boolean;
    markLine?: Record<string, unknown>;
  },
): ChartOption {
  const t = tr(lang);
  const parts = partsOf(trends);
  const line = {
    type: 'line' as const,
    showSymbol: false,
    connectNulls: false,
    emphasis: { focus: 'series' as const },
  };
  return {
    animation: config.animation ?? true,
    color: [...SERIES_COLORS],
    legend: { top: 0, type: 'scroll' },
    grid: { left: 64, right: 32, top: 64, bottom: 80 },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: unknown) => {
        const list = asList(params);
        return axisTooltip(
          `${t.chart.period}: ${String(list[0]?.axisValue ?? '')}`,
          list,
          (v) => opts.format(v),
        );
      },
    },
    dataZoom:
      trends.region.points.length > 24
        ? [{ type: 'inside' }, { type: 'slider', bottom: 16 }]
        : [],
    xAxis: { type: 'category', data: periodsOf(trends), boundaryGap: false },
    yAxis: opts.yAxis,
    series: [
      ...(opts.withRegion
        ? [
            {
              ...line,
              id: `region:${trends.regionCode}`,
              name: trends.region.name,
              lineStyle: { width: 4, type: 'dashed' as const },
              itemStyle: { color: CHART_COLORS.total },
              data: trends.region.points.map(pick),
              markLine: opts.markLine,
            },
          ]
        : []),
      ...parts.map((s, i) => ({
        ...line,
        id: partId(s),
        name: s.name,
        itemStyle: { color: SERIES_COLORS[i % SERIES_COLORS.length] },
        data: s.points.map(pick),
        ...(opts.withRegion
          ? {}
          : i === 0 && opts.markLine
            ? { markLine: opts.markLine }
            : {}),
      })),
    ],
  };
}

/** Windows in service at the end of each period, per child region and direct hall, with the region's total. */
export function regionWindowsOptions(
  trends: RegionTrendsResponse,
  lang: Lang,
  config: BuildConfig = {},
): ChartOption {
  return lineChart(trends, lang, config, (p) => p.windows, {
    yAxis: { type: 'value', name: tr(lang).chart.windows, minInterval: 1 },
    format: (v) => formatNumber(v, lang),
    withRegion: true,
  });
}

/** Share of comprehensive windows, the region bold and dashed, its parts beside it. */
export function comprehensiveShareOptions(
  trends: RegionTrendsResponse,
  lang: Lang,
  config: BuildConfig = {},
): ChartOption {
  const share = (p: TrendPoint) =>
    p.windows > 0 ? p.windowsComprehensive / p.windows : null;
  return lineChart(trends, lang, config, share, {
    yAxis: percentAxis(tr(lang).chart.comprehensiveShare, lang),
    format: (v) => formatPercent(v, lang),
    withRegion: true,
  });
}

/** Online-handling rate per period, with the target line (e.g. the province's 80 %). */
export function onlineRateOptions(
  trends: RegionTrendsResponse,
  lang: Lang,
  config: BuildConfig & {
    target?: { value: number; label: string } | null;
  } = {},
): ChartOption {
  const target = config.target ?? null;
  return lineChart(trends, lang, config, (p) => p.onlineRate, {
    yAxis: percentAxis(tr(lang).chart.onlineRate, lang),
    format: (v) => formatPercent(v, lang),
    withRegion: true,
    markLine: target
      ? {
          symbol: ['none', 'none'],
          silent: true,
          lineStyle: { color: CHART_COLORS.target, type: 'dashed', width: 2 },
          label: {
            formatter: target.label,
            position: 'insideEndTop',
            color: CHART_COLORS.target,
          },
          data: [{ yAxis: target.value }],
        }
      : undefined,
  });
}

/**
 * Share called within the target wait, people who gave up counting as misses (docs/figures.md),
 * per period: the region bold and dashed, its parts beside it.
 */
export function withinTargetOptions(
  trends: RegionTrendsResponse,
  lang: Lang,
  config: BuildConfig = {},
): ChartOption {
  return lineChart(trends, lang, config, pickWithinTarget, {
    yAxis: percentAxis(tr(lang).chart.withinTargetShare, lang),
    format: (v) => formatPercent(v, lang),
    withRegion: true,
  });
}

/** Share of the people who queued and gave up or were left waiting at closing, per period. */
export function abandonedShareOptions(
  trends: RegionTrendsResponse,
  lang: Lang,
  config: BuildConfig = {},
): ChartOption {
  return lineChart(trends, lang, config, pickAbandonedShare, {
    yAxis: percentAxis(tr(lang).chart.abandonedShare, lang),
    format: (v) => formatPercent(v, lang),
    withRegion: true,
  });
}

/** Visitors per day (door counts), stacked by part; parts without door counts are left out. */
export function visitorsOptions(
  trends: RegionTrendsResponse,
  lang: Lang,
  config: BuildConfig = {},
): ChartOption {
  const t = tr(lang);
  const parts = partsOf(trends)
    .map((s, i) => ({ s, color: SERIES_COLORS[i % SERIES_COLORS.length] }))
    .filter(({ s }) => s.points.some((p) => p.visitorsPerDay !== null));
  return {
    animation: config.animation ?? true,
    aria: ARIA_DECALS,
    legend: { top: 0, type: 'scroll' },
    grid: { left: 64, right: 24, top: 48, bottom: 80 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params: unknown) => {
        const list = asList(params);
        return axisTooltip(
          `${t.chart.period}: ${String(list[0]?.axisValue ?? '')}`,
          list,
          (v) => formatNumber(v, lang),
        );
      },
    },
    dataZoom:
      trends.region.points.length > 24
        ? [{ type: 'inside' }, { type: 'slider', bottom: 16 }]
        : [],
    xAxis: { type: 'category', data: periodsOf(trends) },
    yAxis: { type: 'value', name: t.chart.visitorsPerDay, minInterval: 1 },
    series: parts.map(({ s, color }) => ({
      type: 'bar' as const,
      id: partId(s),
      name: s.name,
      stack: 'visitors',
      barMaxWidth: 40,
      itemStyle: { color },
      data: s.points.map((p) => p.visitorsPerDay),
    })),
  };
}

export function visitorsAreEmpty(trends: RegionTrendsResponse): boolean {
  return trends.region.points.every((p) => p.visitorsPerDay === null);
}

/** One column per series, one row per period. */
export function regionTrendsTable(
  trends: RegionTrendsResponse,
  lang: Lang,
  pick: (p: TrendPoint) => number | null,
): CsvTable {
  const series = [trends.region, ...partsOf(trends)];
  return {
    header: [tr(lang).chart.period, ...series.map((s) => s.name)],
    rows: trends.region.points.map((p, i) => [
      p.period,
      ...series.map((s) => pick(s.points[i])),
    ]),
  };
}

export const pickWindows = (p: TrendPoint) => p.windows;
export const pickComprehensiveShare = (p: TrendPoint) =>
  p.windows > 0
    ? Math.round((p.windowsComprehensive / p.windows) * 10_000) / 10_000
    : null;
export const pickVisitorsPerDay = (p: TrendPoint) => p.visitorsPerDay;
export const pickOnlineRate = (p: TrendPoint) => p.onlineRate;
export const pickWithinTarget = (p: TrendPoint) => p.withinTargetShare;
export const pickAbandonedShare = (p: TrendPoint) => p.abandonedShare;
