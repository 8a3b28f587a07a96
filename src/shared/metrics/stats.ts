/**
 * The statistics every rate carries (DESIGN.md "Metrics"): a 95% Wilson interval, a small-sample
 * flag and, for changes between periods, a two-sided two-proportion z-test.
 */

/** Samples under this size are marked small. */
export const SMALL_SAMPLE = 30;
/** A change is significant below this p-value. */
export const SIGNIFICANCE = 0.05;
const Z95 = 1.959963984540054;

export interface Proportion {
  readonly numerator: number;
  readonly denominator: number;
  /** null when the denominator is 0. */
  readonly rate: number | null;
  readonly ci_low: number | null;
  readonly ci_high: number | null;
  readonly small: boolean;
}

/** Wilson score interval for k successes in n trials. */
export function wilson(k: number, n: number, z = Z95): { low: number; high: number } | null {
  if (n <= 0) return null;
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export function proportion(numerator: number, denominator: number): Proportion {
  const ci = wilson(numerator, denominator);
  return {
    numerator,
    denominator,
    rate: denominator > 0 ? numerator / denominator : null,
    ci_low: ci?.low ?? null,
    ci_high: ci?.high ?? null,
    small: denominator < SMALL_SAMPLE,
  };
}

/** Complementary error function (Numerical Recipes' erfcc; fractional error below 1.2e-7). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Standard normal cumulative distribution. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

export interface ProportionChange {
  /** The other period's rate, and this rate minus it. */
  readonly rate: number | null;
  readonly diff: number | null;
  readonly p_value: number | null;
  readonly significant: boolean;
}

/**
 * Two-sided pooled two-proportion z-test of k1/n1 against k2/n2. No test (p null, not
 * significant) when either sample is empty; identical all-or-nothing samples give p = 1.
 */
export function twoProportionTest(k1: number, n1: number, k2: number, n2: number): { z: number; p: number } | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const pooled = (k1 + k2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return { z: 0, p: 1 };
  const z = (k1 / n1 - k2 / n2) / se;
  return { z, p: Math.min(1, 2 * (1 - normalCdf(Math.abs(z)))) };
}

/** How `current` compares with `other` (a previous or year-earlier period). */
export function compare(
  current: { numerator: number; denominator: number },
  other: { numerator: number; denominator: number } | null,
): ProportionChange | null {
  if (!other) return null;
  const rate = other.denominator > 0 ? other.numerator / other.denominator : null;
  const mine = current.denominator > 0 ? current.numerator / current.denominator : null;
  const test = twoProportionTest(current.numerator, current.denominator, other.numerator, other.denominator);
  return {
    rate,
    diff: rate !== null && mine !== null ? mine - rate : null,
    p_value: test?.p ?? null,
    significant: test !== null && test.p < SIGNIFICANCE,
  };
}

/** Quantile with linear interpolation between order statistics (SQLite percentile_cont, DuckDB quantile_cont). */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Milliseconds to days with one decimal, as every duration is shown (DESIGN.md "Durations"). */
export function days1(ms: number | null): number | null {
  return ms === null ? null : Math.round(ms / 8_640_000) / 10;
}

/** Milliseconds to hours with one decimal. */
export function hours1(ms: number | null): number | null {
  return ms === null ? null : Math.round(ms / 360_000) / 10;
}
