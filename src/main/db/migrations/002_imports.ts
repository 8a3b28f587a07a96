import type { Migration } from '../migrate';

/**
 * Undo and history for lead imports. `import_changes` keeps, for every lead that existed before a
 * batch and that the batch touched, the lead's row as it was (JSON of its columns) when the batch
 * changed it, or NULL when the batch only matched it without a change. Undo restores those rows
 * and deletes what the batch added; a later batch with an entry for the same lead depends on it.
 */
export const m002Imports: Migration = {
  version: 2,
  name: 'imports',
  up: (db) =>
    db.exec(`
ALTER TABLE import_batches ADD COLUMN files TEXT NOT NULL DEFAULT '[]';          -- JSON [{name, sha256, sizeBytes, rows}]
ALTER TABLE import_batches ADD COLUMN on_invalid TEXT NOT NULL DEFAULT 'reject' CHECK (on_invalid IN ('reject', 'skipInvalid'));
ALTER TABLE import_batches ADD COLUMN issue_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE import_batches ADD COLUMN duration_ms INTEGER;
ALTER TABLE import_batches ADD COLUMN undone_at INTEGER;
ALTER TABLE import_batches ADD COLUMN undone_by TEXT;

CREATE TABLE import_changes (
  batch_id INTEGER NOT NULL REFERENCES import_batches(id),
  lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
  previous TEXT,                            -- JSON of the lead's columns before the batch changed them; NULL: matched, unchanged
  PRIMARY KEY (batch_id, lead_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX import_changes_lead ON import_changes(lead_id, batch_id);

-- Undo deletes what a batch inserted; these keep that (and the dependency check) from scanning.
CREATE INDEX leads_batch ON leads(batch_id);
CREATE INDEX touches_batch ON touches(batch_id);

-- Saved mapping presets (built-in presets live in the code).
CREATE TABLE import_presets (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 120),
  mapping TEXT NOT NULL,                    -- JSON, validated by the mapping schema on every read
  created_by TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
`),
};
