import type { HallRatingsResponse } from '@onewindow/contracts';
import type { CsvTable } from '../core/format/csv';
import { formatNumber, formatPercent } from '../core/format/format';
import type { Lang } from '../core/i18n/languages';
import { ARIA_DECALS, CHART_COLORS, ChartOption } from './chart-option';
import { asList, BuildConfig, escapeHtml, tr } from './common';

/** Windows with at least one rating in the span, by label. */
function ratedWindows(r: HallRatingsResponse) {
  return r.byWindow
    .filter((w) => w.rated > 0)
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN', { numeric: true }));
}

export function ratingsAreEmpty(r: HallRatingsResponse): boolean {
  return r.overall.rated === 0;
}

/**
 * The mean 好差评 rating of each window over the span (horizontal bars on a 1–5 scale), the low
 * ratings (1–2) and the count in the tooltip.
 */
export function ratingsOptions(
  r: HallRatingsResponse,
  lang: Lang,
  config: BuildConfig = {},
): ChartOption {
  const t = tr(lang).hall;
  const windows = ratedWindows(r);
  return {
    animation: config.animation ?? true,
    aria: ARIA_DECALS,
    color: [CHART_COLORS.comprehensive],
    grid: { left: 110, right: 48, top: 24, bottom: 40 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const p = asList(params)[0];
        const w =
          windows[Number((p as { dataIndex?: number })?.dataIndex ?? -1)];
        if (!w) return '';
        return [
          escapeHtml(w.label),
          `${t.ratingMean}: ${formatNumber(w.meanRating, lang, 2)}`,
          `${t.ratingCount}: ${formatNumber(w.rated, lang)}`,
          `${t.ratingLow}: ${formatNumber(w.low, lang)} (${formatPercent(w.lowShare, lang)})`,
        ].join('<br/>');
      },
    },
    xAxis: { type: 'value', min: 1, max: 5, interval: 1, name: t.ratingMean },
    yAxis: {
      type: 'category',
      inverse: true,
      data: windows.map((w) => w.label),
    },
    series: [
      {
        type: 'bar',
        name: t.ratingMean,
        data: windows.map((w) => w.meanRating),
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value?: unknown }) =>
            formatNumber(p.value as number, lang, 2),
        },
      },
    ],
  };
}

/** The chart's data, and the same figures per category, as one table (screen readers, CSV). */
export function ratingsTable(
  r: HallRatingsResponse,
  lang: Lang,
  categoryName: (code: string) => string,
): CsvTable {
  const t = tr(lang).hall;
  const row = (
    name: string,
    f: {
      served: number;
      rated: number;
      meanRating: number | null;
      low: number;
    },
  ) => [name, f.served, f.rated, f.meanRating, f.low];
  return {
    header: [
      t.ratingWindow,
      t.ratingServed,
      t.ratingCount,
      t.ratingMean,
      t.ratingLow,
    ],
    rows: [
      ...ratedWindows(r).map((w) => row(w.label, w)),
      ...r.byCategory
        .filter((c) => c.rated > 0)
        .map((c) =>
          row(`${t.ratingCategory}: ${categoryName(c.categoryCode)}`, c),
        ),
    ],
  };
}
