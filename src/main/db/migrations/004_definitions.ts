import type { Migration } from '../migrate';

/**
 * The definitions lifecycle (src/main/definitions):
 * - who rejected or withdrew a revision and why, and when it was proposed;
 * - the freeze trigger of migration 1, widened: the rationale is frozen with the body, and a
 *   proposal made "effective on approval" (no date) gets its date exactly once, when approved;
 * - status changes only along the lifecycle, only with both approvals to an agreed status, and
 *   approvals are written once.
 * The service checks all of this first with clear messages; the triggers are the last line.
 */
export const m004Definitions: Migration = {
  version: 4,
  name: 'definitions',
  up: (db) =>
    db.exec(`
ALTER TABLE definition_revisions ADD COLUMN proposed_at INTEGER;
ALTER TABLE definition_revisions ADD COLUMN decided_by TEXT;
ALTER TABLE definition_revisions ADD COLUMN decision_note TEXT;
UPDATE definition_revisions SET proposed_at = created_at WHERE status <> 'draft';
CREATE INDEX definition_revisions_definition ON definition_revisions(definition_id, version);

DROP TRIGGER definition_revisions_body_frozen;
CREATE TRIGGER definition_revisions_body_frozen
BEFORE UPDATE OF body, definition_id, version, author, created_at, rationale ON definition_revisions
WHEN OLD.status <> 'draft'
  AND (NEW.body IS NOT OLD.body OR NEW.definition_id IS NOT OLD.definition_id OR NEW.version IS NOT OLD.version
       OR NEW.author IS NOT OLD.author OR NEW.created_at IS NOT OLD.created_at OR NEW.rationale IS NOT OLD.rationale)
BEGIN
  SELECT RAISE(ABORT, 'definition revision is immutable once proposed');
END;
CREATE TRIGGER definition_revisions_date_frozen
BEFORE UPDATE OF effective_from ON definition_revisions
WHEN OLD.status <> 'draft' AND NEW.effective_from IS NOT OLD.effective_from
  AND NOT (OLD.status = 'proposed' AND OLD.effective_from IS NULL AND NEW.status IN ('approved', 'effective'))
BEGIN
  SELECT RAISE(ABORT, 'definition revision is immutable once proposed');
END;
CREATE TRIGGER definition_revisions_status_flow
BEFORE UPDATE OF status ON definition_revisions
WHEN NEW.status IS NOT OLD.status AND NOT (
     (OLD.status = 'draft' AND NEW.status IN ('proposed', 'withdrawn'))
  OR (OLD.status = 'proposed' AND NEW.status IN ('approved', 'effective', 'rejected', 'withdrawn'))
  OR (OLD.status = 'approved' AND NEW.status IN ('effective', 'superseded'))
  OR (OLD.status = 'effective' AND NEW.status = 'superseded'))
BEGIN
  SELECT RAISE(ABORT, 'definition revision status cannot change this way');
END;
CREATE TRIGGER definition_revisions_agreed_by_both
BEFORE UPDATE OF status ON definition_revisions
WHEN NEW.status IN ('approved', 'effective', 'superseded')
  AND (NEW.marketing_approved_by IS NULL OR NEW.sales_approved_by IS NULL OR NEW.effective_from IS NULL)
BEGIN
  SELECT RAISE(ABORT, 'a revision is agreed only with both approvals and a date');
END;
CREATE TRIGGER definition_revisions_approvals_once
BEFORE UPDATE OF marketing_approved_by, marketing_approved_at, sales_approved_by, sales_approved_at ON definition_revisions
WHEN (OLD.marketing_approved_by IS NOT NULL AND (NEW.marketing_approved_by IS NOT OLD.marketing_approved_by OR NEW.marketing_approved_at IS NOT OLD.marketing_approved_at))
  OR (OLD.sales_approved_by IS NOT NULL AND (NEW.sales_approved_by IS NOT OLD.sales_approved_by OR NEW.sales_approved_at IS NOT OLD.sales_approved_at))
BEGIN
  SELECT RAISE(ABORT, 'an approval is recorded once');
END;
CREATE TRIGGER definition_revisions_agreed_kept
BEFORE DELETE ON definition_revisions
WHEN OLD.status <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'only drafts can be deleted');
END;
`),
};
