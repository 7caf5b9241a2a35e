import type { HallDay } from '@onewindow/contracts';
import type { CsvTable } from '../core/format/csv';
import type { Lang } from '../core/i18n/languages';
import { ChartOption, SERIES_COLORS } from './chart-option';
import {
  asList,
  axisTooltip,
  BuildConfig,
  numberFormatter,
  tr,
} from './common';

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
  const line = {
    type: 'line' as const,
    showSymbol: false,
    connectNulls: false,
  };
  return {
    animation: config.animation ?? true,
    color: [SERIES_COLORS[0], SERIES_COLORS[1], SERIES_COLORS[2]],
    legend: { top: 0 },
    grid: { left: 56, right: 24, top: 48, bottom: 88 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const list = asList(params);
        const date = String(
          (list[0]?.value as unknown[] | undefined)?.[0] ?? '',
        );
        return axisTooltip(`${t.date}: ${date}`, list, numberFormatter(lang));
      },
    },
    dataZoom: [{ type: 'inside' }, { type: 'slider', bottom: 24 }],
    xAxis: { type: 'time' },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        ...line,
        name: t.visitors,
        areaStyle: { opacity: 0.2 },
        data: days.map((d) => [d.date, d.visitors]),
      },
      {
        ...line,
        name: t.tickets,
        data: days.map((d) => [d.date, d.tickets]),
      },
      {
        ...line,
        name: t.served,
        lineStyle: { type: 'dashed' },
        data: days.map((d) => [d.date, d.served]),
      },
    ],
  };
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
