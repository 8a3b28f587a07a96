import type { PlannerRates, PlannerStepRate } from '../../../src/shared/documents/types';

/** A step as the metrics engine reports it; the interval is given so hand computations can use it. */
export function step(
  from: string,
  to: string,
  rate: number,
  low: number,
  high: number,
  denominator = 1000,
): PlannerStepRate {
  return {
    from,
    to,
    numerator: Math.round(rate * denominator),
    denominator,
    rate,
    ci_low: low,
    ci_high: high,
    small: false,
    open: 0,
    open_share: 0,
  };
}

const label = (en: string) => ({ en });

/** Lead 25% -> MQL 50% -> SAL 60% -> SQL 20% -> won, deals averaging 12,000 (40 won in 181 days). */
export function rates(overrides: Partial<PlannerRates> = {}): PlannerRates {
  return {
    from: '2026-01-01',
    to: '2026-06-30',
    filters: {},
    asOf: Date.UTC(2026, 6, 1),
    stages: [
      { key: 'lead', labels: label('Lead') },
      { key: 'mql', labels: label('MQL') },
      { key: 'sal', labels: label('SAL') },
      { key: 'sql', labels: label('SQL') },
      { key: 'won', labels: label('Won') },
    ],
    steps: [
      step('lead', 'mql', 0.25, 0.2, 0.3),
      step('mql', 'sal', 0.5, 0.45, 0.55),
      step('sal', 'sql', 0.6, 0.55, 0.65),
      step('sql', 'won', 0.2, 0.16, 0.25),
    ],
    currency: 'EUR',
    averageDealSize: { amount: 12_000, deals: 40 },
    sla: { handoffStage: 'mql', weeklyVolumeTarget: 120, version: 3 },
    ...overrides,
  };
}
