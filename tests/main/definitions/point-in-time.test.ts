import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approve, createDefinition, writeRevision } from '../../../src/main/definitions/service';
import { compliance, complianceLeads } from '../../../src/main/definitions/compliance';
import { spansOf } from '../../../src/main/definitions/in-force';
import { DefinitionsRepository } from '../../../src/main/definitions/repository';
import { computeReport } from '../../../src/main/metrics/service';
import { DEFAULT_SLA_TERMS } from '../../../src/shared/definitions/model';
import type { Workspace } from '../../../src/main/workspace/workspace';
import { tempWorkspace } from './fixture';

/**
 * Two revisions of the MQL criteria and of the SLA terms, both changing on Wednesday 21 January
 * 2026 at 00:00 UTC (workspace zone UTC, default calendar Mon-Fri 09:00-18:00). Every lead is
 * handed over (enters MQL) at the time given and first touched as given. Expected figures are
 * worked out by hand below, per ISO week: before, across and after the change.
 *
 * MQL v1: score >= 50.                    SLA v1: first touch within 4 business hours.
 * MQL v2: score >= 60 and segment in {Mid-market, Enterprise}.   SLA v2: within 2 business hours.
 */
const at = (iso: string) => Date.parse(`${iso}:00Z`);
const CHANGE = at('2026-01-21T00:00');
const AS_OF = at('2026-02-10T12:00');

interface Story {
  readonly id: string;
  readonly score: number | null;
  readonly segment: string | null;
  readonly handoff: string;
  readonly touch: string | null;
}
const LEADS: Story[] = [
  // Before any criteria were agreed: not judged.
  { id: 'D0', score: 90, segment: 'Enterprise', handoff: '2026-01-02T10:00', touch: '2026-01-02T11:00' },
  // Week 1 (12-18 Jan), v1 throughout.
  { id: 'A1', score: 55, segment: 'SMB', handoff: '2026-01-12T10:00', touch: '2026-01-12T13:00' }, // meets v1; 3 h <= 4 h
  { id: 'A2', score: 45, segment: 'Mid-market', handoff: '2026-01-13T10:00', touch: '2026-01-13T15:00' }, // fails v1; 5 h > 4 h
  { id: 'A3', score: 70, segment: 'Enterprise', handoff: '2026-01-15T10:00', touch: '2026-01-15T11:30' }, // meets; 1.5 h
  // Week 2 (19-25 Jan): v1 until Tuesday, v2 from Wednesday.
  { id: 'B1', score: 55, segment: 'SMB', handoff: '2026-01-19T10:00', touch: '2026-01-19T13:00' }, // v1: meets; 3 h <= 4 h
  { id: 'B2', score: 65, segment: 'SMB', handoff: '2026-01-20T17:00', touch: '2026-01-21T11:00' }, // v1 (handed over Tuesday): meets; 1 h + 2 h = 3 h <= 4 h
  { id: 'B3', score: 55, segment: 'SMB', handoff: '2026-01-21T10:00', touch: '2026-01-21T13:00' }, // v2: fails; 3 h > 2 h
  { id: 'B4', score: 75, segment: 'Enterprise', handoff: '2026-01-22T10:00', touch: '2026-01-22T11:00' }, // v2: meets; 1 h
  { id: 'B5', score: 80, segment: 'Mid-market', handoff: '2026-01-23T10:00', touch: null }, // v2: meets; never touched: breached
  // Week 3 (26 Jan - 1 Feb), v2 throughout.
  { id: 'C1', score: 65, segment: 'Mid-market', handoff: '2026-01-26T10:00', touch: '2026-01-26T11:30' }, // meets; 1.5 h
  { id: 'C2', score: 90, segment: 'SMB', handoff: '2026-01-27T10:00', touch: '2026-01-27T12:30' }, // fails (SMB); 2.5 h > 2 h
  { id: 'C3', score: 70, segment: null, handoff: '2026-01-28T10:00', touch: '2026-01-28T10:30' }, // fails (no segment); 0.5 h
];

