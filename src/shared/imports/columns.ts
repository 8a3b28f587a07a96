import { normalizeLabel } from './text';

/**
 * The index of a mapped column in a file's headers: exact text first, then ignoring case and
 * surrounding spaces, then ignoring accents and punctuation (a mapping saved from one export still
 * fits the next one after a CRM renamed "Create date" to "Create Date"). -1 when absent.
 */
export function findColumn(headers: readonly string[], column: string): number {
  const exact = headers.indexOf(column);
  if (exact >= 0) return exact;
  const lower = column.trim().toLowerCase();
  const loose = headers.findIndex((h) => h.trim().toLowerCase() === lower);
  if (loose >= 0) return loose;
  const n = normalizeLabel(column);
  return n === '' ? -1 : headers.findIndex((h) => normalizeLabel(h) === n);
}
