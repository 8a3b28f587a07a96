import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../../src/main/workspace/workspace';
import {
  approve,
  createDefinition,
  discardDraft,
  propose,
  reject,
  updateDraft,
  withdraw,
  writeRevision,
} from '../../../src/main/definitions/service';
import { definitionDetail, listDefinitions } from '../../../src/main/definitions/reads';
import { definitionsInForce } from '../../../src/main/definitions/in-force';
import { DefinitionsRepository } from '../../../src/main/definitions/repository';
import { AppError } from '../../../src/shared/errors';
import { definitionsState, tempWorkspace } from './fixture';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 0, 5, 9); // Monday 09:00 UTC
const rule = (score: number) => ({
  type: 'group',
  combinator: 'and',
  rules: [{ type: 'condition', field: 'score', operator: 'gte', value: score }],
});
const body = (score: number) => ({ text: `Handed to sales at a score of ${score}.`, rule: rule(score) });

let t: ReturnType<typeof tempWorkspace>;
let ws: Workspace;
let mql: number;

/** Runs a request that must be refused with `code`, and proves it changed nothing. */
function refused(code: string, attempt: () => unknown): AppError {
  const before = definitionsState(ws);
  let error: unknown;
  try {
    attempt();
  } catch (e) {
    error = e;
  }
  expect(error, `expected ${code}`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect(definitionsState(ws)).toBe(before);
  return error as AppError;
}

function proposed(score: number, now: number, effectiveFrom: number | null = null) {
  return writeRevision(
    ws,
    {
      definitionId: mql,
      body: body(score),
      rationale: `Score ${score} converts.`,
      author: 'Priya Nair',
      effectiveFrom,
      propose: true,
    },
    now,
  );
}

function agreed(score: number, now: number, effectiveFrom: number | null = null) {
  const r = proposed(score, now, effectiveFrom);
  approve(ws, r.id, 'marketing', 'Camila Duarte', now + HOUR);
  return approve(ws, r.id, 'sales', 'Rodrigo Almeida', now + 2 * HOUR);
}

beforeEach(() => {
  t = tempWorkspace('lifecycle');
  ws = t.ws;
  mql = createDefinition(ws, { kind: 'stage_criteria', key: 'mql_criteria', title: 'MQL', stageKey: 'mql' }, T0);
});
afterEach(() => t.cleanup());

describe('status transitions', () => {
  it('goes draft -> proposed -> approved by both -> effective, recording names and times', () => {
    const draft = writeRevision(
      ws,
      { definitionId: mql, body: body(50), rationale: '', author: 'Priya Nair', effectiveFrom: null, propose: false },
      T0,
    );
    expect(draft).toMatchObject({ version: 1, status: 'draft', proposedAt: null });
    const edited = updateDraft(
      ws,
      { revisionId: draft.id, rationale: 'The scoring model flags engaged leads at 50.' },
      T0 + HOUR,
    );
    expect(edited.rationale).toBe('The scoring model flags engaged leads at 50.');
    const p = propose(ws, draft.id, T0 + 2 * HOUR);
    expect(p).toMatchObject({ status: 'proposed', proposedAt: T0 + 2 * HOUR });
    const half = approve(ws, p.id, 'sales', 'Rodrigo Almeida', T0 + 3 * HOUR);
    expect(half.status).toBe('proposed');
    expect(half.approvals).toEqual({ marketing: null, sales: { name: 'Rodrigo Almeida', at: T0 + 3 * HOUR } });
    const done = approve(ws, p.id, 'marketing', 'Camila Duarte', T0 + 4 * HOUR);
    expect(done).toMatchObject({ status: 'effective', effectiveFrom: T0 + 4 * HOUR, decidedAt: T0 + 4 * HOUR });
    expect(done.approvals.marketing).toEqual({ name: 'Camila Duarte', at: T0 + 4 * HOUR });
    const types = definitionDetail(ws, mql, T0 + 5 * HOUR).timeline.map(
      (e) => `${e.type}${e.side ? `:${e.side}` : ''}`,
    );
    expect(types).toEqual(['effective', 'approved:marketing', 'approved:sales', 'proposed', 'drafted']);
  });

  it('supersedes the revision in force when the next one takes effect, on its date', () => {
    const v1 = agreed(50, T0);
    const v2 = agreed(60, T0 + DAY, T0 + 7 * DAY);
    expect(v2.status).toBe('approved');
    const stored = (id: number) => ws.repo(DefinitionsRepository).revision(id)!.status;
    expect([stored(v1.id), stored(v2.id)]).toEqual(['effective', 'approved']);
    // Read on the date: the statuses follow the calendar even before anything is written.
    expect(definitionDetail(ws, mql, T0 + 7 * DAY).revisions.map((r) => r.status)).toEqual(['superseded', 'effective']);
    listDefinitions(ws, T0 + 7 * DAY);
    proposed(70, T0 + 8 * DAY);
    expect([stored(v1.id), stored(v2.id)]).toEqual(['superseded', 'effective']);
    expect(definitionsInForce(ws.repo(DefinitionsRepository), T0 + 7 * DAY - 1)[0]).toMatchObject({ version: 1 });
    expect(definitionsInForce(ws.repo(DefinitionsRepository), T0 + 7 * DAY)[0]).toMatchObject({ version: 2 });
    const timeline = definitionDetail(ws, mql, T0 + 8 * DAY).timeline;
    expect(timeline.find((e) => e.type === 'superseded')).toMatchObject({
      version: 1,
      at: T0 + 7 * DAY,
      supersededBy: 2,
    });
  });

  it('rejects and withdraws proposals, with who and why', () => {
    const a = proposed(55, T0);
    const r = reject(ws, a.id, 'Rodrigo Almeida', 'Too many SMB leads would pass.', T0 + HOUR);
    expect(r).toMatchObject({
      status: 'rejected',
      decidedBy: 'Rodrigo Almeida',
      decisionNote: 'Too many SMB leads would pass.',
    });
    const b = proposed(65, T0 + 2 * HOUR);
    expect(withdraw(ws, b.id, 'Priya Nair', '', T0 + 3 * HOUR)).toMatchObject({
      status: 'withdrawn',
      decidedBy: 'Priya Nair',
    });
    const draft = writeRevision(
      ws,
      { definitionId: mql, body: body(70), rationale: '', author: 'Priya Nair', effectiveFrom: null, propose: false },
      T0,
    );
    discardDraft(ws, draft.id);
    expect(ws.repo(DefinitionsRepository).revision(draft.id)).toBeUndefined();
  });
});

describe('approval rules (refused requests change nothing)', () => {
  it('cannot become effective without both approvals', () => {
    const p = proposed(50, T0);
    approve(ws, p.id, 'marketing', 'Camila Duarte', T0 + HOUR);
    expect(definitionsInForce(ws.repo(DefinitionsRepository), T0 + 30 * DAY)).toEqual([]);
    expect(definitionDetail(ws, mql, T0 + 30 * DAY).inForceId).toBeNull();
    refused('definitions.alreadyApproved.marketing', () =>
      approve(ws, p.id, 'marketing', 'Someone Else', T0 + 2 * HOUR),
    );
    // The database itself refuses an agreed status with one approval, should any other writer try.
    expect(() =>
      ws.db
        .prepare("UPDATE definition_revisions SET status = 'effective', effective_from = ? WHERE id = ?")
        .run(T0, p.id),
    ).toThrow(/both approvals/);
  });

  it('refuses the same person approving for both sides, whatever the spelling', () => {
    const p = proposed(50, T0);
    approve(ws, p.id, 'marketing', 'Camila Duarte', T0 + HOUR);
    const e = refused('definitions.sameApprover', () =>
      approve(ws, p.id, 'sales', '  CAMILA   duarte ', T0 + 2 * HOUR),
    );
    expect(e.params).toMatchObject({ name: 'CAMILA   duarte' });
  });

  it('cannot edit, re-propose or re-approve an approved revision: it is only superseded', () => {
    const v1 = agreed(50, T0);
    refused('definitions.notDraft', () => updateDraft(ws, { revisionId: v1.id, body: body(40) }, T0 + DAY));
    refused('definitions.notDraft', () => propose(ws, v1.id, T0 + DAY));
    refused('definitions.notDraft', () => discardDraft(ws, v1.id));
    const e = refused('definitions.notProposed', () => approve(ws, v1.id, 'sales', 'Rodrigo Almeida', T0 + DAY));
    expect(e.params).toMatchObject({ version: 1, status: 'effective' });
    refused('definitions.notProposed', () => reject(ws, v1.id, 'Rodrigo Almeida', 'no', T0 + DAY));
    refused('definitions.notProposed', () => withdraw(ws, v1.id, 'Rodrigo Almeida', '', T0 + DAY));
    // The database itself refuses, should any other writer try.
    expect(() =>
      ws.db.prepare('UPDATE definition_revisions SET body = ? WHERE id = ?').run(JSON.stringify(body(40)), v1.id),
    ).toThrow(/immutable/);
    expect(() => ws.db.prepare("UPDATE definition_revisions SET rationale = 'x' WHERE id = ?").run(v1.id)).toThrow(
      /immutable/,
    );
    expect(() => ws.db.prepare('UPDATE definition_revisions SET effective_from = 1 WHERE id = ?').run(v1.id)).toThrow(
      /immutable/,
    );
    expect(() =>
      ws.db.prepare("UPDATE definition_revisions SET sales_approved_by = 'x' WHERE id = ?").run(v1.id),
    ).toThrow(/once/);
    expect(() => ws.db.prepare("UPDATE definition_revisions SET status = 'proposed' WHERE id = ?").run(v1.id)).toThrow(
      /status/,
    );
    expect(() => ws.db.prepare('DELETE FROM definition_revisions WHERE id = ?').run(v1.id)).toThrow(/drafts/);
  });

  it('freezes a proposal: no edits, and no approvals once rejected', () => {
    const p = proposed(50, T0);
    refused('definitions.notDraft', () =>
      updateDraft(ws, { revisionId: p.id, rationale: 'changed my mind' }, T0 + HOUR),
    );
    reject(ws, p.id, 'Rodrigo Almeida', 'Not now.', T0 + HOUR);
    refused('definitions.notProposed', () => approve(ws, p.id, 'marketing', 'Camila Duarte', T0 + 2 * HOUR));
  });

  it('requires author, rationale, text and a name', () => {
    refused('definitions.rationaleRequired', () =>
      writeRevision(
        ws,
        { definitionId: mql, body: body(50), rationale: '  ', author: 'Priya', effectiveFrom: null, propose: true },
        T0,
      ),
    );
    refused('definitions.authorRequired', () =>
      writeRevision(
        ws,
        { definitionId: mql, body: body(50), rationale: 'r', author: ' ', effectiveFrom: null, propose: true },
        T0,
      ),
    );
    refused('definitions.textRequired', () =>
      writeRevision(
        ws,
        {
          definitionId: mql,
          body: { ...body(50), text: ' ' },
          rationale: 'r',
          author: 'Priya',
          effectiveFrom: null,
          propose: true,
        },
        T0,
      ),
    );
    const draft = writeRevision(
      ws,
      { definitionId: mql, body: body(50), rationale: '', author: 'Priya', effectiveFrom: null, propose: false },
      T0,
    );
    refused('definitions.rationaleRequired', () => propose(ws, draft.id, T0));
    const p = proposed(50, T0);
    refused('definitions.nameRequired', () => approve(ws, p.id, 'sales', '   ', T0));
    refused('definitions.noteRequired', () => reject(ws, p.id, 'Rodrigo', '  ', T0));
  });

  it('checks the body against the kind, rule types included', () => {
    refused('definitions.badBody', () =>
      writeRevision(
        ws,
        {
          definitionId: mql,
          body: { text: 'no rule' },
          rationale: 'r',
          author: 'P',
          effectiveFrom: null,
          propose: true,
        },
        T0,
      ),
    );
    const e = refused('definitions.rule.typeMismatch', () =>
      writeRevision(
        ws,
        {
          definitionId: mql,
          body: {
            text: 't',
            rule: {
              type: 'group',
              combinator: 'and',
              rules: [{ type: 'condition', field: 'score', operator: 'gte', value: 'high' }],
            },
          },
          rationale: 'r',
          author: 'P',
          effectiveFrom: null,
          propose: true,
        },
        T0,
      ),
    );
    expect(e.params).toMatchObject({ field: 'score', expected: 'number', at: '1' });
  });

  it('keeps effective dates honest: not in the past, not before the agreement in force', () => {
    refused('definitions.effectiveInPast', () => proposed(50, T0, T0 - DAY));
    const today = proposed(50, T0, Date.UTC(2026, 0, 5)); // midnight today is not "the past"
    expect(today.effectiveFrom).toBe(Date.UTC(2026, 0, 5));
    withdraw(ws, today.id, 'Priya', '', T0);
    agreed(50, T0, T0 + 10 * DAY);
    refused('definitions.effectiveBeforeCurrent', () => proposed(60, T0 + DAY, T0 + 5 * DAY));
    // Effective "on approval" now would fall before the scheduled v2: refused at the second approval.
    const onApproval = proposed(60, T0 + DAY);
    approve(ws, onApproval.id, 'marketing', 'Camila Duarte', T0 + DAY);
    refused('definitions.effectiveBeforeCurrent', () =>
      approve(ws, onApproval.id, 'sales', 'Rodrigo Almeida', T0 + DAY),
    );
  });

  it('refuses the second approval once the proposed date has passed', () => {
    const p = proposed(50, T0, T0 + DAY);
    approve(ws, p.id, 'marketing', 'Camila Duarte', T0 + HOUR);
    const e = refused('definitions.effectiveDatePassed', () =>
      approve(ws, p.id, 'sales', 'Rodrigo Almeida', T0 + 3 * DAY),
    );
    expect(e.params).toMatchObject({ version: 1, date: T0 + DAY });
  });

  it('refuses writes on a read-only workspace', () => {
    const p = proposed(50, T0);
    ws.close();
    ws = Workspace.open(t.file, { readOnly: true });
    t.ws = ws;
    refused('workspace.readOnly', () => approve(ws, p.id, 'sales', 'Rodrigo Almeida', T0));
  });
});

describe('reason taxonomy', () => {
  it('updates the reasons imports resolve against when a taxonomy takes effect', () => {
    const id = createDefinition(ws, { kind: 'reason_taxonomy', key: 'reasons', title: 'Reasons', stageKey: null }, T0);
    ws.db.prepare("INSERT INTO reasons (kind, code, labels) VALUES ('loss', 'old_code', '{\"en\":\"Old\"}')").run();
    const p = writeRevision(
      ws,
      {
        definitionId: id,
        body: {
          text: 'One reason per closed lead.',
          reasons: [{ code: 'price', kind: 'loss', labels: { en: 'Price', ru: 'Цена' }, aliases: ['too expensive'] }],
        },
        rationale: 'First list.',
        author: 'Priya Nair',
        effectiveFrom: null,
        propose: true,
      },
      T0,
    );
    approve(ws, p.id, 'marketing', 'Camila Duarte', T0);
    expect(ws.db.prepare('SELECT code FROM reasons WHERE active = 1').all()).toEqual([{ code: 'old_code' }]);
    approve(ws, p.id, 'sales', 'Rodrigo Almeida', T0);
    expect(ws.db.prepare('SELECT kind, code, labels, active FROM reasons ORDER BY code').all()).toEqual([
      { kind: 'loss', code: 'old_code', labels: '{"en":"Old"}', active: 0 },
      { kind: 'loss', code: 'price', labels: '{"en":"Price","ru":"Цена"}', active: 1 },
    ]);
  });
});
