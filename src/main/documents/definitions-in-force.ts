import type { Db } from '../db/driver';
import type { Workspace } from '../workspace/workspace';
import { DEFINITION_KINDS, revisionBody, type DefinitionKind } from '../../shared/definitions/model';
import type { DefinitionInForce } from '../../shared/documents/terms';

/**
 * The one place documents read definitions from. The definitions lifecycle service is written
 * separately; when it lands, this module can delegate to it without touching the rest.
 *
 * "In force at T": per definition, the approved revision (approved, effective, or since superseded)
 * with the latest effective date not after T. Drafts, proposals, rejected and withdrawn revisions
 * never count, and neither does an approved revision whose date has not come.
 */
interface Row {
  definition_id: number;
  kind: string;
  key: string;
  title: string;
  stage_key: string | null;
  revision_id: number;
  version: number;
  effective_from: number;
  marketing_approved_by: string | null;
  sales_approved_by: string | null;
  body: string;
}

const isKind = (k: string): k is DefinitionKind => (DEFINITION_KINDS as readonly string[]).includes(k);

export class DefinitionsInForceRepository {
  private readonly stmt;

  constructor(db: Db) {
    // Ties on the effective date go to the higher version: the later agreement wins.
    this.stmt = db.prepare<{ asOf: number }, Row>(`
      SELECT d.id AS definition_id, d.kind, d.key, d.title, d.stage_key, r.id AS revision_id, r.version,
             r.effective_from, r.marketing_approved_by, r.sales_approved_by, r.body
      FROM definitions d
      JOIN definition_revisions r ON r.id = (
        SELECT r2.id FROM definition_revisions r2
        WHERE r2.definition_id = d.id
          AND r2.status IN ('approved', 'effective', 'superseded')
          AND r2.effective_from IS NOT NULL AND r2.effective_from <= @asOf
        ORDER BY r2.effective_from DESC, r2.version DESC
        LIMIT 1)
      ORDER BY CASE d.kind WHEN 'market' THEN 1 WHEN 'icp' THEN 2 WHEN 'stage_criteria' THEN 3
                           WHEN 'sla_terms' THEN 4 ELSE 5 END, d.id`);
  }

  inForce(asOf: number): DefinitionInForce[] {
    return this.stmt.all({ asOf }).map((r) => {
      if (!isKind(r.kind)) throw new Error(`definition ${r.key} has unknown kind ${r.kind}`);
      const parsed = revisionBody[r.kind].safeParse(JSON.parse(r.body));
      if (!parsed.success) throw new Error(`definition ${r.key} revision ${r.version} has an invalid body`);
      return {
        kind: r.kind,
        key: r.key,
        title: r.title,
        stageKey: r.stage_key,
        revisionId: r.revision_id,
        version: r.version,
        effectiveFrom: r.effective_from,
        approvedBy: { marketing: r.marketing_approved_by, sales: r.sales_approved_by },
        body: parsed.data,
      };
    });
  }
}

export function definitionsInForce(ws: Workspace, asOf: number = Date.now()): DefinitionInForce[] {
  return ws.repo(DefinitionsInForceRepository).inForce(asOf);
}
