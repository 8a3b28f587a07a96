import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext, slaRule } from '../../../src/main/metrics/service';
import { MetricsSql } from '../../../src/main/metrics/sql';
import { approve, createDefinition, writeRevision } from '../../../src/main/definitions/service';
import { registerRuleFunctions } from '../../../src/main/definitions/sql-functions';
import { compileRule } from '../../../src/shared/definitions/sql';
import { DEFAULT_SLA_TERMS } from '../../../src/shared/definitions/model';
import { tempWorkspace } from './fixture';

/** The two small hooks the definitions service added to the metrics engine, on their own. */
const DAY = 86_400_000;
const T = Date.UTC(2026, 2, 2, 10); // Monday
let t: ReturnType<typeof tempWorkspace>;

beforeAll(() => {
  t = tempWorkspace('hooks');
  const { ws } = t;
  const stage = new Map(
    (ws.db.prepare('SELECT id, key FROM stages').all() as Array<{ id: number; key: string }>).map((s) => [s.key, s.id]),
  );
  const lead = ws.db.prepare(
    "INSERT INTO leads (external_id, created_at, segment, score, custom) VALUES (?, ?, ?, ?, '{}')",
  );
  const event = ws.db.prepare('INSERT INTO stage_events (lead_id, stage_id, entered_at) VALUES (?, ?, ?)');
  ws.db.transaction(() => {
    [
      ['A', 'SMB', 40],
      ['B', 'Enterprise', 70],
      ['C', 'Mid-market', 90],
      ['D', null, 95],
    ].forEach(([id, segment, score], i) => {
      const leadId = Number(lead.run(id, T - DAY, segment, score).lastInsertRowid);
      event.run(leadId, stage.get('mql'), T + i * 3_600_000);
    });
  })();
});
afterAll(() => t.cleanup());

describe('metrics hooks', () => {
  it('MetricsSql narrows every figure to the leads meeting a restriction', () => {
    const ctx = openContext(t.ws, { filters: {}, withinDays: null, asOf: T + 7 * DAY });
    registerRuleFunctions(t.ws.db);
    const rule = compileRule(
      {
        type: 'group',
        combinator: 'and',
        rules: [
          { type: 'condition', field: 'score', operator: 'gte', value: 60 },
          { type: 'condition', field: 'segment', operator: 'exists' },
        ],
      },
      { alias: 'l', prefix: 'x' },
    );
    const narrowed = new MetricsSql(
      ctx.q.stages,
      {},
      {
        restrict: { sql: `EXISTS (SELECT 1 FROM leads l WHERE l.id = lead_id AND ${rule.sql})`, params: rule.params },
      },
    );
    const bounds = { from: T - DAY, end: T + 2 * DAY, asOf: T + 7 * DAY, window: null };
    const mql = ctx.q.stage('mql').id;
    expect(ctx.repo.flow(ctx.q, bounds).find((r) => r.stage_id === mql)?.n).toBe(4);
    expect(ctx.repo.flow(narrowed, bounds).find((r) => r.stage_id === mql)?.n).toBe(2);
  });

  it('slaRule judges each hand-off by the window in force then, unless terms are given', () => {
    const { ws } = t;
    const sla = createDefinition(ws, { kind: 'sla_terms', key: 'sla', title: 'SLA', stageKey: null }, T - 30 * DAY);
    for (const [hours, from] of [
      [4, T - 20 * DAY],
      [2, T],
    ] as const) {
      const r = writeRevision(
        ws,
        {
          definitionId: sla,
          body: { text: `${hours} h`, terms: { ...DEFAULT_SLA_TERMS, followUpBusinessHours: hours } },
          rationale: 'r',
          author: 'a',
          effectiveFrom: from,
          propose: true,
        },
        from - DAY,
      );
      approve(ws, r.id, 'marketing', 'M', from - DAY);
      approve(ws, r.id, 'sales', 'S', from - DAY);
    }
    const ctx = openContext(ws, { filters: {}, withinDays: null, asOf: T + 7 * DAY });
    const inForce = slaRule(ctx, T - DAY);
    expect(inForce.rule.windowMs).toBe(4 * 3_600_000);
    expect(inForce.rule.windowsByHandoff?.map((w) => [w.from, w.windowMs])).toEqual([
      [T - 20 * DAY, 4 * 3_600_000],
      [T, 2 * 3_600_000],
    ]);
    const given = slaRule(ctx, T - DAY, {
      terms: { ...DEFAULT_SLA_TERMS, followUpBusinessHours: 8 },
      source: inForce.terms.source,
    });
    expect(given.rule.windowMs).toBe(8 * 3_600_000);
    expect(given.rule.windowsByHandoff).toEqual([]);
  });
});
