import type { Migration } from '../migrate';

/**
 * SLA documents and who signed which version of them. A document is one rendered agreement (its
 * terms frozen as JSON); each signature produces a new version of the file, identified by its hash,
 * so "which version did the sales lead countersign" has an answer.
 */
export const m006Documents: Migration = {
  version: 6,
  name: 'documents',
  up: (db) =>
    db.exec(`
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL UNIQUE,         -- printed on every page, e.g. SLA-2027-7K3M9QX2
  kind TEXT NOT NULL DEFAULT 'sla' CHECK (kind IN ('sla')),
  locale TEXT NOT NULL,
  period_from TEXT NOT NULL,                -- YYYY-MM-DD
  period_to TEXT NOT NULL,
  terms TEXT NOT NULL,                      -- JSON: the embedded sla-terms.json, byte for byte
  terms_sha256 TEXT NOT NULL,
  revision_ids TEXT NOT NULL DEFAULT '[]',  -- JSON: definition_revisions.id the terms were composed from
  file_sha256 TEXT NOT NULL,                -- the unsigned PDF as rendered
  file_size INTEGER NOT NULL,
  created_by TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE document_signatures (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  party TEXT NOT NULL CHECK (party IN ('marketing', 'sales')),
  sequence INTEGER NOT NULL CHECK (sequence >= 1),   -- 1 = first signature in the file
  signer_name TEXT NOT NULL,
  signer_role TEXT NOT NULL DEFAULT '',
  signer_email TEXT NOT NULL DEFAULT '',
  certificate_sha256 TEXT NOT NULL,
  signed_at INTEGER NOT NULL,
  signed_file_sha256 TEXT NOT NULL,                  -- the version this signature produced
  signed_file_size INTEGER NOT NULL,
  previous_file_sha256 TEXT NOT NULL,                -- the version that was signed
  created_at INTEGER NOT NULL,
  UNIQUE (document_id, signed_file_sha256)
) STRICT;
CREATE INDEX document_signatures_document ON document_signatures(document_id);
`),
};
