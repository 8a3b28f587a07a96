import type { Db } from '../db/driver';
import { AppError } from '../../shared/errors';
import { DEFAULT_SLA_TERMS, revisionBody, type SlaTerms } from '../../shared/definitions/model';
import type { TermsSource } from '../../shared/metrics/types';

interface RevisionRow {
  id: number;
  version: number;
  effective_from: number | null;
  body: string;
  key: string;
}

/**
 * The SLA terms in force at an instant: the latest effective (or since superseded) `sla_terms`
 * revision whose effective date is not after it, else the defaults. Kept to this one module so
 * the definitions service can replace it.
 */
export class SlaTermsRepository {
  private readonly stmt;

  constructor(db: Db) {
    this.stmt = db.prepare<{ at: number }, RevisionRow>(`SELECT r.id, r.version, r.effective_from, r.body, d.key
      FROM definition_revisions r JOIN definitions d ON d.id = r.definition_id
      WHERE d.kind = 'sla_terms' AND r.status IN ('effective', 'superseded') AND r.effective_from IS NOT NULL AND r.effective_from <= @at
      ORDER BY r.effective_from DESC, r.id DESC LIMIT 1`);
  }

  inForce(at: number): { terms: SlaTerms; source: TermsSource } {
    const row = this.stmt.get({ at });
    if (row) {
      const parsed = revisionBody.sla_terms.safeParse(JSON.parse(row.body));
      // A stored revision that does not parse is a data problem to surface, not to paper over.
      if (!parsed.success) throw new AppError('metrics.badTerms', { revision: row.id });
      {
        return {
          terms: parsed.data.terms,
          source: { kind: 'revision', revision_id: row.id, definition_key: row.key, version: row.version, effective_from: row.effective_from },
        };
      }
    }
    return { terms: DEFAULT_SLA_TERMS, source: { kind: 'default', revision_id: null, definition_key: null, version: null, effective_from: null } };
  }
}
