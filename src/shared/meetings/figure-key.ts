import type { FigureRef } from '../metrics/types';

/**
 * A figure reference as a stable string, to store and find frozen drill-downs: the same figure
 * always gives the same key whatever the order of its fields. An absent `owner` (every owner) and
 * `owner: null` (leads without an owner) stay distinct.
 */
export function figureKey(figure: FigureRef): string {
  const entries = Object.entries(figure)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(Object.fromEntries(entries));
}
