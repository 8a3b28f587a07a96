import type { ChartConfiguration, ChartDataset, ChartType, TooltipItem } from 'chart.js';
import type { Reference } from './plugins';
import type { ChartTheme } from './theme';
import { withAlpha } from './palette';

/** One set of bars (or a line) of a chart, with what to draw on it. */
export interface Series {
  readonly label: string;
  readonly values: ReadonlyArray<number | null>;
  /** Floating bars ([from, to] per category), e.g. a waterfall's steps; `values` then give the labels' order only. */
  readonly ranges?: ReadonlyArray<readonly [number, number] | null>;
  readonly color: string | readonly string[];
  /** 95% intervals in axis units, drawn as whiskers. */
  readonly intervals?: ReadonlyArray<readonly [number, number] | null>;
  /** Text drawn on each bar (the formatted value, "4/13"...). */
  readonly labels?: ReadonlyArray<string | null>;
  readonly placement?: 'end' | 'inside';
  readonly stack?: string;
  /** An earlier period for comparison: drawn pale. */
  readonly faded?: boolean;
  /** Per bar: drawn as an outline with a light fill (a rate on fewer than 30 leads), readable in both themes. */
  readonly outline?: ReadonlyArray<boolean>;
  readonly kind?: 'bar' | 'line';
  /** On the secondary value axis (a Pareto chart's cumulative share). */
  readonly secondary?: boolean;
}

export interface ValueAxis {
  readonly tick: (value: number) => string;
  readonly min?: number;
  readonly max?: number;
  readonly title?: string;
  /** Whole numbers only (counts). */
  readonly integer?: boolean;
  /** Distance between ticks (10% steps on a percent axis). */
  readonly step?: number;
}

export interface ChartSpec {
  readonly type: 'bar' | 'line';
  readonly categories: ReadonlyArray<string | readonly string[]>;
  readonly series: readonly Series[];
  readonly horizontal?: boolean;
  readonly stacked?: boolean;
  readonly value: ValueAxis;
  readonly secondary?: ValueAxis;
  readonly references?: readonly Reference[];
  readonly legend?: boolean;
  /** A run of periods (weeks): labels stay level and some are skipped when they do not fit. */
  readonly periodAxis?: boolean;
}

export type BuiltChart = ChartConfiguration<ChartType, Array<number | [number, number] | null>, string | string[]>;

/** A percent axis maximum: the largest share drawn plus headroom, up to the next 10% (5% for small rates), at most 100%. */
export function percentMax(values: ReadonlyArray<number | null | undefined>): { max: number; step: number } {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const top = Math.max(0.05, ...finite) * 1.08;
  const step = top > 0.3 ? 0.1 : 0.05;
  // Rounded to whole percents: 0.7, not 0.7000000000000001.
  return { max: Math.min(1, Math.round(Math.ceil(top / step - 1e-9) * step * 100) / 100), step };
}

/** Rough width of a text in px: enough to keep room for labels drawn outside the plot. */
export function textWidth(text: string, size: number): number {
  let units = 0;
  // CJK characters are about twice as wide as Latin ones.
  for (const ch of text) units += /[\u2E80-\uFFFF]/.test(ch) ? 1.05 : 0.6;
  return Math.ceil(units * size);
}

/** An axis maximum a little above the largest thing drawn (bars, whisker ends, reference lines), capped. */
export function niceMax(
  values: ReadonlyArray<number | null | undefined>,
  cap = Infinity,
  headroom = 1.12,
): number | undefined {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (finite.length === 0) return undefined;
  const top = Math.max(...finite) * headroom;
  if (top <= 0) return Math.min(cap, 1);
  const step = 10 ** Math.floor(Math.log10(top)) / 2;
  return Math.min(cap, Math.ceil(top / step) * step);
}

function colorOf(series: Series): string | string[] {
  const c = series.color;
  const fade = (x: string) => (series.faded ? withAlpha(x, 0.38) : x);
  return typeof c === 'string' ? fade(c) : c.map(fade);
}

function dataset(series: Series): ChartDataset<ChartType, Array<number | [number, number] | null>> {
  const data = series.ranges
    ? series.ranges.map((r) => (r ? ([r[0], r[1]] satisfies [number, number]) : null))
    : [...series.values];
  const color = colorOf(series);
  if (series.kind === 'line') {
    return {
      type: 'line',
      label: series.label,
      data,
      borderColor: color,
      backgroundColor: color,
      borderWidth: 3,
      pointRadius: 5,
      pointHoverRadius: 7,
      tension: 0,
      spanGaps: false,
      ...(series.secondary ? { yAxisID: 'y2' } : {}),
      order: 0,
    };
  }
  return {
    type: 'bar',
    label: series.label,
    data,
    backgroundColor:
      series.outline && Array.isArray(color)
        ? color.map((c, i) => (series.outline?.[i] ? withAlpha(c, 0.22) : c))
        : color,
    borderColor: color,
    borderWidth: series.outline ? series.outline.map((o) => (o ? 2 : 0)) : 0,
    borderRadius: 3,
    borderSkipped: false,
    maxBarThickness: 56,
    ...(series.stack ? { stack: series.stack } : {}),
    order: 1,
  };
}

