import type { QueueSnapshot } from '@onewindow/contracts';
import type { CsvTable } from '../core/format/csv';
import type { Lang } from '../core/i18n/languages';
import { formatShanghaiDateTime } from '../core/time/shanghai-time';
import { ARIA_DECALS, ChartOption, SERIES_COLORS } from './chart-option';
import { BuildConfig, tr } from './common';

/** People waiting per category now, longest queue on top. */
export function waitingOptions(
  waiting: QueueSnapshot['waiting'],
  categoryName: (code: string) => string,
  lang: Lang,
  config: BuildConfig = {},
): ChartOption {
  const t = tr(lang).chart;
  const rows = [...waiting].sort((a, b) => a.count - b.count);
  return {
    animation: config.animation ?? true,
    aria: ARIA_DECALS,
    color: [SERIES_COLORS[0]],
    grid: { left: 8, right: 40, top: 8, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: rows.map((w) => categoryName(w.categoryCode)),
    },
    series: [
      {
        type: 'bar',
        name: t.waiting,
        barMaxWidth: 28,
        label: { show: true, position: 'right' },
        data: rows.map((w) => w.count),
      },
    ],
  };
}

export function waitingTable(
  waiting: QueueSnapshot['waiting'],
  categoryName: (code: string) => string,
  lang: Lang,
): CsvTable {
  const t = tr(lang);
  return {
    header: [
      t.chart.category,
      t.chart.waiting,
      t.live.oldest.replace(/\s*\{\{time\}\}/, ''),
    ],
    rows: waiting.map((w) => [
      categoryName(w.categoryCode),
      w.count,
      formatShanghaiDateTime(new Date(w.oldestIssuedAt), lang),
    ]),
  };
}
