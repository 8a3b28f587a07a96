import { describe, expect, it } from 'vitest';
import { buildChart, niceMax, percentMax, textWidth } from '../../../src/renderer/charts/builders';
import {
  conversionSpec,
  followupSpec,
  paretoSpec,
  trendReferences,
  trendSpec,
  waterfallFloor,
  waterfallSpec,
  waterfallSteps,
  type ChartText,
} from '../../../src/renderer/charts/figure-specs';
import {
  CATEGORY_COLORS,
  OKABE_ITO,
  OTHER_COLOR,
  assignColors,
  categoryColor,
  stageColor,
  withAlpha,
} from '../../../src/renderer/charts/palette';
import { LIGHT_CHART_THEME } from '../../../src/renderer/charts/theme';
import { DEFAULT_STAGES } from '../../../src/shared/domain/defaults';
import { proportion } from '../../../src/shared/metrics/stats';
import type { ConversionFigure, WaterfallRow } from '../../../src/shared/metrics/types';

const stages = DEFAULT_STAGES.map((s, i) => ({ key: s.key, kind: s.kind, position: i + 1 }));
const text: ChartText = {
  stage: (k) => k.toUpperCase(),
  percent: (v) => `${Math.round(v * 100)}%`,
  count: (n) => String(n),
  days: (d) => d.toFixed(1),
  t: (key, params) => `${key}${params ? JSON.stringify(params) : ''}`,
};

function conversion(from: string, to: string, n: number, d: number): ConversionFigure {
  return { ...proportion(n, d), from, to, within_days: null, open: 0, open_share: 0 };
}

describe('colours', () => {
  it('gives each stage one colour whatever set of stages a chart shows', () => {
    const all = stages.map((s) => stageColor(s.key, stages));
    expect(new Set(all.filter((_c, i) => stages[i]!.kind === 'funnel')).size).toBe(5);
    expect(stageColor('won', stages)).toBe(OKABE_ITO.bluishGreen);
    expect(stageColor('lost', stages)).toBe(OKABE_ITO.vermillion);
    expect(stageColor('recycled', stages)).toBe(OKABE_ITO.orange);
    expect(stageColor('nowhere', stages)).toBe(OTHER_COLOR);
    // The ramp goes from light to dark in funnel order.
    const lum = (hex: string) =>
      parseInt(hex.slice(1, 3), 16) + parseInt(hex.slice(3, 5), 16) + parseInt(hex.slice(5, 7), 16);
    const funnel = stages.filter((s) => s.kind === 'funnel').map((s) => lum(stageColor(s.key, stages)));
    expect([...funnel].sort((a, b) => b - a)).toEqual(funnel);
  });

  it('assigns sources by their order of weight, the rest grey, so a filtered chart keeps them', () => {
    const order = ['Web form', 'Paid search', 'Webinar', 'Outbound', 'Referral', 'Events', 'Partners', 'Fairs'];
    const colors = assignColors(order);
    expect(categoryColor(colors, 'Web form')).toBe(CATEGORY_COLORS[0]);
    expect(categoryColor(colors, 'Partners')).toBe(CATEGORY_COLORS[6]);
    expect(categoryColor(colors, 'Fairs')).toBe(OTHER_COLOR);
    expect(categoryColor(colors, null)).toBe(OTHER_COLOR);
    expect(new Set(CATEGORY_COLORS).size).toBe(CATEGORY_COLORS.length);
    expect(withAlpha('#0072B2', 0.5)).toBe('rgba(0, 114, 178, 0.5)');
  });
});

describe('axes', () => {
  it('rounds a percent axis up to the next 10% (5% for small rates), never past 100%', () => {
    expect(percentMax([0.31, 0.576])).toEqual({ max: 0.7, step: 0.1 });
    expect(percentMax([0.036, 0.088])).toEqual({ max: 0.1, step: 0.05 });
    expect(percentMax([0.99, 1])).toEqual({ max: 1, step: 0.1 });
    expect(percentMax([])).toEqual({ max: 0.1, step: 0.05 });
    expect(niceMax([12, 28, 21])).toBe(35);
    expect(niceMax([null, undefined])).toBeUndefined();
    expect(textWidth('销售', 10)).toBeGreaterThan(textWidth('ab', 10));
  });
});

