import type { Db } from '../db/driver';

export interface PresetRow {
  readonly name: string;
  readonly mapping: string;
  readonly created_by: string;
  readonly created_at: number;
  readonly updated_at: number;
}

/** Mapping presets a team saved in its workspace. */
export class PresetRepository {
  private readonly listStmt;
  private readonly getStmt;
  private readonly saveStmt;
  private readonly deleteStmt;

  constructor(db: Db) {
    this.listStmt = db.prepare<[], PresetRow>(
      'SELECT name, mapping, created_by, created_at, updated_at FROM import_presets ORDER BY name COLLATE NOCASE',
    );
    this.getStmt = db.prepare<[string], PresetRow>(
      'SELECT name, mapping, created_by, created_at, updated_at FROM import_presets WHERE name = ?',
    );
    this.saveStmt = db.prepare(
      `INSERT INTO import_presets (name, mapping, created_by, created_at, updated_at) VALUES (@name, @mapping, @by, @at, @at)
       ON CONFLICT (name) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`,
    );
    this.deleteStmt = db.prepare<[string]>('DELETE FROM import_presets WHERE name = ?');
  }

  list(): PresetRow[] {
    return this.listStmt.all();
  }

  get(name: string): PresetRow | undefined {
    return this.getStmt.get(name);
  }

  save(name: string, mapping: string, by: string, at: number): void {
    this.saveStmt.run({ name, mapping, by, at });
  }

  /** True when a preset was deleted. */
  delete(name: string): boolean {
    return this.deleteStmt.run(name).changes > 0;
  }
}
