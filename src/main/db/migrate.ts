import type { Db } from './driver';
import { AppError } from '../../shared/errors';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: Db) => void;
}

/** Marks a file as a Funnel Review workspace ('FRVW'), so other SQLite files are refused. */
export const APPLICATION_ID = 0x46525657;

export function checkMigrationList(migrations: readonly Migration[]): void {
  let previous = 0;
  for (const m of migrations) {
    if (!Number.isInteger(m.version) || m.version <= previous) {
      throw new Error(`Migrations out of order at ${m.version} (${m.name})`);
    }
    previous = m.version;
  }
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

interface AppliedRow {
  version: number;
  name: string;
}

/**
 * Applies pending migrations, each in its own transaction, and records them. Refuses a file whose
 * recorded migrations are not a prefix of ours (edited, reordered or from a divergent build).
 */
export function migrate(db: Db, migrations: readonly Migration[]): number[] {
  checkMigrationList(migrations);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT`);
  const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as AppliedRow[];
  applied.forEach((row, i) => {
    const known = migrations[i];
    if (!known || known.version !== row.version || known.name !== row.name) {
      throw new AppError('workspace.unknownMigration', { version: row.version, name: row.name });
    }
  });
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const done: number[] = [];
  for (const m of migrations.slice(applied.length)) {
    db.transaction(() => {
      m.up(db);
      record.run(m.version, m.name, Date.now());
      db.pragma(`user_version = ${m.version}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    })();
    done.push(m.version);
  }
  return done;
}