describe('chart configurations', () => {
  it('draws conversions as bars with whiskers, numbers and pale small samples', () => {
    const rows = [conversion('mql', 'sal', 40, 100), conversion('sal', 'sql', 1, 9)];
    const spec = conversionSpec(rows, stages, text);
    expect(spec.categories[1]).toEqual(['SAL → SQL', '1/9']);
    const config = buildChart(spec, LIGHT_CHART_THEME);
    const marks = config.options?.plugins?.frBarMarks;
    expect(marks?.labels?.[0]).toEqual(['40%', '11%']);
    expect(marks?.intervals?.[0]?.[0]?.[0]).toBeCloseTo(rows[0]!.ci_low!, 12);
    // Small samples (1/9) are outlined with a light fill, the others solid.
    const dataset = config.data.datasets[0]!;
    expect(dataset.backgroundColor).toEqual([stageColor('sal', stages), expect.stringMatching(/^rgba\(.*0\.22\)$/)]);
    expect(dataset.borderWidth).toEqual([0, 2]);
    expect(dataset.borderColor).toEqual([stageColor('sal', stages), stageColor('sql', stages)]);
    expect(config.options?.indexAxis).toBe('x');
    // Room above the bars for their numbers.
    expect(config.options?.layout?.padding).toMatchObject({ top: LIGHT_CHART_THEME.valueSize + 12 });
  });

  it('puts the target band and the benchmark lines on a trend, with room for their labels', () => {
    const refs = trendReferences({ target: 0.5, average: 1 / 3, best: 0.5 }, text);
    expect(refs.map((r) => [r.value, r.to])).toEqual([
      [0.5, 1],
      [0.5, undefined],
      [1 / 3, undefined],
      [0.5, undefined],
    ]);
    const spec = trendSpec(
      ['W1', 'W2'],
      [conversion('mql', 'sal', 3, 10), null],
      'MQL → SAL',
      { target: 0.5, average: 1 / 3, best: 0.5 },
      text,
    );
    expect(spec.series[0]!.values).toEqual([0.3, null]);
    const config = buildChart(spec, LIGHT_CHART_THEME);
    expect(config.options?.plugins?.frReferences?.items).toHaveLength(4);
    const padding = config.options?.layout?.padding as { right: number };
    expect(padding.right).toBeGreaterThanOrEqual(
      textWidth(text.t('charts.target', { value: '50%' }), LIGHT_CHART_THEME.size),
    );
    expect(trendSpec(['W1'], [null], '', { target: null, average: 0.2, best: 1 / 3 }, text).references).toHaveLength(2);
  });

  it('accounts for every movement of a waterfall and starts the axis near the levels when steps are small', () => {
    const row: WaterfallRow = {
      stage: 'mql',
      start: 98,
      end: 98,
      in_new: 1,
      in_advanced: 11,
      in_moved_back: 0,
      in_returned: 1,
      in_reopened: 0,
      out_advanced: 9,
      out_moved_back: 0,
      out_recycled: 2,
      out_won: 0,
      out_lost: 0,
      out_disqualified: 2,
      stalled_start: 91,
      stalled_end: 92,
    };
    const steps = waterfallSteps(row);
    expect(steps.map((s) => s.step)).toEqual([
      'start',
      'in_new',
      'in_advanced',
      'in_returned',
      'out_advanced',
      'out_recycled',
      'out_disqualified',
      'end',
    ]);
    expect(steps.at(-2)!.to).toBe(row.end);
    const floor = waterfallFloor(steps);
    expect(floor).toBeGreaterThan(0);
    expect(floor).toBeLessThan(98 - 11);
    const spec = waterfallSpec(row, stages, text);
    expect(spec.value.min).toBe(floor);
    expect(spec.series[0]!.labels).toEqual(['98', '+1', '+11', '+1', '−9', '−2', '−2', '98']);
    expect(
      waterfallFloor(
        waterfallSteps({
          ...row,
          start: 5,
          end: 5,
          in_new: 4,
          in_advanced: 0,
          in_returned: 0,
          out_advanced: 4,
          out_recycled: 0,
          out_disqualified: 0,
        }),
      ),
    ).toBe(0);
  });

  it('stacks follow-up per owner and builds a Pareto with its cumulative line on a second axis', () => {
    const owners = [
      {
        owner: 'Ana',
        handed_over: 6,
        met: 4,
        breached: 1,
        pending: 1,
        rate: 0.8,
        ci_low: 0.3,
        ci_high: 0.9,
        small: true,
      },
    ];
    const stacked = buildChart(followupSpec(owners, ['Ana'], text), LIGHT_CHART_THEME);
    expect(stacked.options?.indexAxis).toBe('y');
    expect(stacked.data.datasets.map((d) => d.data)).toEqual([[4], [1], [1]]);
    expect(stacked.options?.plugins?.frBarMarks?.placement).toEqual(['inside', 'inside', 'inside']);
    const pareto = paretoSpec(
      [
        { label: 'Price', count: 3, color: '#000000' },
        { label: 'Timing', count: 1, color: '#111111' },
      ],
      4,
      text,
    );
    expect(pareto.series[1]!.values).toEqual([0.75, 1]);
    expect(pareto.series[0]!.labels).toEqual(['3 · 75%', '1 · 25%']);
    const config = buildChart(pareto, LIGHT_CHART_THEME);
    expect((config.data.datasets[1] as { yAxisID?: string }).yAxisID).toBe('y2');
  });
});
