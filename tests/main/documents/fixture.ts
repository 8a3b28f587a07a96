import path from 'node:path';
import { Workspace } from '../../../src/main/workspace/workspace';
import type { Locale } from '../../../src/shared/domain/types';
import type { DefinitionKind } from '../../../src/shared/definitions/model';

const DAY = 86_400_000;
export const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

interface RevisionSeed {
  readonly version: number;
  readonly status: string;
  readonly effectiveFrom: number | null;
  readonly body: unknown;
}

/** Inserts one definition with its revisions straight into the tables (the lifecycle service is not ours). */
export function insertDefinition(
  ws: Workspace,
  kind: DefinitionKind,
  key: string,
  title: string,
  stageKey: string | null,
  revisions: RevisionSeed[],
  approvers: { marketing: string | null; sales: string | null } = { marketing: 'Ana Souza', sales: 'Ivan Petrov' },
): void {
  const def = ws.db
    .prepare('INSERT INTO definitions (kind, key, title, stage_key, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(kind, key, title, stageKey, T0);
  const insert = ws.db
    .prepare(`INSERT INTO definition_revisions (definition_id, version, status, effective_from, rationale, author, body, created_at,
    marketing_approved_by, marketing_approved_at, sales_approved_by, sales_approved_at, decided_at)
    VALUES (@definitionId, @version, @status, @effectiveFrom, '', 'Ana Souza', @body, @createdAt, @marketing, @createdAt, @sales, @createdAt, @createdAt)`);
  for (const r of revisions) {
    insert.run({
      definitionId: def.lastInsertRowid,
      version: r.version,
      status: r.status,
      effectiveFrom: r.effectiveFrom,
      body: JSON.stringify(r.body),
      createdAt: T0,
      ...approvers,
    });
  }
}

export const MQL_V1 = {
  text: 'A lead is marketing-qualified when its score reaches 50.',
  rule: {
    type: 'group',
    combinator: 'and',
    rules: [{ type: 'condition', field: 'score', operator: 'gte', value: 50 }],
  },
};
export const MQL_V2 = {
  text: 'A lead is marketing-qualified when its score reaches 60 and it belongs to a target segment.',
  rule: {
    type: 'group',
    combinator: 'and',
    rules: [
      { type: 'condition', field: 'score', operator: 'gte', value: 60 },
      { type: 'condition', field: 'segment', operator: 'in', value: ['Mid-market', 'Enterprise'] },
    ],
  },
};
export const SLA_TERMS = {
  text: 'Marketing delivers qualified leads every week; sales follows every one of them up quickly and returns the ones it rejects with a reason.',
  terms: {
    handoffStage: 'mql',
    acceptedStage: 'sal',
    followUpBusinessHours: 4,
    clockStart: 'handoff',
    weeklyVolumeTarget: 120,
    salRateTarget: 0.5,
    recyclingBusinessHours: 16,
    segmentOverrides: { Enterprise: { followUpBusinessHours: 2, salRateTarget: 0.6 } },
  },
};

/** A workspace with every kind of definition in force, MQL in two revisions (the second in force). */
export function fixtureWorkspace(dir: string, locale: Locale = 'en'): Workspace {
  const ws = Workspace.create(path.join(dir, 'ws.db'), { name: 'Acme Analytics', locale, timeZone: 'Europe/Lisbon' });
  insertDefinition(ws, 'market', 'market', 'Market', null, [
    {
      version: 1,
      status: 'effective',
      effectiveFrom: T0,
      body: { text: 'B2B software companies in Iberia and Latin America.', answers: {} },
    },
  ]);
  insertDefinition(ws, 'icp', 'icp', 'Ideal customer profile', null, [
    {
      version: 1,
      status: 'effective',
      effectiveFrom: T0,
      body: {
        text: 'Software companies with 50 to 2,000 employees and a sales team of their own.',
        rule: {
          type: 'group',
          combinator: 'or',
          rules: [
            { type: 'condition', field: 'segment', operator: 'eq', value: 'Mid-market' },
            { type: 'condition', field: 'custom.employees', operator: 'gte', value: 50 },
          ],
        },
      },
    },
  ]);
  insertDefinition(ws, 'stage_criteria', 'mql', 'MQL criteria', 'mql', [
    { version: 1, status: 'superseded', effectiveFrom: T0, body: MQL_V1 },
    { version: 2, status: 'effective', effectiveFrom: T0 + 30 * DAY, body: MQL_V2 },
    { version: 3, status: 'proposed', effectiveFrom: null, body: { ...MQL_V2, text: 'Proposal, not agreed.' } },
  ]);
  insertDefinition(ws, 'sla_terms', 'sla', 'SLA terms', null, [
    { version: 1, status: 'effective', effectiveFrom: T0, body: SLA_TERMS },
  ]);
  insertDefinition(ws, 'reason_taxonomy', 'reasons', 'Reasons', null, [
    {
      version: 1,
      status: 'effective',
      effectiveFrom: T0,
      body: {
        text: 'Every closed or returned lead gets exactly one reason.',
        reasons: [
          {
            code: 'price',
            kind: 'loss',
            labels: {
              en: 'Price too high',
              ru: 'Слишком дорого',
              'zh-CN': '价格过高',
              es: 'Precio demasiado alto',
              'pt-BR': 'Preço alto demais',
            },
          },
          {
            code: 'no_budget',
            kind: 'rejection',
            labels: {
              en: 'No budget',
              ru: 'Нет бюджета',
              'zh-CN': '没有预算',
              es: 'Sin presupuesto',
              'pt-BR': 'Sem orçamento',
            },
          },
          { code: 'fit', kind: 'win', labels: { en: 'Best product fit' } },
        ],
      },
    },
  ]);
  return ws;
}

export const PARTIES = {
  company: 'Acme Analytics',
  marketing: { name: 'Ana Souza', title: 'Head of Marketing', email: 'ana@acme.example' },
  sales: { name: 'Ivan Petrov', title: 'Head of Sales', email: 'ivan@acme.example' },
};
