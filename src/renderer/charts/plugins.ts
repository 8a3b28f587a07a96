import type { Chart, ChartType, Plugin, Scale } from 'chart.js';

/** Text drawn at the end of (or inside) each bar, and a 95% interval drawn as a whisker. */
export interface BarMarksOptions {
  /** Per dataset, per bar: the text to draw, or null. */
  readonly labels?: ReadonlyArray<ReadonlyArray<string | null> | null>;
  /** Per dataset, per bar: the interval in axis units, or null. */
  readonly intervals?: ReadonlyArray<ReadonlyArray<readonly [number, number] | null> | null>;
  /** Per dataset: beyond the bar's end (default) or centred inside it (stacked segments). */
  readonly placement?: ReadonlyArray<'end' | 'inside'>;
  readonly color: string;
  /** Text inside dark segments. */
  readonly insideColor: string;
  readonly font: string;
  readonly size: number;
  readonly whiskerColor: string;
}

/** A horizontal (or, on a horizontal bar chart, vertical) line or band at fixed values of the value axis. */
export interface Reference {
  readonly value: number;
  /** With `to`, a band from `value` to `to`. */
  readonly to?: number;
  readonly label: string;
  readonly color: string;
  readonly dash?: readonly number[];
}

export interface ReferencesOptions {
  readonly items: readonly Reference[];
  readonly font: string;
  readonly size: number;
  readonly background: string;
}

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- declaration merging must repeat chart.js's type parameter
  interface PluginOptionsByType<TType extends ChartType> {
    frBarMarks?: BarMarksOptions;
    frReferences?: ReferencesOptions;
  }
}

function valueScale(chart: Chart): { scale: Scale; horizontal: boolean } | null {
  const horizontal = chart.options.indexAxis === 'y';
  const scale = chart.scales[horizontal ? 'x' : 'y'];
  return scale ? { scale, horizontal } : null;
}

interface ElementBox {
  readonly x: number;
  readonly y: number;
  readonly base: number;
  readonly width: number;
  readonly height: number;
}

function box(element: { getProps: (props: string[], final?: boolean) => Record<string, unknown> }): ElementBox {
  const p = element.getProps(['x', 'y', 'base', 'width', 'height'], true);
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  return { x: n(p.x), y: n(p.y), base: n(p.base), width: n(p.width), height: n(p.height) };
}

/**
 * Numbers on bars and interval whiskers in one plugin, so a number is placed beyond its whisker
 * instead of on top of it. Written for this app (no plugin dependency): whiskers are drawn with
 * caps, numbers in bold at the size a projector needs.
 */
export const barMarksPlugin: Plugin<ChartType, BarMarksOptions> = {
  id: 'frBarMarks',
  afterDatasetsDraw(chart, _args, options) {
    const axis = valueScale(chart);
    if (!axis || (!options.labels && !options.intervals)) return;
    const { scale, horizontal } = axis;
    const ctx = chart.ctx;
    ctx.save();
    chart.data.datasets.forEach((_dataset, di) => {
      const meta = chart.getDatasetMeta(di);
      if (meta.hidden) return;
      meta.data.forEach((element, i) => {
        const b = box(element);
        const interval = options.intervals?.[di]?.[i] ?? null;
        let far = horizontal ? Math.max(b.x, b.base) : Math.min(b.y, b.base);
        if (interval) {
          const lo = scale.getPixelForValue(interval[0]);
          const hi = scale.getPixelForValue(interval[1]);
          const across = horizontal ? b.y : b.x;
          const thickness = horizontal ? b.height : b.width;
          const cap = Math.max(4, Math.min(10, (thickness || 16) * 0.3));
          ctx.strokeStyle = options.whiskerColor;
          ctx.lineWidth = 2;
          ctx.beginPath();
          if (horizontal) {
            ctx.moveTo(lo, across);
            ctx.lineTo(hi, across);
            ctx.moveTo(lo, across - cap);
            ctx.lineTo(lo, across + cap);
            ctx.moveTo(hi, across - cap);
            ctx.lineTo(hi, across + cap);
          } else {
            ctx.moveTo(across, lo);
            ctx.lineTo(across, hi);
            ctx.moveTo(across - cap, lo);
            ctx.lineTo(across + cap, lo);
            ctx.moveTo(across - cap, hi);
            ctx.lineTo(across + cap, hi);
          }
          ctx.stroke();
          far = horizontal ? Math.max(far, lo, hi) : Math.min(far, lo, hi);
        }
        const text = options.labels?.[di]?.[i] ?? null;
        if (!text) return;
        const inside = options.placement?.[di] === 'inside';
        ctx.font = `600 ${options.size}px ${options.font}`;
        if (inside) {
          const width = ctx.measureText(text).width;
          const room = horizontal ? Math.abs(b.x - b.base) : Math.abs(b.base - b.y);
          const need = horizontal ? width + 6 : options.size + 4;
          if (room < need) return;
          ctx.fillStyle = options.insideColor;
          ctx.textAlign = 'center';
          ctx.textBaseline = 'middle';
          ctx.fillText(text, horizontal ? (b.x + b.base) / 2 : b.x, horizontal ? b.y : (b.y + b.base) / 2);
          return;
        }
        ctx.fillStyle = options.color;
        if (horizontal) {
          ctx.textAlign = 'left';
          ctx.textBaseline = 'middle';
          ctx.fillText(text, far + 6, b.y);
        } else {
          ctx.textAlign = 'center';
          ctx.textBaseline = 'bottom';
          ctx.fillText(text, b.x, far - 4);
        }
      });
    });
    ctx.restore();
  },
};

