import type { WindowHistoryDay } from '@onewindow/contracts';
import { Lang, TRANSLATIONS } from '../core/i18n/languages';
import { CHART_COLORS, ChartOption } from './chart-option';

/** Above this many days the chart shows one point a week (the CSV always has every day). */
export const WEEKLY_THRESHOLD_DAYS = 366;

/**
 * Thins a long daily series to weekly points: the first day of every 7-day run, plus the last day, so
 * the chart still starts and ends on the span's bounds. Short series come back unchanged.
 */
export function thinToWeekly(
  days: readonly WindowHistoryDay[],
  threshold = WEEKLY_THRESHOLD_DAYS,
): WindowHistoryDay[] {
  if (days.length <= threshold) return [...days];
  const points: WindowHistoryDay[] = [];
  for (let i = 0; i < days.length; i += 7) points.push(days[i]);
  const last = days[days.length - 1];
  if (points[points.length - 1] !== last) points.push(last);
  return points;
}

export interface WindowHistoryOptionsConfig {
  /** Chart title; defaults to the translated "windows by mode". */
  title?: string;
  subtitle?: string;
  /** File name (without extension) of "save as image". */
  fileName?: string;
  animation?: boolean;
}

interface TooltipParam {
  axisValueLabel?: string;
  value?: unknown;
  seriesName?: string;
  marker?: unknown;
}

/**
 * ECharts option of a hall's windows over time: department and comprehensive windows stacked (so the
 * top of the stack is the total), plus the total as a dashed line. Pure: same input, same option.
 */
export function windowHistoryOptions(
  days: readonly WindowHistoryDay[],
  lang: Lang,
  config: WindowHistoryOptionsConfig = {},
): ChartOption {
  const t = TRANSLATIONS[lang].chart;
  const points = thinToWeekly(days);
  const stepped = {
    type: 'line' as const,
    step: 'end' as const,
    showSymbol: false,
    stack: 'windows',
  };

  return {
    animation: config.animation ?? true,
    color: [
      CHART_COLORS.department,
      CHART_COLORS.comprehensive,
      CHART_COLORS.total,
    ],
    title: {
      text: config.title ?? t.windowsTitle,
      subtext: config.subtitle,
      left: 'center',
      subtextStyle: { color: '#52606d' },
    },
    legend: { top: config.subtitle ? 64 : 40 },
    grid: { left: 56, right: 32, top: config.subtitle ? 112 : 88, bottom: 88 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const list = (
          Array.isArray(params) ? params : [params]
        ) as TooltipParam[];
        const date = String(
          (list[0]?.value as [string, number] | undefined)?.[0] ?? '',
        );
        const rows = list.map(
          (p) =>
            `${p.marker ?? ''}${p.seriesName}: ${(p.value as [string, number])[1]}`,
        );
        return [`${t.date}: ${date}`, ...rows].join('<br/>');
      },
    },
    toolbox: {
      right: 16,
      feature: {
        saveAsImage: {
          title: t.saveImage,
          name: config.fileName ?? 'windows',
          pixelRatio: 2,
        },
      },
    },
    dataZoom: [{ type: 'inside' }, { type: 'slider', bottom: 24 }],
    xAxis: { type: 'time' },
    yAxis: { type: 'value', name: t.windows, minInterval: 1 },
    series: [
      {
        ...stepped,
        name: t.department,
        areaStyle: { opacity: 0.35 },
        data: points.map((d) => [d.date, d.department]),
      },
      {
        ...stepped,
        name: t.comprehensive,
        areaStyle: { opacity: 0.35 },
        data: points.map((d) => [d.date, d.comprehensive]),
      },
      {
        type: 'line',
        step: 'end',
        showSymbol: false,
        name: t.total,
        lineStyle: { type: 'dashed', width: 2 },
        data: points.map((d) => [d.date, d.total]),
      },
    ],
  };
}

/** The days as CSV (UTF-8 with a byte-order mark so spreadsheet programs read the Chinese header). */
export function windowHistoryCsv(
  days: readonly WindowHistoryDay[],
  lang: Lang,
): string {
  const t = TRANSLATIONS[lang].chart;
  const header = [t.date, t.department, t.comprehensive, t.total]
    .map(csvCell)
    .join(',');
  const rows = days.map((d) =>
    [d.date, d.department, d.comprehensive, d.total].join(','),
  );
  return `\uFEFF${[header, ...rows].join('\r\n')}\r\n`;
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
