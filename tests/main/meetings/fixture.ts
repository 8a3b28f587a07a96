import path from 'node:path';
import { Workspace } from '../../../src/main/workspace/workspace';
import { revisionBody, DEFAULT_SLA_TERMS } from '../../../src/shared/definitions/model';
import type { Locale } from '../../../src/shared/domain/types';
import { insertLeads, local, type LeadSpec } from '../../fixtures/metrics/workspace';

/**
 * A small Madrid workspace reviewed over two weeks of 2026: W09 (23 Feb - 1 Mar) by meeting A,
 * W10 (2-8 Mar) by meeting B. Follow-up window 4 business hours (Mon-Fri 09-18), weekly volume
 * target 3, SAL-rate target 50%. MQL criteria v1 is in force; v2 has been proposed.
 */
export const ZONE = 'Europe/Madrid';
export const at = (iso: string): number => local(iso, ZONE);

export const W09_LEADS: LeadSpec[] = [
  {
    id: 'A1',
    owner: 'Ana',
    segment: 'SMB',
    events: [
      ['lead', '2026-02-23T09:00'],
      ['mql', '2026-02-23T10:00'],
      ['sal', '2026-02-24T10:00'],
    ],
    touches: ['2026-02-23T11:00'],
  },
  {
    id: 'A2',
    owner: 'Bob',
    segment: 'SMB',
    events: [
      ['lead', '2026-02-24T09:00'],
      ['mql', '2026-02-24T10:00'],
      ['recycled', '2026-02-26T10:00', 'not_ready', 'Not ready yet'],
    ],
    touches: ['2026-02-25T16:00'],
  },
  {
    id: 'A3',
    owner: 'Ana',
    segment: 'Enterprise',
    events: [
      ['lead', '2026-02-25T09:00'],
      ['mql', '2026-02-25T12:00'],
      ['sal', '2026-02-26T09:00'],
      ['lost', '2026-02-27T10:00', 'price', 'Too expensive'],
    ],
    touches: ['2026-02-25T13:00'],
  },
];

export const W10_LEADS: LeadSpec[] = [
  {
    id: 'B1',
    owner: 'Ana',
    segment: 'SMB',
    events: [
      ['lead', '2026-03-02T09:00'],
      ['mql', '2026-03-02T10:00'],
      ['sal', '2026-03-03T09:00'],
    ],
    touches: ['2026-03-02T10:30'],
  },
  // Handed over, never touched: breached by the time meeting B starts.
  {
    id: 'B2',
    owner: 'Bob',
    segment: 'SMB',
    events: [
      ['lead', '2026-03-03T09:00'],
      ['mql', '2026-03-03T10:00'],
    ],
  },
  {
    id: 'B3',
    owner: 'Bob',
    segment: 'Enterprise',
    events: [
      ['lead', '2026-03-04T09:00'],
      ['mql', '2026-03-04T11:00'],
      ['sal', '2026-03-05T09:00'],
    ],
    touches: ['2026-03-04T17:00'],
  },
  {
    id: 'B4',
    owner: 'Cara',
    segment: 'Enterprise',
    events: [
      ['lead', '2026-03-05T09:00'],
      ['mql', '2026-03-05T09:30'],
      ['sal', '2026-03-05T12:00'],
      ['sql', '2026-03-06T10:00'],
      ['won', '2026-03-06T15:00', 'fit'],
    ],
    touches: ['2026-03-05T10:00'],
  },
  { id: 'B5', owner: 'Ana', segment: 'SMB', events: [['lead', '2026-03-06T10:00']] },
];

/** Meeting A (W09) starts Tuesday 3 March 10:00; meeting B (W10) Tuesday 10 March 10:00. */
export const A_START = at('2026-03-03T10:00');
export const B_START = at('2026-03-10T10:00');

export const ATTENDEES = [
  { name: 'Marta Gómez', role: 'marketing_lead' as const },
  { name: 'Sergio Ruiz', role: 'sales_lead' as const },
  { name: 'Priya Nair', role: 'other' as const },
];

