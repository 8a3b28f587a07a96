/**
 * Numbers as people and CRMs write them: `1234.56`, `1,234.56`, `1.234,56`, `1 234,56` (with
 * ordinary, no-break or narrow no-break spaces), `1'234.56`, negatives as `-5`, `−5` or `(5)`, a
 * trailing `%`, and currency symbols or ISO codes before or after, which become the currency.
 */

export type DecimalSeparator = '.' | ',';

export interface ParsedNumber {
  readonly value: number;
  /** ISO 4217 code found in the cell, or null. */
  readonly currency: string | null;
}

const PLAIN = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * Symbols, longest first so `R$` wins over `$`. `$` alone is the workspace currency when that is a
 * dollar-like one, otherwise USD; `¥` is CNY (our Chinese users), JPY needs the code.
 */
const SYMBOLS: ReadonlyArray<readonly [string, string]> = [
  ['US$', 'USD'],
  ['R$', 'BRL'],
  ['MX$', 'MXN'],
  ['CA$', 'CAD'],
  ['C$', 'CAD'],
  ['A$', 'AUD'],
  ['руб.', 'RUB'],
  ['руб', 'RUB'],
  ['р.', 'RUB'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['₽', 'RUB'],
  ['¥', 'CNY'],
  ['￥', 'CNY'],
  ['元', 'CNY'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['zł', 'PLN'],
  ['kr', 'SEK'],
  ['$', '$'],
];
const DOLLAR_CURRENCIES = new Set(['USD', 'MXN', 'CAD', 'AUD', 'ARS', 'CLP', 'COP', 'NZD', 'SGD', 'HKD', 'UYU']);
const ISO_CODE = /^[A-Z]{3}$/;
const SPACES = /[\s\u00a0\u202f\u2009']/g;

function stripCurrency(text: string, dollar: string): { rest: string; currency: string | null } {
  let s = text;
  let currency: string | null = null;
  for (let pass = 0; pass < 2; pass++) {
    const head = /^([A-Z]{3})[\s\u00a0]*(?=[\d(\-−+.,])/.exec(s);
    const tail = /(?<=[\d).])[\s\u00a0]*([A-Z]{3})$/.exec(s);
    if (head && ISO_CODE.test(head[1]!)) {
      currency ??= head[1]!;
      s = s.slice(head[0].length).trim();
      continue;
    }
    if (tail && ISO_CODE.test(tail[1]!)) {
      currency ??= tail[1]!;
      s = s.slice(0, s.length - tail[0].length).trim();
      continue;
    }
    const found = SYMBOLS.find(([sym]) => s.startsWith(sym) || s.endsWith(sym) || s.startsWith(`-${sym}`));
    if (!found) break;
    const [sym, code] = found;
    currency ??= code === '$' ? dollar : code;
    if (s.startsWith(`-${sym}`)) s = `-${s.slice(sym.length + 1)}`;
    else if (s.startsWith(sym)) s = s.slice(sym.length);
    else s = s.slice(0, s.length - sym.length);
    s = s.trim();
  }
  return { rest: s, currency };
}

/**
 * Parses one cell with the given decimal separator; null when it is not a number.
 * `workspaceCurrency` settles what a bare `$` means.
 */
export function parseNumber(text: string, decimal: DecimalSeparator, workspaceCurrency = 'USD'): ParsedNumber | null {
  if (PLAIN.test(text)) return { value: Number(text), currency: null };
  const dollar = DOLLAR_CURRENCIES.has(workspaceCurrency) ? workspaceCurrency : 'USD';
  const outer = stripCurrency(text.trim(), dollar);
  let s = outer.rest;
  let currency = outer.currency;
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    // Accounting negatives: `(1,234.00)` or `($1,234.00)`.
    negative = true;
    const inner = stripCurrency(s.slice(1, -1).trim(), dollar);
    s = inner.rest;
    currency ??= inner.currency;
  }
  if (s.startsWith('-') || s.startsWith('−')) {
    negative = !negative;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) s = s.slice(1).trim();
  if (s.endsWith('%')) s = s.slice(0, -1).trim();
  const compact = s.replace(SPACES, '');
  if (compact !== s && !/^\d{1,3}(?:[\s\u00a0\u202f\u2009']\d{3})+(?:[.,]\d+)?$/.test(s)) return null;
  const group = decimal === '.' ? ',' : '.';
  let digits = compact;
  if (digits.includes(group)) {
    const groupPattern = decimal === '.' ? /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/ : /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
    if (!groupPattern.test(digits)) return null;
    digits = digits.split(group).join('');
  }
  if (decimal === ',') digits = digits.replace(',', '.');
  if (!/^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(digits)) return null;
  const value = Number(digits);
  if (!Number.isFinite(value)) return null;
  return { value: negative ? -value : value, currency };
}

export interface DecimalInference {
  readonly decimal: DecimalSeparator | null;
  /** A value that shows it, e.g. `1.234,56` or `12,5` for a comma. */
  readonly example: string | null;
}

/** Decides a column's decimal separator from its values; null when none tells (e.g. all integers). */
export function inferDecimal(values: Iterable<string>): DecimalInference {
  let comma: string | null = null;
  let dot: string | null = null;
  let commaVotes = 0;
  let dotVotes = 0;
  for (const raw of values) {
    const v = raw.replace(/[^\d.,]/g, '');
    const lastComma = v.lastIndexOf(',');
    const lastDot = v.lastIndexOf('.');
    if (lastComma >= 0 && lastDot >= 0) {
      if (lastComma > lastDot) {
        commaVotes++;
        comma ??= raw;
      } else {
        dotVotes++;
        dot ??= raw;
      }
    } else if (lastComma >= 0) {
      // `1,234` may be a thousand with grouping; `12,5` or `1234,56` can only be a decimal comma.
      if (!/^\d{1,3}(?:,\d{3})+$/.test(v)) {
        commaVotes++;
        comma ??= raw;
      }
    } else if (lastDot >= 0) {
      if (!/^\d{1,3}(?:\.\d{3})+$/.test(v)) {
        dotVotes++;
        dot ??= raw;
      }
    }
  }
  if (commaVotes === 0 && dotVotes === 0) return { decimal: null, example: null };
  return commaVotes > dotVotes ? { decimal: ',', example: comma } : { decimal: '.', example: dot };
}

/** An ISO 4217 code from a currency cell (`usd`, `R$`, `€`); null when it is not one. */
export function currencyCode(text: string, workspaceCurrency = 'USD'): string | null {
  const t = text.trim();
  if (/^[A-Za-z]{3}$/.test(t)) return t.toUpperCase();
  const found = SYMBOLS.find(([sym]) => sym === t);
  if (!found) return null;
  return found[1] === '$' ? (DOLLAR_CURRENCIES.has(workspaceCurrency) ? workspaceCurrency : 'USD') : found[1];
}
