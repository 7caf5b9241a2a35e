import type { HallDay } from '@onewindow/contracts';
import type { CsvTable } from '../core/format/csv';
import type { Lang } from '../core/i18n/languages';
import { ChartOption, SERIES_COLORS } from './chart-option';
import { formatPercent } from '../core/format/format';
import {
  asList,
  axisTooltip,
  BuildConfig,
  numberFormatter,
  percentAxis,
  tr,
} from './common';

/** One line of a hall's days: a figure per date (null: a gap). */
interface DayLine {
  name: string;
  pick: (d: HallDay) => number | null;
  style?: Record<string, unknown>;
}

/** Lines over a hall's days on a time axis, with a date tooltip formatted by `format`. */
function dayLines(
  days: readonly HallDay[],
  lang: Lang,
  config: BuildConfig,
  opts: {
    colors: string[];
    left: number;
    yAxis: ChartOption['yAxis'];
    format: (v: number | null) => string;
    lines: DayLine[];
  },
): ChartOption {
  const t = tr(lang).chart;
  return {
    animation: config.animation ?? true,
    color: opts.colors,
    legend: { top: 0 },
    grid: { left: opts.left, right: 24, top: 48, bottom: 88 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const list = asList(params);
        const date = String(
          (list[0]?.value as unknown[] | undefined)?.[0] ?? '',
        );
        return axisTooltip(`${t.date}: ${date}`, list, opts.format);
      },
    },
    dataZoom: [{ type: 'inside' }, { type: 'slider', bottom: 24 }],
    xAxis: { type: 'time' },
    yAxis: opts.yAxis,
    series: opts.lines.map((l) => ({
      type: 'line' as const,
      showSymbol: false,
      connectNulls: false,
      name: l.name,
      ...l.style,
      data: days.map((d) => [d.date, l.pick(d)]),
    })),
  };
}

/**
 * A hall's days: people counted at the doors, tickets issued and tickets served. Days without a
 * door count are gaps, not zeros.
 */
export function hallDailyOptions(
  days: readonly HallDay[],
  lang: Lang,
  config: BuildConfig = {},
): ChartOption {
  const t = tr(lang).chart;
  return dayLines(days, lang, config, {
    colors: [SERIES_COLORS[0], SERIES_COLORS[1], SERIES_COLORS[2]],
    left: 56,
    yAxis: { type: 'value', minInterval: 1 },
    format: numberFormatter(lang),
    lines: [
      {
        name: t.visitors,
        pick: (d) => d.visitors,
        style: { areaStyle: { opacity: 0.2 } },
      },
      { name: t.tickets, pick: (d) => d.tickets },
      {
        name: t.served,
        pick: (d) => d.served,
        style: { lineStyle: { type: 'dashed' } },
      },
    ],
  });
}

/**
 * A hall's service per day (docs/figures.md): the share called within the target wait — people
 * who gave up or were left waiting at closing count as misses — and the share who gave up.
 */
export function hallServiceOptions(
  days: readonly HallDay[],
  lang: Lang,
  config: BuildConfig = {},
): ChartOption {
  const t = tr(lang).chart;
  return dayLines(days, lang, config, {
    colors: [SERIES_COLORS[1], SERIES_COLORS[3]],
    left: 64,
    yAxis: percentAxis(t.share, lang),
    format: (v) => formatPercent(v, lang),
    lines: [
      { name: t.withinTargetShare, pick: (d) => d.withinTargetShare },
      {
        name: t.abandonedShare,
        pick: (d) => d.abandonedShare,
        style: { areaStyle: { opacity: 0.15 } },
      },
    ],
  });
}

/** True when no day had anybody queueing. */
export function hallServiceIsEmpty(days: readonly HallDay[]): boolean {
  return days.every((d) => d.withinTargetShare === null);
}

/** Every figure of the days (more than the chart draws). */
export function hallDailyTable(days: readonly HallDay[], lang: Lang): CsvTable {
  const t = tr(lang);
  return {
    header: [
      t.chart.date,
      t.chart.visitors,
      t.chart.tickets,
      t.chart.served,
      t.chart.meanWait,
      t.region.colP90Wait,
      t.region.colWithin,
      t.chart.abandoned,
      t.chart.expired,
      t.region.colAbandoned,
      t.chart.windows,
      t.chart.comprehensive,
      t.chart.onlineRate,
    ],
    rows: days.map((d) => [
      d.date,
      d.visitors,
      d.tickets,
      d.served,
      d.meanWaitMinutes,
      d.p90WaitMinutes,
      d.withinTargetShare,
      d.abandoned,
      d.expired,
      d.abandonedShare,
      d.windowsOpen,
      d.windowsComprehensive,
      d.onlineRate,
    ]),
  };
}

/** True when the days hold nothing to draw. */
export function hallDailyIsEmpty(days: readonly HallDay[]): boolean {
  return days.every((d) => d.tickets === 0 && !d.visitors);
}
