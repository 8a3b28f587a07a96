import type { Workspace } from '../workspace/workspace';
import { AppError } from '../../shared/errors';
import { canonicalJson } from '../../shared/documents/terms';
import { inForceAt } from '../../shared/definitions/lifecycle';
import { DEFINITIONS_FORMAT, type DefinitionsExport } from '../../shared/definitions/exchange';
import type { ImportResult } from '../../shared/definitions/types';
import { DefinitionsRepository } from './repository';
import { checkBody, createDefinition, settle } from './service';
import { dates, parseBody } from './views';

/** Every definition with its whole history (statuses as of `now`), in the exchange format. */
export function exportDefinitions(ws: Workspace, now: number): DefinitionsExport {
  const repo = ws.repo(DefinitionsRepository);
  return {
    format: DEFINITIONS_FORMAT,
    exportedAt: now,
    workspace: ws.settings().name,
    definitions: repo.definitions().map((d) => {
      const rows = repo.revisionsOf(d.id);
      const current = inForceAt(rows.map(dates), now);
      return {
        kind: d.kind,
        key: d.key,
        title: d.title,
        stageKey: d.stage_key,
        inForceVersion: current?.version ?? null,
        revisions: rows.map((r) => ({
          version: r.version,
          status: r.status,
          effectiveFrom: r.effective_from,
          rationale: r.rationale,
          author: r.author,
          createdAt: r.created_at,
          approvals: {
            marketing:
              r.marketing_approved_by === null
                ? null
                : { name: r.marketing_approved_by, at: r.marketing_approved_at ?? r.created_at },
            sales:
              r.sales_approved_by === null
                ? null
                : { name: r.sales_approved_by, at: r.sales_approved_at ?? r.created_at },
          },
          body: parseBody(d.kind, r.body, r.id),
        })),
      };
    }),
  };
}

/**
 * Brings agreements from another workspace: per definition, the version in force there becomes a
 * proposal here (effective on approval), unless the same text is already in force or proposed.
 * Approvals are never copied; both leaders of this workspace decide. All or nothing.
 */
export function importDefinitions(
  ws: Workspace,
  doc: DefinitionsExport,
  author: string | undefined,
  now: number,
): ImportResult {
  ws.assertWritable();
  const repo = ws.repo(DefinitionsRepository);
  const created: Array<ImportResult['created'][number]> = [];
  const unchanged: string[] = [];
  const nothingAgreed: string[] = [];
  ws.db.transaction(() => {
    settle(ws, now);
    for (const d of doc.definitions) {
      const agreed = d.revisions.find((r) => r.version === d.inForceVersion);
      if (!agreed) {
        nothingAgreed.push(d.key);
        continue;
      }
      let target = repo.definitionByKey(d.key);
      const newDefinition = !target;
      if (target && target.kind !== d.kind)
        throw new AppError('definitions.importKindMismatch', { key: d.key, kind: d.kind, found: target.kind });
      if (!target)
        target = repo.definition(
          createDefinition(ws, { kind: d.kind, key: d.key, title: d.title, stageKey: d.stageKey }, now),
        )!;
      const body = checkBody(ws, target, agreed.body);
      const rows = repo.revisionsOf(target.id);
      const current = inForceAt(rows.map(dates), now);
      const same = (json: string) => canonicalJson(JSON.parse(json)) === canonicalJson(body);
      if (rows.some((r) => (r.id === current?.id || r.status === 'proposed') && same(r.body))) {
        unchanged.push(d.key);
        continue;
      }
      const rationale = agreed.rationale.trim() || '—';
      const version = repo.nextVersion(target.id);
      const revisionId = repo.insertRevision({
        definitionId: target.id,
        version,
        status: 'proposed',
        effectiveFrom: null,
        rationale,
        author: (author ?? agreed.author).trim() || doc.workspace,
        body: JSON.stringify(body),
        createdAt: now,
      });
      created.push({ key: d.key, version, revisionId, newDefinition });
    }
  })();
  return { created, unchanged, nothingAgreed };
}
