import type { Migration } from '../migrate';

/** A condition true when the meeting `id` has ended (its records are history). */
const ended = (id: string) => `(SELECT status FROM meetings WHERE id = ${id}) = 'ended'`;

/**
 * Meetings: frozen drill-downs beside the snapshot, ratings, definition reviews, and triggers that
 * make history immutable whatever code writes. The meetings service checks first and answers with
 * a clear error; these triggers are the backstop.
 *
 * - A snapshot and its drill-downs are never updated or deleted.
 * - An ended meeting and its decisions, action items, ratings and reviews never change, except a
 *   decision's status, which a later meeting may set (superseded, revoked) and records.
 * - Only planned meetings can be deleted.
 */
export const m005Meetings: Migration = {
  version: 5,
  name: 'meetings',
  up: (db) =>
    db.exec(`
-- The leads behind each frozen figure, as they were when the meeting started. Figures with more
-- leads than the service stores keep only their total (drill-downs then read the data as of then).
CREATE TABLE snapshot_drills (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
  figure TEXT NOT NULL,                     -- canonical figure key (figureKey)
  total INTEGER NOT NULL CHECK (total >= 0),
  complete INTEGER NOT NULL CHECK (complete IN (0, 1)),
  leads TEXT NOT NULL,                      -- JSON DrillLead[], empty unless complete
  PRIMARY KEY (snapshot_id, figure)
) WITHOUT ROWID, STRICT;

CREATE TABLE meeting_ratings (
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  attendee TEXT NOT NULL CHECK (length(attendee) BETWEEN 1 AND 120),
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 10),
  rated_at INTEGER NOT NULL,
  PRIMARY KEY (meeting_id, attendee)
) STRICT;

CREATE TABLE meeting_revision_reviews (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  revision_id INTEGER NOT NULL REFERENCES definition_revisions(id),
  outcome TEXT NOT NULL CHECK (outcome IN ('approve', 'reject', 'defer')),
  marketing_lead TEXT NOT NULL CHECK (length(marketing_lead) BETWEEN 1 AND 120),
  sales_lead TEXT NOT NULL CHECK (length(sales_lead) BETWEEN 1 AND 120),
  note TEXT NOT NULL DEFAULT '',
  decided_at INTEGER NOT NULL
) STRICT;
CREATE INDEX meeting_revision_reviews_meeting ON meeting_revision_reviews(meeting_id);

ALTER TABLE decisions ADD COLUMN status_meeting_id INTEGER REFERENCES meetings(id);
ALTER TABLE decisions ADD COLUMN status_changed_at INTEGER;

-- One review per ISO week; the carry-over chain is followed by carried_from_id.
CREATE UNIQUE INDEX meetings_week ON meetings(week_start);
CREATE INDEX action_items_carried_from ON action_items(carried_from_id);

CREATE TRIGGER snapshots_immutable_update BEFORE UPDATE ON snapshots
BEGIN SELECT RAISE(ABORT, 'meeting snapshots are immutable'); END;
CREATE TRIGGER snapshots_immutable_delete BEFORE DELETE ON snapshots
BEGIN SELECT RAISE(ABORT, 'meeting snapshots are immutable'); END;
CREATE TRIGGER snapshot_drills_immutable_update BEFORE UPDATE ON snapshot_drills
BEGIN SELECT RAISE(ABORT, 'meeting snapshots are immutable'); END;
CREATE TRIGGER snapshot_drills_immutable_delete BEFORE DELETE ON snapshot_drills
BEGIN SELECT RAISE(ABORT, 'meeting snapshots are immutable'); END;

CREATE TRIGGER meetings_ended_frozen BEFORE UPDATE ON meetings WHEN OLD.status = 'ended'
BEGIN SELECT RAISE(ABORT, 'an ended meeting is read-only'); END;
CREATE TRIGGER meetings_delete_planned_only BEFORE DELETE ON meetings WHEN OLD.status <> 'planned'
BEGIN SELECT RAISE(ABORT, 'only planned meetings can be deleted'); END;

CREATE TRIGGER decisions_ended_insert BEFORE INSERT ON decisions WHEN ${ended('NEW.meeting_id')}
BEGIN SELECT RAISE(ABORT, 'an ended meeting is read-only'); END;
CREATE TRIGGER decisions_ended_update BEFORE UPDATE OF meeting_id, text, link, created_at ON decisions WHEN ${ended('OLD.meeting_id')}
BEGIN SELECT RAISE(ABORT, 'an ended meeting is read-only'); END;
CREATE TRIGGER decisions_ended_delete BEFORE DELETE ON decisions WHEN ${ended('OLD.meeting_id')}
BEGIN SELECT RAISE(ABORT, 'an ended meeting is read-only'); END;

CREATE TRIGGER action_items_ended_insert BEFORE INSERT ON action_items WHEN ${ended('NEW.meeting_id')}
BEGIN SELECT RAISE(ABORT, 'an ended meeting is read-only'); END;
CREATE TRIGGER action_items_ended_update BEFORE UPDATE ON action_items WHEN ${ended('OLD.meeting_id')}
BEGIN SELECT RAISE(ABORT, 'an ended meeting is read-only'); END;
CREATE TRIGGER action_items_ended_delete BEFORE DELETE ON action_items WHEN ${ended('OLD.meeting_id')}
BEGIN SELECT RAISE(ABORT, 'an ended meeting is read-only'); END;

CREATE TRIGGER meeting_ratings_ended_insert BEFORE INSERT ON meeting_ratings WHEN ${ended('NEW.meeting_id')}
BEGIN SELECT RAISE(ABORT, 'an ended meeting is read-only'); END;
CREATE TRIGGER meeting_ratings_ended_update BEFORE UPDATE ON meeting_ratings WHEN ${ended('OLD.meeting_id')}
BEGIN SELECT RAISE(ABORT, 'an ended meeting is read-only'); END;
CREATE TRIGGER meeting_ratings_ended_delete BEFORE DELETE ON meeting_ratings WHEN ${ended('OLD.meeting_id')}
BEGIN SELECT RAISE(ABORT, 'an ended meeting is read-only'); END;

CREATE TRIGGER meeting_revision_reviews_ended_insert BEFORE INSERT ON meeting_revision_reviews WHEN ${ended('NEW.meeting_id')}
BEGIN SELECT RAISE(ABORT, 'an ended meeting is read-only'); END;
CREATE TRIGGER meeting_revision_reviews_ended_update BEFORE UPDATE ON meeting_revision_reviews WHEN ${ended('OLD.meeting_id')}
BEGIN SELECT RAISE(ABORT, 'an ended meeting is read-only'); END;
CREATE TRIGGER meeting_revision_reviews_ended_delete BEFORE DELETE ON meeting_revision_reviews WHEN ${ended('OLD.meeting_id')}
BEGIN SELECT RAISE(ABORT, 'an ended meeting is read-only'); END;
`),
};
