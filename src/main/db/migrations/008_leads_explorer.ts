import type { Migration } from '../migrate';

/**
 * Indexes for the leads explorer: every column it sorts by and every field its filter pickers
 * count has one, so an unfiltered list of a million leads pages through an index (no sort) and
 * the value counts of a field are an index scan. Migration 1 already indexes created_at, segment,
 * source and owner; external_id is unique.
 */
export const m008LeadsExplorer: Migration = {
  version: 8,
  name: 'leads_explorer',
  up: (db) =>
    db.exec(`
CREATE INDEX leads_campaign ON leads(campaign);
CREATE INDEX leads_country ON leads(country);
CREATE INDEX leads_score ON leads(score);
CREATE INDEX leads_amount ON leads(amount);
CREATE INDEX leads_assigned ON leads(assigned_at);
`),
};
