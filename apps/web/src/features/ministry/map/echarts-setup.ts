import * as echarts from 'echarts/core';
import { LineChart, MapChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import langKO from 'echarts/lib/i18n/langKO.js';

/**
 * Only what the dashboard draws (a map and lines), in this lazily loaded chunk: the login and home
 * screens never load ECharts. Korean locale, so the built-in chart descriptions for screen
 * readers (aria) are Korean.
 */
echarts.use([
  MapChart,
  LineChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);
echarts.registerLocale('KO', langKO as unknown as Parameters<typeof echarts.registerLocale>[1]);

export { echarts };
