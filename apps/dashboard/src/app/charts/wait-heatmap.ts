import type { HallWaitHeatmapResponse } from '@onewindow/contracts';
import type { CsvTable } from '../core/format/csv';
import { formatNumber, formatPercent } from '../core/format/format';
import type { Lang } from '../core/i18n/languages';
import { ChartOption, SEQUENTIAL_COLORS } from './chart-option';
import { BuildConfig, fill, tr } from './common';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`;

/**
 * Mean wait per hour of issue (x) and weekday (y, Monday on top), coloured from short (light) to
 * long (dark) waits; the tooltip adds tickets per day and the share called within the target.
 * Hours run from the earliest to the latest hour with tickets.
 */
export function waitHeatmapOptions(
  heatmap: HallWaitHeatmapResponse,
  lang: Lang,
  config: BuildConfig = {},
): ChartOption {
  const t = tr(lang);
  const cells = heatmap.cells;
  const hours = cells.length
    ? range(
        Math.min(...cells.map((c) => c.hour)),
        Math.max(...cells.map((c) => c.hour)),
      )
    : [];
  const maxWait = Math.max(
    heatmap.targetWaitMinutes,
    ...cells.map((c) => c.meanWaitMinutes ?? 0),
  );
  const byKey = new Map(cells.map((c) => [`${c.weekday}|${c.hour}`, c]));
  return {
    animation: config.animation ?? true,
    grid: { left: 64, right: 24, top: 16, bottom: 88 },
    tooltip: {
      position: 'top',
      formatter: (p: unknown) => {
        const [x, y] = (p as { value: [number, number, number | null] }).value;
        const cell = byKey.get(`${WEEKDAYS[y]}|${hours[x]}`);
        if (!cell) return '';
        return [
          `${t.weekday[String(cell.weekday) as '1']} ${hourLabel(cell.hour)}`,
          `${t.chart.meanWait}: ${formatNumber(cell.meanWaitMinutes, lang, 1)}`,
          `${t.chart.arrivalsPerDay}: ${formatNumber(cell.arrivalsPerDay, lang, 1)}`,
          `${fill(t.chart.withinTarget, { minutes: heatmap.targetWaitMinutes })}: ${formatPercent(cell.withinTargetShare, lang)}`,
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      name: t.chart.hour,
      nameLocation: 'middle',
      nameGap: 28,
      data: hours.map(hourLabel),
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: WEEKDAYS.map((d) => t.weekday[String(d) as '1']),
      splitArea: { show: true },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max: Math.ceil(maxWait),
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      text: [`${Math.ceil(maxWait)} ${t.chart.minutes}`, '0'],
      inRange: { color: [...SEQUENTIAL_COLORS] },
    },
    series: [
      {
        type: 'heatmap',
        name: t.chart.meanWait,
        label: {
          show: hours.length <= 14,
          fontSize: 10,
          formatter: (p: unknown) => {
            const v = (p as { value: [number, number, number | null] })
              .value[2];
            return v === null ? '' : formatNumber(v, lang, 0);
          },
        },
        emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } },
        data: cells
          .filter((c) => c.meanWaitMinutes !== null)
          .map((c) => [
            hours.indexOf(c.hour),
            WEEKDAYS.indexOf(c.weekday as (typeof WEEKDAYS)[number]),
            c.meanWaitMinutes,
          ]),
      },
    ],
  };
}

export function waitHeatmapTable(
  heatmap: HallWaitHeatmapResponse,
  lang: Lang,
): CsvTable {
  const t = tr(lang);
  return {
    header: [
      t.chart.weekday,
      t.chart.hour,
      t.chart.arrivalsPerDay,
      t.chart.meanWait,
      fill(t.chart.withinTarget, { minutes: heatmap.targetWaitMinutes }),
    ],
    rows: heatmap.cells.map((c) => [
      t.weekday[String(c.weekday) as '1'],
      hourLabel(c.hour),
      c.arrivalsPerDay,
      c.meanWaitMinutes,
      c.withinTargetShare,
    ]),
  };
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}
