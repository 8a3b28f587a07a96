/**
 * Numbers, dates and sizes in the user's language, all through Intl. Formatters are cached
 * because building one is far slower than using it, and tables format thousands of cells.
 */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>(
  key: string,
  make: () => T,
  guard: (f: unknown) => f is T,
): T {
  const hit = cache.get(key);
  if (guard(hit)) return hit;
  const made = make();
  cache.set(key, made);
  return made;
}

const isNumberFormat = (f: unknown): f is Intl.NumberFormat => f instanceof Intl.NumberFormat;
const isDateFormat = (f: unknown): f is Intl.DateTimeFormat => f instanceof Intl.DateTimeFormat;
const isDisplayNames = (f: unknown): f is Intl.DisplayNames => f instanceof Intl.DisplayNames;

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options), isNumberFormat);
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(`d|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options), isDateFormat);
}

/** 12345 -> "12,345" (en), "12.345" (pt-BR), "12 345" (ru). */
export function formatInteger(locale: string, value: number): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** Fixed decimals, e.g. days shown with one decimal as DESIGN.md asks. */
export function formatDecimal(locale: string, value: number, digits = 1): string {
  return numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A share in [0, 1] as a percentage: 0.345 -> "34.5%". */
export function formatPercent(locale: string, share: number, digits = 1): string {
  return numberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(share);
}

export function formatMoney(locale: string, amount: number, currency: string): string {
  return numberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}

/** Bytes in the largest unit that keeps the number readable: "1.5 MB". */
export function formatBytes(locale: string, bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return numberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** A day, e.g. "Mar 3, 2025", in the given time zone (the workspace's when it is about workspace data). */
export function formatDate(locale: string, epochMs: number, timeZone?: string): string {
  return dateFormat(locale, { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) }).format(epochMs);
}

export function formatDateTime(locale: string, epochMs: number, timeZone?: string): string {
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(
    epochMs,
  );
}

/** "Jan 3 – Dec 28, 2025", collapsing what both ends share. */
export function formatDateRange(locale: string, fromMs: number, toMs: number, timeZone?: string): string {
  const f = dateFormat(locale, { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) });
  return fromMs <= toMs ? f.formatRange(fromMs, toMs) : f.formatRange(toMs, fromMs);
}

/** The zone's current offset, e.g. "GMT+3", for labelling time-zone choices. */
export function formatZoneOffset(locale: string, timeZone: string, atMs: number): string {
  const parts = dateFormat(locale, { timeZone, timeZoneName: 'shortOffset' }).formatToParts(atMs);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

function displayName(locale: string, type: Intl.DisplayNamesType, code: string): string {
  const names = cached(
    `l|${locale}|${type}`,
    () => new Intl.DisplayNames(locale, { type, fallback: 'code' }),
    isDisplayNames,
  );
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * A language's name as a standalone label: "Brazilian Portuguese", "Английский", "Português
 * (Brasil)". Some languages write language names in lower case mid-sentence; a label starts a line.
 */
export function formatLanguageName(locale: string, code: string): string {
  const name = displayName(locale, 'language', code);
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/** "Euro", "евро", "欧元". */
export function formatCurrencyName(locale: string, code: string): string {
  return displayName(locale, 'currency', code);
}
