import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compare,
  days1,
  normalCdf,
  proportion,
  quantile,
  twoProportionTest,
  wilson,
} from '../../../src/shared/metrics/stats';

describe('statistics', () => {
  it('gives the textbook Wilson intervals', () => {
    // Newcombe (1998) and common references: 0/10, 5/10, 81/263.
    expect(wilson(0, 10)!.low).toBe(0);
    expect(wilson(0, 10)!.high).toBeCloseTo(0.2775, 4);
    expect(wilson(5, 10)!.low).toBeCloseTo(0.2366, 4);
    expect(wilson(5, 10)!.high).toBeCloseTo(0.7634, 4);
    expect(wilson(81, 263)!.low).toBeCloseTo(0.2553, 4);
    expect(wilson(81, 263)!.high).toBeCloseTo(0.3662, 4);
    expect(wilson(0, 0)).toBeNull();
  });

  it('marks small samples and keeps the rate inside its interval (property)', () => {
    expect(proportion(3, 29).small).toBe(true);
    expect(proportion(3, 30).small).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const k = Math.floor(f * n);
        const p = proportion(k, n);
        expect(p.ci_low!).toBeLessThanOrEqual(p.rate! + 1e-12);
        expect(p.ci_high!).toBeGreaterThanOrEqual(p.rate! - 1e-12);
        expect(p.ci_low!).toBeGreaterThanOrEqual(0);
        expect(p.ci_high!).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('computes the two-proportion z-test', () => {
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 6);
    // 45/100 vs 30/100: z = 2.1909, p = 0.0285.
    const t = twoProportionTest(45, 100, 30, 100)!;
    expect(t.z).toBeCloseTo(2.1909, 3);
    expect(t.p).toBeCloseTo(0.02846, 4);
    expect(twoProportionTest(5, 10, 0, 0)).toBeNull();
    expect(twoProportionTest(0, 10, 0, 20)!.p).toBe(1);
    expect(compare({ numerator: 45, denominator: 100 }, { numerator: 30, denominator: 100 })).toMatchObject({
      rate: 0.3,
      significant: true,
    });
    expect(compare({ numerator: 12, denominator: 40 }, { numerator: 10, denominator: 40 })!.significant).toBe(false);
    expect(compare({ numerator: 12, denominator: 40 }, null)).toBeNull();
  });

  it('interpolates quantiles like percentile_cont and rounds days to one decimal', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(quantile([7], 0.75)).toBe(7);
    expect(quantile([], 0.5)).toBeNull();
    expect(days1(36 * 3_600_000)).toBe(1.5);
    expect(days1(null)).toBeNull();
  });
});