let t: ReturnType<typeof tempWorkspace>;
let ws: Workspace;

function agree(definitionId: number, body: unknown, effectiveFrom: number, proposedAt: number): void {
  const r = writeRevision(
    ws,
    {
      definitionId,
      body,
      rationale: 'Agreed at the weekly review.',
      author: 'Priya Nair',
      effectiveFrom,
      propose: true,
    },
    proposedAt,
  );
  approve(ws, r.id, 'marketing', 'Camila Duarte', proposedAt + 3_600_000);
  approve(ws, r.id, 'sales', 'Rodrigo Almeida', proposedAt + 7_200_000);
}

beforeAll(() => {
  t = tempWorkspace('point-in-time', 'UTC');
  ws = t.ws;
  const stage = new Map(
    (ws.db.prepare('SELECT id, key FROM stages').all() as Array<{ id: number; key: string }>).map((s) => [s.key, s.id]),
  );
  const insertLead = ws.db.prepare(
    "INSERT INTO leads (external_id, created_at, segment, owner, score, custom) VALUES (?, ?, ?, 'ana', ?, '{}')",
  );
  const insertEvent = ws.db.prepare('INSERT INTO stage_events (lead_id, stage_id, entered_at) VALUES (?, ?, ?)');
  const insertTouch = ws.db.prepare('INSERT INTO touches (lead_id, touched_at) VALUES (?, ?)');
  ws.db.transaction(() => {
    for (const l of LEADS) {
      const id = Number(insertLead.run(l.id, at(l.handoff) - 86_400_000, l.segment, l.score).lastInsertRowid);
      insertEvent.run(id, stage.get('lead'), at(l.handoff) - 86_400_000);
      insertEvent.run(id, stage.get('mql'), at(l.handoff));
      if (l.touch) insertTouch.run(id, at(l.touch));
    }
  })();
  const mql = createDefinition(
    ws,
    { kind: 'stage_criteria', key: 'mql_criteria', title: 'MQL', stageKey: 'mql' },
    at('2026-01-02T12:00'),
  );
  const sla = createDefinition(
    ws,
    { kind: 'sla_terms', key: 'sla', title: 'SLA', stageKey: null },
    at('2026-01-02T12:00'),
  );
  const group = (...rules: unknown[]) => ({ type: 'group', combinator: 'and', rules });
  agree(
    mql,
    { text: 'Score of 50.', rule: group({ type: 'condition', field: 'score', operator: 'gte', value: 50 }) },
    at('2026-01-05T00:00'),
    at('2026-01-02T12:00'),
  );
  agree(
    sla,
    { text: 'Four hours.', terms: { ...DEFAULT_SLA_TERMS, followUpBusinessHours: 4 } },
    at('2026-01-05T00:00'),
    at('2026-01-02T12:00'),
  );
  agree(
    mql,
    {
      text: 'Score of 60, mid-market and enterprise only.',
      rule: group(
        { type: 'condition', field: 'score', operator: 'gte', value: 60 },
        { type: 'condition', field: 'segment', operator: 'in', value: ['Mid-market', 'Enterprise'] },
      ),
    },
    CHANGE,
    at('2026-01-14T12:00'),
  );
  agree(
    sla,
    { text: 'Two hours.', terms: { ...DEFAULT_SLA_TERMS, followUpBusinessHours: 2 } },
    CHANGE,
    at('2026-01-14T12:00'),
  );
});
afterAll(() => t.cleanup());

const week = (from: string, to: string) => ({ from, to, filters: {}, asOf: AS_OF });
const followUp = (from: string, to: string) =>
  computeReport(ws, { from, to, filters: {}, withinDays: null, asOf: AS_OF, compare: false }).sla;

