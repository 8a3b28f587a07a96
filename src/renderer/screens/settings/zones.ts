/**
 * IANA zones this browser knows, grouped by region for the picker. "UTC" is added because some
 * engines list only geographic zones, and the workspace default is UTC.
 */
export function timeZoneGroups(current: string): { region: string; zones: string[] }[] {
  const all = new Set(Intl.supportedValuesOf('timeZone'));
  all.add('UTC');
  all.add(current);
  const groups = new Map<string, string[]>();
  for (const zone of [...all].sort()) {
    const region = zone.includes('/') ? zone.slice(0, zone.indexOf('/')) : '';
    const list = groups.get(region) ?? [];
    list.push(zone);
    groups.set(region, list);
  }
  return [...groups.entries()].map(([region, zones]) => ({ region, zones }));
}

/** ISO 4217 codes this browser can name, plus the current one if it somehow is not among them. */
export function currencyCodes(current: string): string[] {
  const all = new Set(Intl.supportedValuesOf('currency'));
  all.add(current);
  return [...all].sort();
}