function insertDefinitions(ws: Workspace): { proposalId: number } {
  const def = ws.db.prepare('INSERT INTO definitions (kind, key, title, stage_key, created_at) VALUES (?, ?, ?, ?, ?)');
  const rev = ws.db.prepare(
    `INSERT INTO definition_revisions (definition_id, version, status, effective_from, rationale, author, body, created_at, proposed_at,
       marketing_approved_by, marketing_approved_at, sales_approved_by, sales_approved_at, decided_at)
     VALUES (@definition, @version, @status, @effective, '', 'Marta Gómez', @body, @created, @created, @m, @approved, @s, @approved, @approved)`,
  );
  const agreed = at('2025-12-15T10:00');
  const start = at('2026-01-01T00:00');
  const sla = Number(def.run('sla_terms', 'sla', 'Marketing–sales SLA', null, agreed).lastInsertRowid);
  const terms = revisionBody.sla_terms.parse({
    text: 'Sales follows up every MQL within 4 business hours.',
    terms: { ...DEFAULT_SLA_TERMS, weeklyVolumeTarget: 3 },
  });
  rev.run({
    definition: sla,
    version: 1,
    status: 'effective',
    effective: start,
    body: JSON.stringify(terms),
    created: agreed,
    m: 'Marta Gómez',
    s: 'Sergio Ruiz',
    approved: agreed,
  });
  const mql = Number(
    def.run('stage_criteria', 'mql_criteria', 'Marketing qualified lead (MQL)', 'mql', agreed).lastInsertRowid,
  );
  const v1 = revisionBody.stage_criteria.parse({
    text: 'Score of 50 or more.',
    rule: {
      type: 'group',
      combinator: 'and',
      rules: [{ type: 'condition', field: 'score', operator: 'gte', value: 50 }],
    },
  });
  rev.run({
    definition: mql,
    version: 1,
    status: 'effective',
    effective: start,
    body: JSON.stringify(v1),
    created: agreed,
    m: 'Marta Gómez',
    s: 'Sergio Ruiz',
    approved: agreed,
  });
  const v2 = revisionBody.stage_criteria.parse({
    text: 'Score of 40 or more.',
    rule: {
      type: 'group',
      combinator: 'and',
      rules: [{ type: 'condition', field: 'score', operator: 'gte', value: 40 }],
    },
  });
  const proposalId = Number(
    rev.run({
      definition: mql,
      version: 2,
      status: 'proposed',
      effective: null,
      body: JSON.stringify(v2),
      created: at('2026-03-01T12:00'),
      m: null,
      s: null,
      approved: null,
    }).lastInsertRowid,
  );
  return { proposalId };
}

export interface Fixture {
  readonly ws: Workspace;
  readonly file: string;
  readonly leads: Map<string, number>;
  readonly proposalId: number;
}

/** A fresh workspace file in `dir` with both weeks of leads and the definitions. */
export function meetingWorkspace(dir: string, locale: Locale = 'en', name = 'meetings'): Fixture {
  const file = path.join(dir, `${name}.db`);
  const ws = Workspace.create(file, { name: 'Acme', timeZone: ZONE, locale });
  const leads = insertLeads(ws, ZONE, [...W09_LEADS, ...W10_LEADS]);
  const { proposalId } = insertDefinitions(ws);
  return { ws, file, leads, proposalId };
}

/** Every row of every table a meeting writes: proves a refused change changed nothing. */
export function meetingTables(ws: Workspace): Record<string, unknown[]> {
  const tables = [
    'meetings',
    'snapshots',
    'snapshot_drills',
    'decisions',
    'action_items',
    'meeting_ratings',
    'meeting_revision_reviews',
    'definition_revisions',
    'settings',
  ];
  return Object.fromEntries(tables.map((t) => [t, ws.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));
}
