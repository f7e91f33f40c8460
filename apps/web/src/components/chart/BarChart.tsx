import { BarChart as Bars, LineChart as Lines } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import langKO from 'echarts/lib/i18n/langKO.js';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartProps } from './LazyChart';

// Only what these charts draw: bars, lines, axes, legend, tooltip, and the screen-reader description.
echarts.use([Bars, Lines, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);
echarts.registerLocale('KO', langKO as unknown as Parameters<typeof echarts.registerLocale>[1]);

const PALETTE = ['#0b50d0', '#1e7d32', '#b25e00', '#6b3fa0'];

/** Bars (or lines) per category; a null value is drawn as a gap, never as 0. Loaded only where a chart is shown. */
export default function BarChart({ categories, series, unit, height = 320, max, title }: ChartProps) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const chart = echarts.init(host.current, undefined, { renderer: 'svg', locale: 'KO' });
    chart.setOption({
      aria: { enabled: true, label: { enabled: true, description: undefined } },
      color: PALETTE,
      title: { show: false, text: title },
      grid: { left: 48, right: 16, top: 40, bottom: 32, containLabel: true },
      legend: { top: 0, textStyle: { fontSize: 13 } },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) =>
          typeof v === 'number' ? `${v.toLocaleString('ko-KR', { maximumFractionDigits: 1 })}${unit}` : '자료 없음',
      },
      xAxis: { type: 'category', data: categories, axisLabel: { fontSize: 12 } },
      yAxis: { type: 'value', max, axisLabel: { formatter: `{value}${unit}` } },
      series: series.map((s) => ({
        name: s.name,
        type: s.kind ?? 'bar',
        data: s.data,
        connectNulls: false,
        barMaxWidth: 28,
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [categories, series, unit, max, title]);
  return <div ref={host} style={{ width: '100%', height }} role="img" aria-label={title} />;
}
