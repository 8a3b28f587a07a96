import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/shared/i18n';
import { targetsRationale, withWeeklyTarget } from '../../../src/shared/documents/targets';
import { DEFAULT_SLA_TERMS } from '../../../src/shared/definitions/model';

const PLAN = {
  revenueGoal: 2_400_000,
  averageDealSize: 9_000,
  currency: 'BRL',
  stages: [
    { stage: 'mql', total: 1600, perWeek: 31, perMonth: 134 },
    { stage: 'won', total: 267, perWeek: 6, perMonth: 23 },
  ],
  rates: [{ from: 'mql', to: 'won', rate: 0.1669 }],
};

describe('"Use these targets"', () => {
  it('changes only the weekly volume target of the terms in force', () => {
    const current = {
      text: 'Agreed words.',
      terms: {
        ...DEFAULT_SLA_TERMS,
        followUpBusinessHours: 2,
        segmentOverrides: { Enterprise: { salRateTarget: 0.6 } },
      },
    };
    expect(withWeeklyTarget(current, 31, 'unused')).toEqual({
      text: 'Agreed words.',
      terms: { ...current.terms, weeklyVolumeTarget: 31 },
    });
    expect(withWeeklyTarget(null, 31, 'Default words.')).toEqual({
      text: 'Default words.',
      terms: { ...DEFAULT_SLA_TERMS, weeklyVolumeTarget: 31 },
    });
  });

  it('records the arithmetic in the workspace language', () => {
    const label = (k: string) => ({ mql: 'MQL', won: 'Ganho' })[k] ?? k;
    const text = targetsRationale(
      {
        plan: PLAN,
        scenario: 'benchmark',
        period: { from: '2027-01-01', to: '2027-12-31' },
        handoffStage: 'mql',
        weekly: 31,
        previous: 120,
        stageLabel: label,
      },
      createI18n('pt-BR').t,
      'pt-BR',
    );
    expect(text).toContain('R$');
    expect(text).toContain('2.400.000');
    expect(text).toContain('267');
    expect(text).toContain('31 MQL');
    expect(text).toContain('taxas de referência');
    expect(text).toContain('120');
    expect(text).toContain('MQL → Ganho 16,7%');
    expect(text).not.toMatch(/documents\./);
  });
});
