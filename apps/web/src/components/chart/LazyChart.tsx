import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';

export interface ChartSeries {
  name: string;
  /** One value per category; null where the figure is hidden or missing (drawn as a gap). */
  data: (number | null)[];
  kind?: 'bar' | 'line';
}

export interface ChartProps {
  /** What the chart shows, in a sentence (its accessible name). */
  title: string;
  categories: string[];
  series: ChartSeries[];
  unit: string;
  height?: number;
  max?: number;
}

// ECharts is several hundred KB: fetched when a chart is first drawn, never with login or home.
const BarChart = lazy(() => import('./BarChart'));

export function LazyChart(props: ChartProps) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: props.height ?? 320 }} />}>
      <BarChart {...props} />
    </Suspense>
  );
}
