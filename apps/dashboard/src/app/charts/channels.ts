import {
  HANDLING_CHANNELS,
  type ChannelPoint,
  type HandlingChannel,
} from '@onewindow/contracts';
import type { CsvTable } from '../core/format/csv';
import { formatNumber, formatPercent } from '../core/format/format';
import type { Lang } from '../core/i18n/languages';
import { ARIA_DECALS, CHART_COLORS, ChartOption } from './chart-option';
import {
  asList,
  BuildConfig,
  escapeHtml,
  fill,
  percentAxis,
  tr,
  yOf,
} from './common';

/** Channel colours: the window in vermilion, the two online channels in greens and blues. */
export const CHANNEL_COLORS: Record<HandlingChannel, string> = {
  window: '#D55E00',
  online_web: '#0072B2',
  online_mobile: '#56B4E9',
  self_service_terminal: '#CC79A7',
  partner_outlet: '#E69F00',
  agent: '#555555',
};

export interface ChannelOptionsConfig extends BuildConfig {
  /** The online-rate target to mark (a share), with its label. */
  target?: { value: number; label: string } | null;
}

/**
 * Cases handled per channel, stacked per period, with the online-handling rate on a second axis
 * (and its target, when known). Channels without any case in the span are left out.
 */
export function channelOptions(
  points: readonly ChannelPoint[],
  lang: Lang,
  config: ChannelOptionsConfig = {},
): ChartOption {
  const t = tr(lang);
  const used = HANDLING_CHANNELS.filter((c) =>
    points.some((p) => p.channels[c] > 0),
  );
  const target = config.target ?? null;
  return {
    animation: config.animation ?? true,
    aria: ARIA_DECALS,
    color: [...used.map((c) => CHANNEL_COLORS[c]), CHART_COLORS.online],
    legend: { top: 0, type: 'scroll' },
    grid: { left: 64, right: 64, top: 64, bottom: 80 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const list = asList(params);
        const period = String(list[0]?.axisValue ?? '');
        const rows = list.map((p) => {
          const v = yOf(p.value);
          const text =
            p.seriesName === t.chart.onlineRate
              ? formatPercent(v, lang)
              : formatNumber(v, lang);
          return `${typeof p.marker === 'string' ? p.marker : ''}${escapeHtml(p.seriesName ?? '')}: ${text}`;
        });
        return [`${t.chart.period}: ${period}`, ...rows].join('<br/>');
      },
    },
    dataZoom:
      points.length > 24
        ? [{ type: 'inside' }, { type: 'slider', bottom: 16 }]
        : [],
    xAxis: { type: 'category', data: points.map((p) => p.period) },
    yAxis: [
      { type: 'value', name: t.chart.cases, minInterval: 1 },
      { ...percentAxis(t.chart.onlineRate, lang), splitLine: { show: false } },
    ],
    series: [
      ...used.map((c) => ({
        type: 'bar' as const,
        name: t.channel[c],
        stack: 'cases',
        barMaxWidth: 48,
        emphasis: { focus: 'series' as const },
        data: points.map((p) => p.channels[c]),
      })),
      {
        type: 'line' as const,
        name: t.chart.onlineRate,
        yAxisIndex: 1,
        symbolSize: 6,
        lineStyle: { width: 3 },
        data: points.map((p) => p.onlineRate),
        markLine: target
          ? {
              symbol: ['none', 'none'],
              silent: true,
              lineStyle: {
                color: CHART_COLORS.target,
                type: 'dashed',
                width: 2,
              },
              label: {
                formatter: target.label,
                position: 'insideEndTop',
                color: CHART_COLORS.target,
              },
              data: [{ yAxis: target.value }],
            }
          : undefined,
      },
    ],
  };
}

export function channelTable(
  points: readonly ChannelPoint[],
  lang: Lang,
): CsvTable {
  const t = tr(lang);
  return {
    header: [
      t.chart.period,
      ...HANDLING_CHANNELS.map((c) => t.channel[c]),
      t.common.total,
      t.chart.onlineRate,
    ],
    rows: points.map((p) => [
      p.period,
      ...HANDLING_CHANNELS.map((c) => p.channels[c]),
      p.total,
      p.onlineRate,
    ]),
  };
}

export function channelsAreEmpty(points: readonly ChannelPoint[]): boolean {
  return points.every((p) => p.total === 0);
}

/** The label of an online-rate target line: "全省目标 ≥80%". */
export function onlineTargetLabel(
  prefix: string,
  comparison: string,
  value: number,
  lang: Lang,
): string {
  return fill('{{prefix}} {{comparison}}{{value}}', {
    prefix,
    comparison,
    value: formatPercent(value, lang, 0),
  });
}
