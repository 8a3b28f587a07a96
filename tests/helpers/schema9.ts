import type { Db } from '../../src/main/db/driver';

/** Puts a current workspace back as schema 9 left it: migration 10's index gone, and not recorded. */
export function asSchema9(db: Db): void {
  db.exec('DROP INDEX metric_events_first; DELETE FROM schema_migrations WHERE version = 10; PRAGMA user_version = 9;');
}
