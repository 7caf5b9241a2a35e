import type { TargetView } from '@onewindow/contracts';
import type { CsvTable } from '../core/format/csv';
import { formatNumber } from '../core/format/format';
import type { Lang } from '../core/i18n/languages';
import { ChartOption, SERIES_COLORS } from './chart-option';
import { asList, axisTooltip, BuildConfig, fill, tr } from './common';
import { thinToWeekly } from './window-history';

/** A window-count target and the windows of its hall or region over the span. */
export interface WindowTargetSeries {
  name: string;
  target: TargetView;
  /** windows in service per day (or at each period's end) */
  points: readonly { date: string; windows: number }[];
}

/** "目标 <30（2020-12-31）" */
export function targetLabel(target: TargetView, lang: Lang): string {
  const t = tr(lang);
  return fill(t.chart.targetLabel, {
    comparison: t.comparison[target.comparison],
    value: formatNumber(target.value, lang),
    due: target.dueDate,
  });
}

/**
 * Windows against their reduction targets (Yiwu "under 30 by the end of 2020", Lishui "≤ 150"):
 * one line per hall or region, its target a dashed line of the same colour, labelled.
 */
export function windowTargetsOptions(
  series: readonly WindowTargetSeries[],
  lang: Lang,
  config: BuildConfig = {},
): ChartOption {
  const t = tr(lang).chart;
  return {
    animation: config.animation ?? true,
    legend: { top: 0, type: 'scroll' },
    grid: { left: 56, right: 180, top: 48, bottom: 80 },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: unknown) => {
        const list = asList(params);
        const date = String(
          (list[0]?.value as unknown[] | undefined)?.[0] ?? '',
        );
        return axisTooltip(`${t.date}: ${date}`, list, (v) =>
          formatNumber(v, lang),
        );
      },
    },
    dataZoom: [{ type: 'inside' }, { type: 'slider', bottom: 16 }],
    xAxis: { type: 'time' },
    yAxis: { type: 'value', name: t.windows, minInterval: 1 },
    series: series.map((s, i) => {
      const color = SERIES_COLORS[i % SERIES_COLORS.length];
      return {
        type: 'line' as const,
        step: 'end' as const,
        showSymbol: false,
        name: s.name,
        itemStyle: { color },
        data: thinToWeekly(s.points).map((p) => [p.date, p.windows]),
        markLine: {
          symbol: ['none', 'none'],
          silent: true,
          lineStyle: { color, type: 'dashed' as const, width: 2 },
          label: {
            formatter: `${s.name}\n${targetLabel(s.target, lang)}`,
            position: 'end' as const,
            color,
          },
          data: [{ yAxis: s.target.value }],
        },
      };
    }),
  };
}

export function windowTargetsTable(
  series: readonly WindowTargetSeries[],
  lang: Lang,
): CsvTable {
  const t = tr(lang);
  return {
    header: [t.common.name, t.chart.date, t.chart.windows, t.chart.target],
    rows: series.flatMap((s) =>
      s.points.map((p) => [
        s.name,
        p.date,
        p.windows,
        `${t.comparison[s.target.comparison]}${s.target.value}`,
      ]),
    ),
  };
}
