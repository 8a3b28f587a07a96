import { useEffect, useRef } from 'react';
import { Chart, type ChartConfiguration } from 'chart.js';
import { registerCharts } from '../../charts/register';

registerCharts();

/** Okabe–Ito blue and orange (distinguishable with common colour blindness) and a neutral grey. */
export const SERIES_COLORS = { baseline: '#0072B2', candidate: '#E69F00', actual: '#8C8C8C' } as const;

export interface Series {
  readonly label: string;
  readonly values: ReadonlyArray<number | null>;
  readonly color: string;
  readonly type: 'bar' | 'line';
  readonly dashed?: boolean;
}

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

/**
 * Weekly values of two versions side by side (bars or lines), with an optional reference line.
 * `format` writes axis ticks and tooltips in the user's language.
 */
export function PreviewChart({
  labels,
  series,
  format,
  max,
  title,
}: {
  labels: readonly string[];
  series: readonly Series[];
  format: (v: number) => string;
  max?: number;
  title: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const key = JSON.stringify({ labels, series, max });
  useEffect(() => {
    if (!canvas.current) return;
    const text = cssVar('--text-2');
    const grid = cssVar('--border');
    const config: ChartConfiguration<'bar' | 'line', Array<number | null>, string> = {
      type: 'bar',
      data: {
        labels: [...labels],
        datasets: series.map((s) => ({
          type: s.type,
          label: s.label,
          data: [...s.values],
          backgroundColor: s.type === 'bar' ? `${s.color}cc` : s.color,
          borderColor: s.color,
          borderWidth: s.type === 'line' ? 2 : 0,
          borderDash: s.dashed ? [5, 4] : [],
          pointRadius: s.type === 'line' ? 3 : 0,
          borderRadius: s.type === 'bar' ? 3 : 0,
          spanGaps: true,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          // The analysis charts register a reference-line plugin for every chart; it reads `items`, so say "none".
          frReferences: { items: [], font: '', size: 0, background: '' },
          legend: { position: 'bottom', labels: { color: text, boxWidth: 14, usePointStyle: true } },
          tooltip: {
            callbacks: {
              label: (item) => `${item.dataset.label ?? ''}: ${typeof item.raw === 'number' ? format(item.raw) : '—'}`,
            },
          },
        },
        scales: {
          x: { ticks: { color: text }, grid: { display: false } },
          y: {
            beginAtZero: true,
            ...(max !== undefined ? { max } : {}),
            ticks: { color: text, callback: (v) => format(Number(v)) },
            grid: { color: grid },
          },
        },
      },
    };
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
    // `key` stands for the data: the arrays are new objects on every render.
  }, [key, format]);
  return (
    <figure className="defs-chart">
      <figcaption className="defs-chart-title">{title}</figcaption>
      <div className="defs-chart-box">
        <canvas ref={canvas} role="img" aria-label={title} />
      </div>
    </figure>
  );
}
