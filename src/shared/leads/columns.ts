/**
 * The columns of the leads explorer and of its export, decided once for the list query (main),
 * the table (renderer) and the file headers. Custom CRM fields are columns too, as `custom.<name>`.
 */

export const LEAD_COLUMNS = [
  'external_id',
  'created_at',
  'stage',
  'stage_at',
  'source',
  'campaign',
  'segment',
  'country',
  'owner',
  'score',
  'amount',
  'assigned_at',
  'first_touch_at',
  'reason',
  'batch',
] as const;
export type LeadColumn = (typeof LEAD_COLUMNS)[number];

/** How a value is shown and written: text, a number, an instant, an amount in the lead's currency. */
export type ColumnType = 'text' | 'number' | 'instant' | 'money' | 'stage';

export const COLUMN_TYPES: Readonly<Record<LeadColumn, ColumnType>> = {
  external_id: 'text',
  created_at: 'instant',
  stage: 'stage',
  stage_at: 'instant',
  source: 'text',
  campaign: 'text',
  segment: 'text',
  country: 'text',
  owner: 'text',
  score: 'number',
  amount: 'money',
  assigned_at: 'instant',
  first_touch_at: 'instant',
  reason: 'text',
  batch: 'text',
};

/**
 * Columns the list can be ordered by: each has an index (migrations 1 and 8), so an unfiltered
 * list pages through the index instead of sorting a million rows.
 */
export const SORTABLE_COLUMNS = [
  'external_id',
  'created_at',
  'source',
  'campaign',
  'segment',
  'country',
  'owner',
  'score',
  'amount',
  'assigned_at',
] as const satisfies readonly LeadColumn[];
export type SortColumn = (typeof SORTABLE_COLUMNS)[number];

export function isSortable(column: string): column is SortColumn {
  return (SORTABLE_COLUMNS as readonly string[]).includes(column);
}

/** The columns shown before the user chooses. */
export const DEFAULT_COLUMNS: readonly LeadColumn[] = [
  'external_id',
  'created_at',
  'stage',
  'source',
  'segment',
  'owner',
  'country',
  'first_touch_at',
];

export const CUSTOM_COLUMN_PREFIX = 'custom.';

/** A column id: a native column or `custom.<field name>`. */
export type ColumnId = LeadColumn | `custom.${string}`;

export function isLeadColumn(id: string): id is LeadColumn {
  return (LEAD_COLUMNS as readonly string[]).includes(id);
}

export function customColumn(name: string): ColumnId {
  return `${CUSTOM_COLUMN_PREFIX}${name}`;
}

/** The custom field behind a column id, or null for a native column. */
export function customField(id: string): string | null {
  return id.startsWith(CUSTOM_COLUMN_PREFIX) ? id.slice(CUSTOM_COLUMN_PREFIX.length) : null;
}
