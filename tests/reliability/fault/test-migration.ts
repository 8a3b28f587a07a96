import type { Migration } from '../../../src/main/db/migrate';
import { migrations } from '../../../src/main/db/migrations';

/**
 * A test-only schema change, heavy enough to be killed in the middle: a new table filled row by row
 * from the leads, a new column on leads and an update of every lead. Injected as the list's last
 * migration through `openWorkspaceFile(file, { migrations })`, the way the shipped list is applied.
 */
export const probeMigration: Migration = {
  version: 99,
  name: 'reliability_probe',
  up: (db) => {
    db.exec(
      'CREATE TABLE probe_copy (lead_id INTEGER PRIMARY KEY, external_id TEXT NOT NULL, note TEXT NOT NULL) STRICT',
    );
    const insert = db.prepare('INSERT INTO probe_copy (lead_id, external_id, note) VALUES (?, ?, ?)');
    const leads = db.prepare('SELECT id, external_id FROM leads ORDER BY id').all() as Array<{
      id: number;
      external_id: string;
    }>;
    for (const l of leads) insert.run(l.id, l.external_id, `copied ${l.external_id} `.repeat(8));
    db.exec('ALTER TABLE leads ADD COLUMN probe_flag INTEGER NOT NULL DEFAULT 0');
    db.prepare('UPDATE leads SET probe_flag = 1').run();
  },
};

export const withProbeMigration: readonly Migration[] = [...migrations, probeMigration];