function scale(
  axis: ValueAxis,
  theme: ChartTheme,
  extra: { stacked?: boolean; position?: 'left' | 'right'; grid?: boolean },
): Record<string, unknown> {
  return {
    type: 'linear',
    ...(axis.min !== undefined ? { min: axis.min } : { beginAtZero: true }),
    ...(axis.max !== undefined ? { max: axis.max } : {}),
    ...(extra.stacked ? { stacked: true } : {}),
    ...(extra.position ? { position: extra.position } : {}),
    ticks: {
      color: theme.muted,
      font: { size: theme.size, family: theme.font },
      callback: (value: number | string) => axis.tick(Number(value)),
      ...(axis.integer ? { precision: 0 } : {}),
      ...(axis.step ? { stepSize: axis.step } : {}),
    },
    grid: { color: theme.grid, display: extra.grid !== false },
    border: { display: false },
    title: axis.title
      ? { display: true, text: axis.title, color: theme.muted, font: { size: theme.size, family: theme.font } }
      : { display: false },
  };
}

/**
 * A complete chart.js configuration from a description of what to show. Pure (no DOM), so the
 * choices a reader depends on (axes, colours, whiskers, labels, reference lines) are unit tested.
 */
export function buildChart(spec: ChartSpec, theme: ChartTheme): BuiltChart {
  const horizontal = spec.horizontal === true;
  const valueAxisId = horizontal ? 'x' : 'y';
  const categoryAxisId = horizontal ? 'y' : 'x';
  const format = (item: TooltipItem<ChartType>): string => {
    const series = spec.series[item.datasetIndex];
    const label = series?.labels?.[item.dataIndex];
    if (label) return `${series.label}: ${label}`;
    const raw = series?.ranges?.[item.dataIndex];
    const value = raw ? raw[1] - raw[0] : series?.values[item.dataIndex];
    const axis = series?.secondary && spec.secondary ? spec.secondary : spec.value;
    return `${series?.label ?? ''}: ${value === null || value === undefined ? '—' : axis.tick(value)}`;
  };
  const scales: Record<string, unknown> = {
    [categoryAxisId]: {
      type: 'category',
      ...(spec.stacked ? { stacked: true } : {}),
      ticks: {
        color: theme.text,
        font: { size: theme.size, family: theme.font },
        ...(spec.periodAxis ? { autoSkip: true, maxRotation: 0, autoSkipPadding: 8 } : { autoSkip: false }),
      },
      grid: { display: false },
      border: { color: theme.grid },
    },
    [valueAxisId]: scale(spec.value, theme, { stacked: spec.stacked === true }),
  };
  if (spec.secondary) scales.y2 = scale(spec.secondary, theme, { position: 'right', grid: false });
  const anyLabels = spec.series.some((s) => s.labels && !s.secondary);
  // Numbers beyond the ends of horizontal bars, and reference-line labels, are drawn outside the
  // plot area: the layout keeps room for the longest of them.
  const longestValue = Math.max(
    0,
    ...spec.series.flatMap((s) =>
      s.placement === 'inside' ? [] : (s.labels ?? []).map((l) => (l ? textWidth(l, theme.valueSize) : 0)),
    ),
  );
  const lines = (spec.references ?? []).filter((r) => r.to === undefined && r.label !== '');
  const longestReference = Math.max(0, ...lines.map((r) => textWidth(r.label, theme.size) + 14));
  const padding = horizontal
    ? { right: anyLabels ? longestValue + 14 : 8, top: lines.length > 0 ? lines.length * (theme.size + 6) + 4 : 4 }
    : { top: anyLabels ? theme.valueSize + 12 : 8, right: Math.max(spec.secondary ? 0 : 8, longestReference) };
  return {
    type: spec.type,
    data: {
      labels: spec.categories.map((c) => (typeof c === 'string' ? c : [...c])),
      datasets: spec.series.map(dataset),
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      // Room for the numbers drawn beyond the bars' ends.
      layout: { padding },
      scales,
      interaction: { mode: 'nearest', intersect: true },
      plugins: {
        legend: {
          display: spec.legend === true,
          position: 'bottom',
          labels: {
            color: theme.text,
            font: { size: theme.size, family: theme.font },
            boxWidth: 14,
            boxHeight: 14,
            padding: 14,
          },
        },
        tooltip: {
          callbacks: { label: format },
          titleFont: { size: theme.size, family: theme.font },
          bodyFont: { size: theme.size, family: theme.font },
        },
        frBarMarks: {
          labels: spec.series.map((s) => (s.labels ? [...s.labels] : null)),
          intervals: spec.series.map((s) => (s.intervals ? [...s.intervals] : null)),
          placement: spec.series.map((s) => s.placement ?? 'end'),
          color: theme.text,
          insideColor: '#ffffff',
          font: theme.font,
          size: theme.valueSize,
          whiskerColor: theme.text,
        },
        frReferences: {
          items: [...(spec.references ?? [])],
          font: theme.font,
          size: theme.size,
          background: theme.surface,
        },
      },
    },
    // chart.js types each scale by its id's chart type; ours are built per orientation at run time.
  } as BuiltChart;
}
