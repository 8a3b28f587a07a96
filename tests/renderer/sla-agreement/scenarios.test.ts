import { describe, expect, it } from 'vitest';
import {
  benchmarkScenario,
  currentScenario,
  customScenario,
  measuredRate,
  stepKey,
} from '../../../src/shared/documents/scenarios';
import { BENCHMARKS } from '../../../src/shared/metrics/benchmarks';
import { rates, step } from './fixtures';

describe('planner scenarios', () => {
  it('plans current rates with their 95% intervals, and only rates someone actually converted at', () => {
    const s = currentScenario(rates());
    expect(s.missing).toEqual([]);
    expect(s.steps!.map((x) => [stepKey(x), x.rate])).toEqual([
      ['lead>mql', { value: 0.25, low: 0.2, high: 0.3 }],
      ['mql>sal', { value: 0.5, low: 0.45, high: 0.55 }],
      ['sal>sql', { value: 0.6, low: 0.55, high: 0.65 }],
      ['sql>won', { value: 0.2, low: 0.16, high: 0.25 }],
    ]);
    expect(measuredRate({ ...step('a', 'b', 0, 0, 0.1), numerator: 0 })).toBeNull();
    expect(measuredRate({ ...step('a', 'b', 0.5, 0, 0), rate: null, denominator: 0 })).toBeNull();
    const none = currentScenario(
      rates({
        steps: [
          step('lead', 'mql', 0.25, 0.2, 0.3),
          { ...step('mql', 'sal', 0, 0, 0.1), numerator: 0 },
          step('sal', 'sql', 0.6, 0.5, 0.7),
          step('sql', 'won', 0.2, 0.1, 0.3),
        ],
      }),
    );
    expect(none).toEqual({ id: 'current', steps: null, missing: ['mql>sal'] });
  });

  it('uses the DESIGN.md benchmark lines from the hand-off down, and the history above it', () => {
    for (const level of ['average', 'best'] as const) {
      const s = benchmarkScenario(rates(), level);
      expect(s.steps!.map((x) => [stepKey(x), x.rate.value])).toEqual([
        ['lead>mql', 0.25],
        ['mql>sql', BENCHMARKS.qualification[level]],
        ['sql>won', BENCHMARKS.close[level]],
      ]);
    }
    expect(BENCHMARKS.qualification.average).toBeCloseTo(1 / 3, 12);
    expect(BENCHMARKS.close.best).toBeCloseTo(1 / 3, 12);
  });

  it('has no benchmark plan for a funnel without MQL or SQL', () => {
    const noSql = rates({
      stages: [
        { key: 'lead', labels: { en: 'Lead' } },
        { key: 'mql', labels: { en: 'MQL' } },
        { key: 'won', labels: { en: 'Won' } },
      ],
      steps: [step('lead', 'mql', 0.25, 0.2, 0.3), step('mql', 'won', 0.1, 0.05, 0.15)],
    });
    expect(benchmarkScenario(noSql, 'average')).toEqual({ id: 'benchmark', steps: null, missing: ['mql>sql'] });
    const withoutSal = rates({
      stages: [
        { key: 'mql', labels: { en: 'MQL' } },
        { key: 'sql', labels: { en: 'SQL' } },
        { key: 'won', labels: { en: 'Won' } },
      ],
      steps: [step('mql', 'sql', 0.4, 0.3, 0.5), step('sql', 'won', 0.2, 0.1, 0.3)],
    });
    expect(benchmarkScenario(withoutSal, 'best').steps!.map(stepKey)).toEqual(['mql>sql', 'sql>won']);
  });

  it('takes custom rates in (0, 1] and names the steps left out', () => {
    const s = customScenario(rates(), { 'lead>mql': 0.3, 'mql>sal': 1, 'sal>sql': 0, 'sql>won': null });
    expect(s).toEqual({ id: 'custom', steps: null, missing: ['sal>sql', 'sql>won'] });
    const ok = customScenario(rates(), { 'lead>mql': 0.3, 'mql>sal': 1, 'sal>sql': 0.5, 'sql>won': 0.25 });
    expect(ok.steps!.map((x) => x.rate)).toEqual([{ value: 0.3 }, { value: 1 }, { value: 0.5 }, { value: 0.25 }]);
  });
});
