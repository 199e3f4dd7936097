/**
 * The KPI charts themselves (Apache ECharts, tree-shaken: line and map charts, canvas renderer). Only
 * KpiChartPanel imports this file, through React.lazy: pages that draw no chart never download ECharts.
 * - trajectory: the values (solid) against the target trajectory (dashed);
 * - map: the 34 provinces coloured by the value (simplified boundaries, fetched once as a hashed asset,
 *   with the Hoàng Sa and Trường Sa archipelagos).
 */
import type { Lang } from '@pilotage/contracts';
import { LineChart, MapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import { formatCell, type Dataset } from '../../../ui/charts/dataset.ts';

echarts.use([
  LineChart,
  MapChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

const MAP_URL = new URL('../map/vn-provinces.geo.json', import.meta.url).href;
let mapReady: Promise<void> | undefined;
/** Registers the provinces' geometry once per page load (the file is cached for good: hashed name). */
function loadMap(): Promise<void> {
  mapReady ??= fetch(MAP_URL)
    .then((r) => r.json() as Promise<Parameters<typeof echarts.registerMap>[1]>)
    .then((geo) => echarts.registerMap('vn-provinces', geo));
  return mapReady;
}

export type KpiChartKind =
  | { kind: 'trajectory'; category: string; value: string; target: string }
  | { kind: 'map'; code: string; name: string; value: string };

interface Props {
  data: Dataset;
  spec: KpiChartKind;
  lang: Lang;
  height: number;
  label: string;
}

export default function KpiEChart({ data, spec, lang, height, label }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState(spec.kind !== 'map');
  useEffect(() => {
    if (spec.kind === 'map') void loadMap().then(() => setMap(true));
  }, [spec.kind]);
  useEffect(() => {
    const el = ref.current;
    if (!el || !map) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    const fmt = (v: unknown) =>
      typeof v === 'number' ? formatCell(lang, { key: '', label: '', kind: 'percent' }, v) : '—';
    const textStyle = { fontFamily: "'Segoe UI', 'Noto Sans', Roboto, Arial, sans-serif" };
    if (spec.kind === 'trajectory') {
      const label = (key: string) => data.columns.find((c) => c.key === key)?.label ?? key;
      chart.setOption({
        animation: false,
        textStyle,
        color: ['#1f3a5f', '#b45309'],
        tooltip: { trigger: 'axis', valueFormatter: fmt },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        xAxis: {
          type: 'category',
          data: data.rows.map((r) => r[spec.category]),
          axisLabel: { hideOverlap: true },
        },
        yAxis: { type: 'value', max: 100, axisLabel: { formatter: fmt } },
        series: [
          {
            type: 'line',
            name: label(spec.value),
            data: data.rows.map((r) => r[spec.value] ?? null),
            connectNulls: false,
          },
          {
            type: 'line',
            name: label(spec.target),
            data: data.rows.map((r) => r[spec.target] ?? null),
            lineStyle: { type: 'dashed' },
            showSymbol: false,
          },
        ],
      });
    } else {
      const values = data.rows.map((r) => r[spec.value]).filter((v): v is number => typeof v === 'number');
      chart.setOption({
        animation: false,
        textStyle,
        tooltip: {
          trigger: 'item',
          formatter: (p: { name: string; value: unknown; data?: { label?: string } }) =>
            `${p.data?.label ?? p.name}: ${fmt(p.value)}`,
        },
        visualMap: {
          min: values.length ? Math.floor(Math.min(...values)) : 0,
          max: values.length ? Math.ceil(Math.max(...values)) : 100,
          calculable: false,
          text: [
            fmt(values.length ? Math.ceil(Math.max(...values)) : 100),
            fmt(values.length ? Math.floor(Math.min(...values)) : 0),
          ],
          orient: 'vertical',
          left: 0,
          bottom: 8,
          itemHeight: 100,
          inRange: { color: ['#fde2e1', '#f6c177', '#8fc4a4', '#1e6b3a'] },
          formatter: (v: number) => fmt(v),
        },
        series: [
          {
            type: 'map',
            map: 'vn-provinces',
            nameProperty: 'code',
            roam: false,
            aspectScale: 1,
            layoutCenter: ['55%', '50%'],
            layoutSize: '95%',
            label: { show: false },
            // a grey outline keeps the smallest islands (Hoàng Sa, Trường Sa) visible at national scale
            itemStyle: { borderColor: '#64748b', borderWidth: 0.5, areaColor: '#e5e7eb' },
            emphasis: { label: { show: false }, itemStyle: { areaColor: '#1f3a5f' } },
            data: data.rows.map((r) => ({ name: r[spec.code], value: r[spec.value], label: r[spec.name] })),
          },
        ],
      });
    }
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [data, spec, lang, map]);
  return (
    <div ref={ref} className="echart" style={{ height }} role="img" aria-label={label} aria-busy={!map} />
  );
}
