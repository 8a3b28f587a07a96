import {
  COLUMN_TYPES,
  DEFAULT_COLUMNS,
  LEAD_COLUMNS,
  customColumn,
  customField,
  isLeadColumn,
  isSortable,
  type ColumnId,
} from '../../../shared/leads/columns';

const STORAGE_KEY = 'funnel-review.leads.columns';

/** Width of a column, in rem, by what it holds. */
export function columnWidth(id: ColumnId): number {
  if (id === 'external_id') return 10;
  // The creation day is shown without its time (the timeline has it): a narrower column.
  if (id === 'created_at') return 8.5;
  if (!isLeadColumn(id)) return 9;
  switch (COLUMN_TYPES[id]) {
    case 'instant':
      return 12.5;
    case 'number':
      return 6;
    case 'money':
      return 8.5;
    case 'stage':
      return 9;
    default:
      if (id === 'batch' || id === 'campaign' || id === 'reason') return 11;
      if (id === 'country' || id === 'segment') return 8.5;
      return 9.5;
  }
}

export function isNumeric(id: ColumnId): boolean {
  return isLeadColumn(id) && (COLUMN_TYPES[id] === 'number' || COLUMN_TYPES[id] === 'money');
}

export { isSortable };

/** Every column the user can choose: the native ones, then the workspace's custom fields. */
export function availableColumns(customFields: readonly string[]): ColumnId[] {
  return [...LEAD_COLUMNS, ...customFields.map(customColumn)];
}

/** The chosen columns from storage, dropping ids that no longer exist; the lead id always first. */
export function loadColumns(storage: Pick<Storage, 'getItem'> | null): ColumnId[] {
  let stored: unknown;
  try {
    stored = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null');
  } catch {
    stored = null;
  }
  if (!Array.isArray(stored)) return [...DEFAULT_COLUMNS];
  const ids = stored.filter(
    (id): id is ColumnId => typeof id === 'string' && (isLeadColumn(id) || customField(id) !== null),
  );
  return normalize(ids.length > 0 ? ids : [...DEFAULT_COLUMNS]);
}

export function saveColumns(storage: Pick<Storage, 'setItem'> | null, columns: readonly ColumnId[]): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(columns));
  } catch {
    // Storage full or disabled: the choice lasts for this session only.
  }
}

/** The lead id stays first and shown (rows open from it); no duplicates. */
export function normalize(columns: readonly ColumnId[]): ColumnId[] {
  const rest = columns.filter((c, i) => c !== 'external_id' && columns.indexOf(c) === i);
  return ['external_id', ...rest];
}

/** Shows or hides a column, keeping the order of the full list for new ones. */
export function toggleColumn(columns: readonly ColumnId[], id: ColumnId, all: readonly ColumnId[]): ColumnId[] {
  if (id === 'external_id') return [...columns];
  if (columns.includes(id)) return columns.filter((c) => c !== id);
  const order = (c: ColumnId) => {
    const i = all.indexOf(c);
    return i < 0 ? all.length : i;
  };
  return normalize([...columns, id].sort((a, b) => order(a) - order(b)));
}
