import { describe, expect, it } from 'vitest';
import { keyPairs, trendWeeks, trendPoint } from '../../../src/renderer/analysis/trend';
import { drillColumns, drillScopeOf, requestScope } from '../../../src/renderer/analysis/drill';
import { verdict, points, changeOf } from '../../../src/renderer/analysis/figures';
import { paretoRows, reasonChanges, reasonColors, reasonMatrix } from '../../../src/renderer/screens/win-loss/reasons';
import { availableColumns, loadColumns, normalize, toggleColumn } from '../../../src/renderer/screens/leads/columns';
import { OTHER_COLOR } from '../../../src/renderer/charts/palette';
import { DEFAULT_COLUMNS } from '../../../src/shared/leads/columns';
import { NO_REASON, type PeriodFigures, type Report } from '../../../src/shared/metrics/types';

const stages = [
  { key: 'lead', kind: 'funnel', position: 1, labels: { en: 'Lead' } },
  { key: 'mql', kind: 'funnel', position: 2, labels: { en: 'MQL' } },
  { key: 'sal', kind: 'funnel', position: 3, labels: { en: 'SAL' } },
  { key: 'won', kind: 'won', position: 4, labels: { en: 'Won' } },
];

describe('key conversions and the trend', () => {
  it('follows the SLA terms for qualification and runs close to the first won stage', () => {
    const pairs = keyPairs({ sla: { handoff_stage: 'mql', accepted_stage: 'sal' } as Report['sla'], stages });
    expect(pairs).toEqual({ qualification: { from: 'mql', to: 'sal' }, close: { from: 'sal', to: 'won' } });
    expect(
      keyPairs({ sla: { handoff_stage: 'mql', accepted_stage: 'sal' } as Report['sla'], stages: stages.slice(0, 3) })
        .close,
    ).toBeNull();
  });

  it('lists 13 ISO weeks ending with the period, across a year end', () => {
    const weeks = trendWeeks('2027-01-06', 13);
    expect(weeks).toHaveLength(13);
    expect(weeks.at(-1)).toEqual({ kind: 'week', from: '2027-01-04', to: '2027-01-10' });
    expect(weeks[0]).toEqual({ kind: 'week', from: '2026-10-12', to: '2026-10-18' });
  });

  it('keeps from each weekly report only what the charts show', () => {
    const report = {
      period: { kind: 'week', from: '2026-11-16', to: '2026-11-22' },
      conversion: [{ from: 'mql', to: 'sal', numerator: 4, denominator: 13 }],
      sla: {
        volume: { actual: 13, weekly_target: 21 },
        followup: { met: 11, breached: 2, rate: 11 / 13, ci_low: 0.5, ci_high: 0.9, small: true },
      },
    } as unknown as Report;
    const point = trendPoint(report, { qualification: { from: 'mql', to: 'sal' }, close: null });
    expect(point).toMatchObject({
      handedOver: 13,
      weeklyTarget: 21,
      close: null,
      followup: { numerator: 11, denominator: 13 },
    });
    expect(point.qualification?.numerator).toBe(4);
  });
});

describe('drill-downs', () => {
  it('reads with the report scope and instant, a request may narrow period or filters', () => {
    const base = drillScopeOf({
      period: { from: '2026-11-16', to: '2026-11-22' },
      filters: { segment: ['SMB'] },
      within_days: null,
      as_of: 123,
    } as Report);
    expect(base).toEqual({
      from: '2026-11-16',
      to: '2026-11-22',
      filters: { segment: ['SMB'] },
      withinDays: null,
      asOf: 123,
    });
    expect(
      requestScope(base, { figure: { type: 'lifetime' }, title: '', scope: { from: '2026-11-09', to: '2026-11-15' } }),
    ).toMatchObject({ from: '2026-11-09', asOf: 123, filters: { segment: ['SMB'] } });
    expect(drillColumns({ type: 'followup', side: 'breached' })).toBe('followup');
    expect(drillColumns({ type: 'winloss', outcome: 'lost' })).toBe('closing');
    expect(drillColumns({ type: 'conversion', from: 'a', to: 'b', side: 'open' })).toBe('conversion');
  });

  it('calls a change significant only when the test does', () => {
    expect(verdict(null)).toBe('none');
    expect(verdict({ rate: 0.5, diff: 0.2, p_value: 0.2, significant: false })).toBe('flat');
    expect(verdict({ rate: 0.5, diff: -0.3, p_value: 0.01, significant: true })).toBe('down');
    expect(verdict({ rate: null, diff: null, p_value: null, significant: false })).toBe('none');
    expect(points('en', 0.264)).toBe('+26.4');
    expect(points('en', -0.03)).toBe('−3.0');
    expect(
      changeOf({ vs_previous: null, vs_year_ago: { rate: 1, diff: 0, p_value: 1, significant: false } }, 'yearAgo')
        ?.p_value,
    ).toBe(1);
  });
});

