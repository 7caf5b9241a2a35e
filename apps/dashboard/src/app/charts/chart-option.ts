/** Option types of the registered ECharts parts (type-only: no ECharts code in the initial bundle). */
import type {
  BarSeriesOption,
  HeatmapSeriesOption,
  LineSeriesOption,
  SankeySeriesOption,
} from 'echarts/charts';
import type {
  AriaComponentOption,
  DataZoomComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

export type ChartOption = ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | HeatmapSeriesOption
  | SankeySeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | DataZoomComponentOption
  | MarkLineComponentOption
  | VisualMapComponentOption
  | AriaComponentOption
>;

/**
 * Okabe–Ito colours: distinguishable with the common colour-vision deficiencies and with at least
 * 3:1 contrast against white for the lines; the total is drawn dashed so it never relies on colour alone.
 */
export const CHART_COLORS = {
  department: '#D55E00',
  comprehensive: '#0072B2',
  total: '#222222',
  target: '#B42318',
  online: '#009E73',
} as const;

/**
 * Colours of many series (regions, halls, channels): Okabe–Ito first, then Paul Tol's muted
 * scheme; the yellow of Okabe–Ito is left out (too light on white for lines and labels).
 */
export const SERIES_COLORS = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#332288',
  '#117733',
  '#882255',
  '#999933',
  '#44AA99',
  '#AA4499',
  '#661100',
  '#6699CC',
  '#555555',
] as const;

/** Sequential colours from short to long waits (viridis, readable in grey scale too). */
export const SEQUENTIAL_COLORS = [
  '#fde725',
  '#7ad151',
  '#22a884',
  '#2a788e',
  '#414487',
  '#440154',
] as const;

/** Accessible patterns on bars and areas (ECharts aria decals), without ECharts' own description. */
export const ARIA_DECALS = {
  enabled: true,
  label: { enabled: false },
  decal: { show: true },
} as const;

export const MUTED_TEXT = '#52606d';

/** The series of an option as an array (for the tests and the point counts). */
export function seriesList(option: ChartOption): Record<string, unknown>[] {
  const s = option.series;
  if (!s) return [];
  return (Array.isArray(s) ? s : [s]) as Record<string, unknown>[];
}
