/** How spend channels match lead sources (the report's cost, a spend import's replacements): trimmed, case-insensitive. */
export function channelKey(channel: string): string {
  return channel.trim().toLowerCase();
}

/** Spend per unit (a lead, an MQL, a won deal), to the cent; null with no units. */
export function costPer(amount: number, units: number): number | null {
  return units > 0 ? Math.round((amount / units) * 100) / 100 : null;
}