describe('point in time: figures before, across and after a change of definitions', () => {
  it('before the change: every lead judged by v1', () => {
    expect(compliance(ws, week('2026-01-12', '2026-01-18'))).toMatchObject({
      handedOver: 3,
      met: 2,
      notMet: 1,
      unjudged: 0,
      numerator: 2,
      denominator: 3,
      byVersion: [{ version: 1, handedOver: 3, met: 2, notMet: 1 }],
    });
    const sla = followUp('2026-01-12', '2026-01-18');
    expect(sla.followup).toMatchObject({ met: 2, breached: 1, pending: 0, business_hours: 4 });
    expect(sla.terms).toMatchObject({ kind: 'revision', version: 1 });
  });

  it('across the change: each lead judged by the version in force at its hand-off', () => {
    const c = compliance(ws, week('2026-01-19', '2026-01-25'));
    expect(c).toMatchObject({ handedOver: 5, met: 4, notMet: 1, unjudged: 0 });
    expect(c.byVersion).toMatchObject([
      { version: 1, handedOver: 2, met: 2, notMet: 0 },
      { version: 2, handedOver: 3, met: 2, notMet: 1, effectiveFrom: CHANGE },
    ]);
    // B2 (handed over Tuesday, touched Wednesday after 3 business hours) keeps v1's 4 hours; B3 gets v2's 2 hours.
    expect(followUp('2026-01-19', '2026-01-25').followup).toMatchObject({ met: 3, breached: 2, pending: 0 });
    const spans = spansOf(
      ws.repo(DefinitionsRepository),
      'mql_criteria',
      at('2026-01-19T00:00'),
      at('2026-01-26T00:00'),
    );
    expect(spans.map((s) => [s.version, s.from, s.to])).toEqual([
      [1, at('2026-01-19T00:00'), CHANGE],
      [2, CHANGE, at('2026-01-26T00:00')],
    ]);
  });

  it('after the change: every lead judged by v2', () => {
    expect(compliance(ws, week('2026-01-26', '2026-02-01'))).toMatchObject({
      handedOver: 3,
      met: 1,
      notMet: 2,
      byVersion: [{ version: 2 }],
    });
    const sla = followUp('2026-01-26', '2026-02-01');
    expect(sla.followup).toMatchObject({ met: 2, breached: 1, pending: 0, business_hours: 2 });
    expect(sla.terms).toMatchObject({ version: 2 });
  });

  it('does not judge leads handed over before any criteria were agreed', () => {
    expect(compliance(ws, week('2025-12-29', '2026-01-04'))).toMatchObject({
      handedOver: 1,
      met: 0,
      notMet: 0,
      unjudged: 1,
      rate: null,
      byVersion: [{ version: null }],
    });
  });

  it('lists the leads that did not meet the criteria ("garbage in"), with the failed conditions', () => {
    const page = complianceLeads(ws, { ...week('2026-01-12', '2026-02-01'), side: 'notMet', offset: 0, limit: 10 });
    expect(page.total).toBe(4);
    expect(page.leads.map((l) => [l.externalId, l.version, l.failed.map((f) => f.field)])).toEqual([
      ['A2', 1, ['score']],
      ['B3', 2, ['score', 'segment']],
      ['C2', 2, ['segment']],
      ['C3', 2, ['segment']],
    ]);
    const met = complianceLeads(ws, { ...week('2026-01-12', '2026-02-01'), side: 'met', offset: 0, limit: 10 });
    expect(met.total).toBe(7);
    expect(met.leads.every((l) => l.met === true && l.failed.length === 0)).toBe(true);
  });

  it('never lets a later change rewrite earlier figures', () => {
    // Before v2 was agreed (as of 16 January) week 1 already read 2 of 3; it still does.
    expect(compliance(ws, { ...week('2026-01-12', '2026-01-18'), asOf: at('2026-01-16T18:00') })).toMatchObject({
      met: 2,
      notMet: 1,
    });
  });
});
