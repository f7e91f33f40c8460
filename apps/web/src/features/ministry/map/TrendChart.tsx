import { useEffect, useRef } from 'react';
import { echarts } from './echarts-setup';

export interface TrendSeries {
  name: string;
  /** One value per period; null where nothing was submitted or the figure is suppressed (a gap, never 0). */
  values: (number | null)[];
}

/** Monthly or quarterly lines; the table under it holds the same figures (and says which are suppressed). */
export default function TrendChart({
  periods,
  series,
  title,
  unit,
}: {
  periods: string[];
  series: TrendSeries[];
  title: string;
  unit: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { locale: 'KO', renderer: 'canvas' });
    chart.setOption({
      aria: { enabled: true },
      title: { text: title, show: false },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 32 },
      xAxis: { type: 'category', data: periods },
      yAxis: { type: 'value', name: unit },
      series: series.map((s) => ({ type: 'line', name: s.name, data: s.values, connectNulls: false, symbolSize: 6 })),
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [periods, series, title, unit]);
  return <div ref={element} style={{ width: '100%', height: 280 }} />;
}