describe('win/loss reasons', () => {
  const figures = (rows: Array<[string, number]>, outcome: 'won' | 'lost' = 'lost') =>
    ({ winloss: rows.map(([reason, count]) => ({ outcome, reason, count, share: 0 })) }) as unknown as PeriodFigures;

  it('orders a Pareto by count with "no reason" last and grey', () => {
    const rows = paretoRows(
      figures([
        [NO_REASON, 9],
        ['price', 2],
        ['timing', 5],
      ]).winloss,
      'lost',
    );
    expect(rows.map((r) => r.reason)).toEqual(['timing', 'price', NO_REASON]);
    const colors = reasonColors(rows.map((r) => r.reason));
    expect(colors.get(NO_REASON)).toBe(OTHER_COLOR);
    expect(colors.get('timing')).not.toBe(colors.get('price'));
  });

  it('tests each share against the other period, reasons that vanished included', () => {
    const now = figures([
      ['price', 30],
      ['timing', 10],
    ]);
    const before = figures([
      ['price', 10],
      ['timing', 20],
      ['budget', 10],
    ]);
    const changes = reasonChanges(now, before, 'lost');
    expect(changes.map((c) => c.reason)).toEqual(['price', 'timing', 'budget']);
    expect(changes[0]).toMatchObject({ count: 30, share: 0.75, otherShare: 0.25 });
    expect(changes[0]!.change?.significant).toBe(true);
    expect(changes[2]).toMatchObject({ count: 0, share: 0, otherCount: 10 });
    expect(reasonChanges(now, null, 'lost')[0]!.change).toBeNull();
  });

  it('builds the value × reason matrix, largest values first', () => {
    const m = reasonMatrix(
      [
        { outcome: 'lost', value: 'SMB', reason: 'price', count: 1 },
        { outcome: 'lost', value: 'Enterprise', reason: 'price', count: 2 },
        { outcome: 'lost', value: 'Enterprise', reason: 'timing', count: 3 },
        { outcome: 'won', value: 'SMB', reason: 'fit', count: 7 },
      ],
      'lost',
      ['timing', 'price'],
    );
    expect(m).toEqual({
      values: ['Enterprise', 'SMB'],
      counts: [
        [3, 0],
        [2, 1],
      ],
    });
  });
});

describe('explorer columns', () => {
  it('keeps the lead id first, restores a saved choice and drops unknown ids', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null };
    expect(loadColumns(storage)).toEqual([...DEFAULT_COLUMNS]);
    store.set('funnel-review.leads.columns', JSON.stringify(['owner', 'password', 'custom.industry', 'owner']));
    expect(loadColumns(storage)).toEqual(['external_id', 'owner', 'custom.industry']);
    store.set('funnel-review.leads.columns', '{not json');
    expect(loadColumns(storage)).toEqual([...DEFAULT_COLUMNS]);
    expect(normalize(['owner', 'external_id'])).toEqual(['external_id', 'owner']);
    const all = availableColumns(['industry']);
    expect(toggleColumn(['external_id', 'owner'], 'created_at', all)).toEqual(['external_id', 'created_at', 'owner']);
    expect(toggleColumn(['external_id', 'owner'], 'owner', all)).toEqual(['external_id']);
    expect(toggleColumn(['external_id'], 'external_id', all)).toEqual(['external_id']);
  });
});
