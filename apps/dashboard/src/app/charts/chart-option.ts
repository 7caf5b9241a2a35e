/** Option types of the registered ECharts parts (type-only: no ECharts code in the initial bundle). */
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  DataZoomComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TitleComponentOption,
  ToolboxComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

export type ChartOption = ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | DataZoomComponentOption
  | TitleComponentOption
  | ToolboxComponentOption
>;

/**
 * Okabe–Ito colours: distinguishable with the common colour-vision deficiencies and with at least
 * 3:1 contrast against white for the lines; the total is drawn dashed so it never relies on colour alone.
 */
export const CHART_COLORS = {
  department: '#D55E00',
  comprehensive: '#0072B2',
  total: '#222222',
} as const;
