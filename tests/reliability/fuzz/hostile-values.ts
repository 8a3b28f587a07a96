/**
 * The hostile values the fuzzer puts everywhere: wrong types, edge numbers (NaN and Infinity become
 * `null` in JSON, so the HTTP bridge sees that instead), invalid dates, prototype-pollution
 * payloads, SQL fragments, path traversal, huge strings and deep nesting.
 */

export const MEGABYTE_STRING = 'A'.repeat(1024 * 1024);

/** Marker a successful pollution would leave on every object. */
export const POLLUTION_MARKER = 'fuzzPolluted';

/** Objects whose own keys try to reach Object.prototype (as JSON.parse builds them: own properties). */
export function pollutionPayloads(): unknown[] {
  return [
    JSON.parse(`{"__proto__": {"${POLLUTION_MARKER}": "yes"}}`),
    JSON.parse(`{"constructor": {"prototype": {"${POLLUTION_MARKER}": "yes"}}}`),
    JSON.parse(`{"prototype": {"${POLLUTION_MARKER}": "yes"}}`),
    JSON.parse(`{"a": {"__proto__": {"${POLLUTION_MARKER}": "yes"}}}`),
  ];
}

/** Arrays nested `depth` levels, and objects nested as deep: parsers and validators must not recurse into a crash. */
export function deepNesting(depth: number): unknown[] {
  let array: unknown = [];
  let object: unknown = {};
  for (let i = 0; i < depth; i++) {
    array = [array];
    object = { a: object };
  }
  return [array, object];
}

export const SQL_FRAGMENTS = [
  "'; DROP TABLE leads; --",
  "1' OR '1'='1",
  '1; DELETE FROM stage_events',
  "x') UNION SELECT sql FROM sqlite_master --",
  "%' AND 1=1 --",
  "ATTACH DATABASE '/tmp/fuzz.db' AS pwn; --",
];

export const TRAVERSAL = [
  '../../../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '/etc/passwd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '....//....//etc/passwd',
  '/proc/self/environ',
];

export const INVALID_DATE_STRINGS = [
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '2026-01-05T25:61:61Z',
  'not a date',
  '2026-W54',
];

export const ODD_STRINGS = [
  '',
  '\u0000',
  '__proto__',
  'constructor',
  'prototype',
  '=HYPERLINK("http://evil.example","x")',
  '\uD800',
  '\u202Egnp.exe',
  ' '.repeat(3),
];

/** Values of the wrong type for any position. */
export const WRONG_TYPES: unknown[] = [null, true, 0, -1, 1.5, 'x', [], {}, [[[]]]];

export const EDGE_NUMBERS: unknown[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  1e308,
  Number.MIN_VALUE,
  '1',
  '',
  new Date(Number.NaN),
  new Date(0),
];

/** Strings that are valid free text for many fields yet try to break what handles them next. */
export const HOSTILE_TEXT = [...SQL_FRAGMENTS, ...TRAVERSAL, ...ODD_STRINGS.filter((s) => s !== ''), MEGABYTE_STRING];
