/**
 * The one place that registers ECharts parts: only what the dashboard's charts use, so the rest of
 * ECharts is tree-shaken away. Imported only by the lazy chart component, never by the initial
 * bundle. The canvas renderer only: unit tests register the SVG renderer themselves.
 */
import { BarChart, HeatmapChart, LineChart, SankeyChart } from 'echarts/charts';
import {
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  LineChart,
  BarChart,
  HeatmapChart,
  SankeyChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomComponent,
  MarkLineComponent,
  VisualMapContinuousComponent,
  AriaComponent,
  CanvasRenderer,
]);

export { echarts };
