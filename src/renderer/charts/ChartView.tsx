import { useMemo, useRef } from 'react';
import type { ChartEvent, ChartType } from 'chart.js';
import { Chart } from 'react-chartjs-2';
import type { Chart as ChartInstance } from 'chart.js';
import { buildChart, type ChartSpec } from './builders';
import { registerCharts } from './register';
import { useChartTheme } from './theme';

registerCharts();

export interface ChartPoint {
  readonly series: number;
  readonly index: number;
}

export interface ChartViewProps {
  readonly spec: ChartSpec;
  /** What the chart shows, for screen readers (the figures are also in the tables beside it). */
  readonly label: string;
  readonly height: number;
  /** A bar (or point) was clicked: drill down into it. */
  readonly onSelect?: (point: ChartPoint) => void;
}

/** A chart from a spec, in the current theme; clicking a bar calls `onSelect`. */
export function ChartView({ spec, label, height, onSelect }: ChartViewProps) {
  const theme = useChartTheme();
  const ref = useRef<ChartInstance<ChartType> | undefined>(undefined);
  const config = useMemo(() => {
    const built = buildChart(spec, theme);
    if (!onSelect) return built;
    const options = {
      ...built.options,
      onClick: (event: ChartEvent) => {
        const chart = ref.current;
        const native = event.native;
        if (!chart || !native) return;
        const hit = chart.getElementsAtEventForMode(native, 'nearest', { intersect: true }, false)[0];
        if (hit) onSelect({ series: hit.datasetIndex, index: hit.index });
      },
      onHover: (event: ChartEvent, elements: readonly unknown[]) => {
        const target = event.native?.target;
        if (target instanceof HTMLElement) target.style.cursor = elements.length > 0 ? 'pointer' : 'default';
      },
    };
    return { ...built, options };
  }, [spec, theme, onSelect]);
  const presenterScale = theme.size > 13 ? 1.25 : 1;
  return (
    <div className="chart-box" style={{ height: Math.round(height * presenterScale) }}>
      <Chart ref={ref} type={config.type} data={config.data} options={config.options} role="img" aria-label={label} />
    </div>
  );
}
