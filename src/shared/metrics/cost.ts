import { FILTER_FIELDS, type Filters } from './types';

/** How spend channels match lead sources (the report's cost, a spend import's replacements): trimmed, case-insensitive. */
export function channelKey(channel: string): string {
  return channel.trim().toLowerCase();
}

/** Spend per unit (a lead, an MQL, a won deal), to the cent; null with no units. */
export function costPer(amount: number, units: number): number | null {
  return units > 0 ? Math.round((amount / units) * 100) / 100 : null;
}

/** Spend is known by channel only: under a filter on anything but the source, cost cannot be attributed. */
export function costAttributable(filters: Filters): boolean {
  return (
    !FILTER_FIELDS.some((f) => f !== 'source' && filters[f]?.length) && Object.keys(filters.custom ?? {}).length === 0
  );
}
