/**
 * How a stored value reads for a rule, in one place for both evaluators: the JavaScript one calls
 * these directly and the SQL one calls them as registered functions (fr_text, fr_num, fr_bool), so
 * the two cannot disagree on folding or number parsing.
 *
 * Raw values are what SQLite hands over (json_extract turns JSON true/false into 1/0) or, in
 * JavaScript, the parsed custom JSON; booleans are mapped to 1/0 first so both sides see the same.
 */

/** Any lone surrogate: SQLite stores it as U+FFFD, so JavaScript must read it the same way. */
const LONE_SURROGATE = /\p{Cs}/gu;

/**
 * Locale-independent case folding: compatibility normalisation, then upper and lower case (so "ß"
 * meets "SS" and "ς" meets "Σ"), trimmed. Never toLocaleLowerCase: a Turkish or Lithuanian
 * machine must give the same answer as any other.
 */
export function fold(text: string): string {
  // Printable ASCII (most CRM values) folds to plain lower case: same result, a fraction of the work.
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase().trim();
  return text.replace(LONE_SURROGATE, '\uFFFD').normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC').trim();
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function unbool(raw: unknown): unknown {
  return raw === true ? 1 : raw === false ? 0 : raw;
}

/** Folded text, or null when the value is absent or blank. */
export function textForm(raw: unknown): string | null {
  const v = unbool(raw);
  if (v === null || v === undefined) return null;
  let s: string;
  if (typeof v === 'string') s = v;
  else if (typeof v === 'number') s = Number.isFinite(v) ? String(v) : '';
  else if (typeof v === 'bigint') s = v.toString();
  else s = JSON.stringify(v);
  const folded = fold(s);
  return folded === '' ? null : folded;
}

/** A plain decimal number ("1200", "-3.5", "1e3"); thousands separators and units are not numbers. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The value as a number, or null when it is absent or not a plain number. */
export function numberForm(raw: unknown): number | null {
  const v = unbool(raw);
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v !== 'string') return null;
  const s = v.trim();
  if (!DECIMAL.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** 1 for true, 0 for false (booleans, 1/0, "true"/"false"), null otherwise. */
export function boolForm(raw: unknown): 1 | 0 | null {
  const n = numberForm(raw);
  if (n === 1 || n === 0) return n;
  const t = textForm(raw);
  if (t === 'true') return 1;
  if (t === 'false') return 0;
  return null;
}
