import type { Db } from '../db/driver';

export interface DeferredIndex {
  readonly name: string;
  readonly sql: string;
}

const BULK_MIN_ROWS = 50_000;

/**
 * Whether a batch writing (or deleting) `rows` leads' rows is worth its deferrable indexes dropped
 * and built once at the end instead of maintained row by row: at least 50,000 rows and half the
 * leads already stored (measured about twice as fast for 300k leads on the workspace schema).
 */
export function rebuildPays(rows: number, storedLeads: number): boolean {
  return rows >= Math.max(BULK_MIN_ROWS, storedLeads / 2);
}

/**
 * Secondary indexes an import can build once at the end instead of maintaining row by row. Kept:
 * UNIQUE indexes (they decide upserts and duplicates) and indexes led by `lead_id` (per-lead
 * lookups of triggers and cascades run during the import). Dropping and re-creating happen inside
 * the batch's transaction, so a rollback, a cancel or a crash puts every index back as it was.
 */
export class IndexRepository {
  private readonly listStmt;

  constructor(private readonly db: Db) {
    // The tables an import writes in bulk.
    this.listStmt = db.prepare<[], DeferredIndex>(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('leads', 'stage_events', 'touches') ORDER BY name`,
    );
  }

  deferrable(): DeferredIndex[] {
    return this.listStmt
      .all()
      .filter((i) => !/^\s*CREATE\s+UNIQUE\b/i.test(i.sql) && !/\bON\s+"?\w+"?\s*\(\s*"?lead_id\b/i.test(i.sql));
  }

  /**
   * Drops the deferrable indexes but those `keep` names (inside the caller's transaction) and
   * returns them for `rebuild`.
   */
  drop(keep: (index: DeferredIndex) => boolean = () => false): DeferredIndex[] {
    const indexes = this.deferrable().filter((i) => !keep(i));
    for (const i of indexes) this.db.exec(`DROP INDEX "${i.name.replace(/"/g, '""')}"`);
    return indexes;
  }

  rebuild(indexes: readonly DeferredIndex[]): void {
    for (const i of indexes) this.db.exec(i.sql);
  }

  /** `rebuild` for a writer with an event loop to keep: `between` runs before each index. */
  async rebuildInTurns(indexes: readonly DeferredIndex[], between: () => Promise<void>): Promise<void> {
    for (const i of indexes) {
      await between();
      this.db.exec(i.sql);
    }
  }
}
