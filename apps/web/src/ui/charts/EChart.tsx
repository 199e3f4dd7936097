/**
 * The chart itself: Apache ECharts, tree-shaken (echarts/core + the bar and line charts + the components
 * used, canvas renderer). Only ChartPanel imports this file, through React.lazy: pages that draw no chart
 * never download ECharts (ADR 0014).
 */
import type { Lang } from '@pilotage/contracts';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { formatCell, type ChartSpec, type Dataset } from './dataset.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Colours of the design system (styles.css), in series order. */
const PALETTE = ['#1f3a5f', '#a61b1b', '#1e6b3a', '#b45309', '#6d28d9', '#0f766e'];

interface Props {
  data: Dataset;
  spec: ChartSpec;
  lang: Lang;
  height: number;
  /** Accessible name of the canvas (the table view carries the numbers for screen readers). */
  label: string;
}

export default function EChart({ data, spec, lang, height, label }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    const catCol = data.columns.find((c) => c.key === spec.category)!;
    const categories = data.rows.map((r) => formatCell(lang, catCol, r[spec.category] ?? null));
    const fmt = (v: number) =>
      formatCell(lang, { key: '', label: '', kind: spec.percent ? 'percent' : 'number' }, v);
    const valueAxis = {
      type: 'value' as const,
      ...(spec.percent ? { max: 100 } : { minInterval: 1 }),
      axisLabel: { formatter: (v: number) => fmt(v) },
    };
    const categoryAxis = {
      type: 'category' as const,
      data: categories,
      inverse: spec.horizontal ?? false,
      axisLabel: spec.horizontal ? { width: 150, overflow: 'truncate' as const } : { hideOverlap: true },
    };
    chart.setOption({
      animation: false,
      color: spec.series.map((s, i) => s.color ?? PALETTE[i % PALETTE.length] ?? '#1f3a5f'),
      textStyle: { fontFamily: "'Segoe UI', 'Noto Sans', Roboto, Arial, sans-serif" },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? fmt(v) : typeof v === 'string' ? v : ''),
      },
      legend: spec.series.length > 1 ? { top: 0 } : { show: false },
      grid: { left: 8, right: 16, top: spec.series.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
      xAxis: spec.horizontal ? valueAxis : categoryAxis,
      yAxis: spec.horizontal ? categoryAxis : valueAxis,
      series: spec.series.map((s) => ({
        type: spec.type,
        name: data.columns.find((c) => c.key === s.key)?.label ?? s.key,
        data: data.rows.map((r) => r[s.key] ?? null),
        ...(spec.stacked ? { stack: 'all' } : {}),
        ...(spec.type === 'line' ? { showSymbol: data.rows.length <= 24, areaStyle: { opacity: 0.08 } } : {}),
      })),
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [data, spec, lang]);
  return <div ref={ref} className="echart" style={{ height }} role="img" aria-label={label} />;
}
