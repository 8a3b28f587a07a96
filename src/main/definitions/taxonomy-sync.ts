import type { Db } from '../db/driver';
import type { RevisionBody } from '../../shared/definitions/model';

/**
 * The `reasons` table follows the reason taxonomy in force: imports resolve free-text reasons
 * against it, so once a taxonomy revision takes effect its codes and labels are what they use.
 * Codes dropped from the taxonomy are kept (old leads refer to them) but marked inactive.
 */
export class ReasonsSyncRepository {
  private readonly upsert;
  private readonly deactivateAll;

  constructor(private readonly db: Db) {
    this.upsert = db.prepare<{ kind: string; code: string; labels: string }>(
      `INSERT INTO reasons (kind, code, labels, active) VALUES (@kind, @code, @labels, 1)
       ON CONFLICT (kind, code) DO UPDATE SET labels = excluded.labels, active = 1`,
    );
    this.deactivateAll = db.prepare('UPDATE reasons SET active = 0');
  }

  /** Call inside the transaction that made the taxonomy effective. */
  sync(taxonomies: ReadonlyArray<RevisionBody<'reason_taxonomy'>>): void {
    if (!this.db.inTransaction) throw new Error('reasons sync must run inside a transaction');
    this.deactivateAll.run();
    for (const t of taxonomies) {
      for (const r of t.reasons) this.upsert.run({ kind: r.kind, code: r.code, labels: JSON.stringify(r.labels) });
    }
  }
}