/**
 * Target lines, benchmark lines and target bands across the plot. Labels sit at the end of their
 * line and are nudged apart when two lines are close (a 50% target on a 50% benchmark).
 */
export const referencesPlugin: Plugin<ChartType, ReferencesOptions> = {
  id: 'frReferences',
  beforeDatasetsDraw(chart, _args, options) {
    const axis = valueScale(chart);
    if (!axis) return;
    const { scale, horizontal } = axis;
    const area = chart.chartArea;
    const ctx = chart.ctx;
    ctx.save();
    for (const item of options.items) {
      if (item.to === undefined) continue;
      const a = scale.getPixelForValue(item.value);
      const b = scale.getPixelForValue(item.to);
      ctx.fillStyle = item.color;
      if (horizontal) ctx.fillRect(Math.min(a, b), area.top, Math.abs(b - a), area.bottom - area.top);
      else
        ctx.fillRect(
          area.left,
          Math.max(area.top, Math.min(a, b)),
          area.right - area.left,
          Math.min(Math.abs(b - a), area.bottom - area.top),
        );
    }
    ctx.restore();
  },
  afterDatasetsDraw(chart, _args, options) {
    const axis = valueScale(chart);
    if (!axis || options.items.length === 0) return;
    const { scale, horizontal } = axis;
    const area = chart.chartArea;
    const ctx = chart.ctx;
    ctx.save();
    ctx.font = `500 ${options.size}px ${options.font}`;
    const placed: number[] = [];
    const lines = options.items
      .filter((item) => item.to === undefined)
      .map((item) => ({ item, at: scale.getPixelForValue(item.value) }))
      .sort((p, q) => (horizontal ? p.at - q.at : q.at - p.at));
    for (const { item, at } of lines) {
      if (at < (horizontal ? area.left : area.top) - 1 || at > (horizontal ? area.right : area.bottom) + 1) continue;
      ctx.strokeStyle = item.color;
      ctx.lineWidth = 2;
      ctx.setLineDash([...(item.dash ?? [])]);
      ctx.beginPath();
      if (horizontal) {
        ctx.moveTo(at, area.top);
        ctx.lineTo(at, area.bottom);
      } else {
        ctx.moveTo(area.left, at);
        ctx.lineTo(area.right, at);
      }
      ctx.stroke();
      ctx.setLineDash([]);
      // Vertical value axis: the label sits above its line at the right edge, nudged up when it
      // would overlap the previous one. Horizontal: beside the line at the top, nudged down.
      const height = options.size + 6;
      const width = ctx.measureText(item.label).width + 8;
      let x: number;
      let y: number;
      if (horizontal) {
        // Above the plot (the layout keeps a strip there), one row per line, left edge at the line.
        x = Math.min(at - 2, chart.width - width);
        y = area.top - (placed.length + 1) * height;
        placed.push(x);
      } else {
        // In the gutter right of the plot (kept by the layout), nudged up when labels would overlap.
        x = area.right + 4;
        y = at - height / 2;
        for (const p of placed) if (Math.abs(p - y) < height) y = p - height;
        y = Math.max(0, y);
        placed.push(y);
      }
      ctx.fillStyle = options.background;
      ctx.globalAlpha = 0.85;
      ctx.fillRect(x, y, width, height);
      ctx.globalAlpha = 1;
      ctx.fillStyle = item.color;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'top';
      ctx.fillText(item.label, x + 4, y + 3);
    }
    ctx.restore();
  },
};
