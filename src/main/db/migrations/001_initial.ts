import type { Migration } from '../migrate';

/** Shipped in 0.1.0. Never edit: add a new numbered migration instead. */
export const m001Initial: Migration = {
  version: 1,
  name: 'initial',
  up: (db) =>
    db.exec(`
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL                       -- JSON
) STRICT;

CREATE TABLE stages (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE CHECK (key GLOB '[a-z]*' AND length(key) <= 40),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('funnel', 'won', 'lost', 'recycled', 'disqualified')),
  labels TEXT NOT NULL,                     -- JSON {locale: label}
  allowed_age_days REAL CHECK (allowed_age_days IS NULL OR allowed_age_days > 0)
) STRICT;

CREATE TABLE import_batches (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  file_hash TEXT NOT NULL,
  preset TEXT,
  mapping TEXT NOT NULL DEFAULT '{}',       -- JSON
  counts TEXT NOT NULL DEFAULT '{}',        -- JSON
  errors TEXT NOT NULL DEFAULT '[]',        -- JSON
  status TEXT NOT NULL DEFAULT 'applied' CHECK (status IN ('applied', 'undone')),
  created_by TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE leads (
  id INTEGER PRIMARY KEY,
  external_id TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,              -- epoch ms, UTC
  source TEXT,
  campaign TEXT,
  segment TEXT,
  country TEXT,
  owner TEXT,
  score REAL,
  amount REAL,
  currency TEXT,
  assigned_at INTEGER,                      -- assignment to the current owner
  outcome_reason_code TEXT,
  outcome_reason_text TEXT,
  custom TEXT NOT NULL DEFAULT '{}',        -- JSON object of custom fields
  batch_id INTEGER REFERENCES import_batches(id),
  updated_batch_id INTEGER REFERENCES import_batches(id)
) STRICT;
CREATE INDEX leads_created ON leads(created_at);
CREATE INDEX leads_segment ON leads(segment);
CREATE INDEX leads_source ON leads(source);
CREATE INDEX leads_owner ON leads(owner);

-- The stage history: the source of truth for every metric. Every entry is kept (moves back, recycling).
CREATE TABLE stage_events (
  id INTEGER PRIMARY KEY,
  lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
  stage_id INTEGER NOT NULL REFERENCES stages(id),
  entered_at INTEGER NOT NULL,
  reason_code TEXT,                         -- loss / rejection / recycle reason from the taxonomy
  reason_text TEXT,                         -- the CRM's free text, kept beside the code
  batch_id INTEGER REFERENCES import_batches(id),
  UNIQUE (lead_id, stage_id, entered_at)
) STRICT;
CREATE INDEX stage_events_stage_time ON stage_events(stage_id, entered_at);
CREATE INDEX stage_events_batch ON stage_events(batch_id);

-- Sales contacts with a lead; the first one stops the follow-up SLA clock.
CREATE TABLE touches (
  id INTEGER PRIMARY KEY,
  lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
  touched_at INTEGER NOT NULL,
  channel TEXT,
  batch_id INTEGER REFERENCES import_batches(id),
  UNIQUE (lead_id, touched_at)
) STRICT;

CREATE TABLE reasons (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('win', 'loss', 'rejection', 'recycle')),
  code TEXT NOT NULL,
  labels TEXT NOT NULL,                     -- JSON {locale: label}
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  UNIQUE (kind, code)
) STRICT;

CREATE TABLE definitions (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('market', 'icp', 'stage_criteria', 'sla_terms', 'reason_taxonomy')),
  key TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  stage_key TEXT,                           -- for stage criteria: the stage it qualifies
  created_at INTEGER NOT NULL
) STRICT;

-- Immutable versions: a revision's body never changes once proposed (enforced by the service and
-- the trigger below); a change is a new revision.
CREATE TABLE definition_revisions (
  id INTEGER PRIMARY KEY,
  definition_id INTEGER NOT NULL REFERENCES definitions(id),
  version INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'proposed', 'approved', 'effective', 'superseded', 'rejected', 'withdrawn')),
  effective_from INTEGER,                   -- epoch ms
  rationale TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL,
  body TEXT NOT NULL,                       -- JSON: text, rule, terms, taxonomy...
  created_at INTEGER NOT NULL,
  marketing_approved_by TEXT,
  marketing_approved_at INTEGER,
  sales_approved_by TEXT,
  sales_approved_at INTEGER,
  decided_at INTEGER,
  UNIQUE (definition_id, version)
) STRICT;
CREATE TRIGGER definition_revisions_body_frozen
BEFORE UPDATE OF body, definition_id, version, author, created_at, effective_from ON definition_revisions
WHEN OLD.status <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'definition revision is immutable once proposed');
END;

CREATE TABLE meetings (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  week_start TEXT NOT NULL,                 -- YYYY-MM-DD, Monday of the reviewed week
  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'ended')),
  started_at INTEGER,
  ended_at INTEGER,
  attendees TEXT NOT NULL DEFAULT '[]',     -- JSON [{name, role}]
  agenda TEXT NOT NULL DEFAULT '[]',        -- JSON steps with time budgets and reached flags
  notes TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
) STRICT;

-- Every figure a meeting showed, frozen when it started; never rewritten by later imports.
CREATE TABLE snapshots (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL UNIQUE REFERENCES meetings(id),
  taken_at INTEGER NOT NULL,
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  figures TEXT NOT NULL,                    -- JSON
  definition_revisions TEXT NOT NULL DEFAULT '[]',
  batches TEXT NOT NULL DEFAULT '[]'
) STRICT;

CREATE TABLE decisions (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  text TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'in_force' CHECK (status IN ('in_force', 'superseded', 'revoked')),
  link TEXT,                                -- JSON: the figure or lead that prompted it
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE action_items (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  text TEXT NOT NULL,
  owner TEXT NOT NULL,
  due_date TEXT,                            -- YYYY-MM-DD
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'not_done', 'carried')),
  link TEXT,
  carried_from_id INTEGER REFERENCES action_items(id),
  created_at INTEGER NOT NULL,
  closed_at INTEGER
) STRICT;
CREATE INDEX action_items_meeting ON action_items(meeting_id);
CREATE INDEX decisions_meeting ON decisions(meeting_id);
`),
};
