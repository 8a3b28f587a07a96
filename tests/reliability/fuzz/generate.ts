import {
  EDGE_NUMBERS,
  HOSTILE_TEXT,
  INVALID_DATE_STRINGS,
  MEGABYTE_STRING,
  ODD_STRINGS,
  SQL_FRAGMENTS,
  TRAVERSAL,
  WRONG_TYPES,
  deepNesting,
  pollutionPayloads,
} from './hostile-values';
import {
  NO_SAMPLE,
  bounds,
  defOf,
  deleteAt,
  isValid,
  positions,
  sample,
  setAt,
  unwrap,
  type Path,
  type Schema,
} from './schema-walk';

/** One generated input: where the hostile value went and why, for failure messages. */
export interface Candidate {
  readonly input: unknown;
  readonly label: string;
}

/** Hostile values suited to one position, by the type it expects (the final filter is safeParse). */
function valuesFor(s: Schema): unknown[] {
  const inner = unwrap(s);
  const d = defOf(inner);
  const { min, max, int } = bounds(inner);
  switch (d.type) {
    case 'string':
      return [
        ...WRONG_TYPES.filter((v) => typeof v !== 'string'),
        Number.NaN,
        new Date(Number.NaN),
        ...(min !== null && min > 0 ? ['x'.repeat(min - 1)] : []),
        ...(max !== null && max < MEGABYTE_STRING.length ? ['x'.repeat(max + 1)] : []),
        ...SQL_FRAGMENTS.slice(0, 2),
        ...TRAVERSAL.slice(0, 2),
        ...INVALID_DATE_STRINGS,
        '\u0000',
      ];
    case 'number':
      return [
        ...EDGE_NUMBERS,
        null,
        true,
        [],
        {},
        ...(int ? [1.5] : []),
        ...(min !== null ? [min - 1] : []),
        ...(max !== null ? [max + 1] : []),
      ];
    case 'boolean':
      return ['true', 1, 0, null, []];
    case 'enum':
    case 'literal':
      return [...SQL_FRAGMENTS.slice(0, 1), ...TRAVERSAL.slice(0, 1), ...ODD_STRINGS.slice(0, 5), 0, null, true, []];
    case 'array':
      return [
        'x',
        {},
        { length: 1, 0: 'a' },
        null,
        ...(max !== null && max <= 10_000 ? [Array.from({ length: max + 1 }, () => null)] : []),
      ];
    case 'record':
      return ['x', [], null, 1, ...pollutionPayloads()];
    case 'object':
      return ['x', [], null, 1, true];
    case 'union':
      return [...WRONG_TYPES, Number.NaN, ...SQL_FRAGMENTS.slice(0, 1)];
    default:
      return [];
  }
}

function label(path: Path, what: string): string {
  return `${path.length ? path.join('.') : '(input)'} = ${what}`;
}

function describe(v: unknown): string {
  if (typeof v === 'string') return v.length > 40 ? `"${v.slice(0, 20)}…" (${v.length} chars)` : JSON.stringify(v);
  if (v instanceof Date) return `Date(${Number.isNaN(v.getTime()) ? 'invalid' : v.toISOString()})`;
  if (typeof v === 'number') return String(v);
  try {
    const text = JSON.stringify(v);
    return text.length > 40 ? `${text.slice(0, 40)}…` : text;
  } catch {
    return String(v);
  }
}

/**
 * Inputs meant to be invalid for a method's schema: each position of a valid sample replaced by
 * hostile values of the wrong kind, required keys removed, unknown and prototype keys added to
 * every object, and whole inputs that are not objects at all (deep nesting, huge strings, dates).
 * The caller keeps only those its bridge's wire form makes invalid (safeParse), then sends them.
 */
export function invalidCandidates(schema: Schema): { base: unknown; baseValid: boolean; candidates: Candidate[] } {
  const sampled = sample(schema);
  const baseValid = sampled !== NO_SAMPLE;
  const base = baseValid ? sampled : {};
  const out: Candidate[] = [];
  for (const { path, schema: at } of positions(schema, base)) {
    for (const v of valuesFor(at)) out.push({ input: setAt(base, path, v), label: label(path, describe(v)) });
    const inner = unwrap(at);
    if (defOf(inner).type !== 'object') continue;
    const here =
      path.length === 0 ? base : path.reduce<unknown>((node, k) => (node as Record<string | number, unknown>)[k], base);
    if (here === null || typeof here !== 'object') continue;
    out.push({ input: setAt(base, [...path, 'unexpectedKey'], 1), label: label([...path, 'unexpectedKey'], '1') });
    for (const payload of pollutionPayloads()) {
      for (const [k, v] of Object.entries(payload as Record<string, unknown>)) {
        out.push({ input: setAt(base, [...path, k], v), label: label([...path, k], describe(v)) });
      }
    }
    for (const key of Object.keys(here)) {
      if (!isValid(defOf(inner).shape?.[key] ?? inner, undefined)) {
        out.push({ input: deleteAt(base, [...path, key]), label: label([...path, key], '(missing)') });
      }
    }
  }
  for (const v of [
    ...deepNesting(1000),
    MEGABYTE_STRING,
    'x',
    42,
    true,
    [],
    new Date(Number.NaN),
    Number.NaN,
    ...pollutionPayloads(),
  ]) {
    out.push({ input: v, label: label([], describe(v)) });
  }
  return { base, baseValid, candidates: out };
}

/**
 * Valid inputs carrying hostile text: for each hostile string, the sample with that string in as
 * many text positions as the schema accepts it (SQL fragments, traversal, NUL, 1 MB...).
 */
export function hostileValidInputs(schema: Schema): Candidate[] {
  const base = sample(schema);
  if (base === NO_SAMPLE) return [];
  const textPositions = positions(schema, base).filter(({ schema: at }) => defOf(unwrap(at)).type === 'string');
  const out: Candidate[] = [];
  for (const text of HOSTILE_TEXT) {
    let input: unknown = base;
    const used: string[] = [];
    for (const { path } of textPositions) {
      const next = setAt(input, path, text);
      if (isValid(schema, next)) {
        input = next;
        used.push(path.join('.'));
      }
    }
    if (used.length > 0) out.push({ input, label: `${used.join(', ')} = ${describe(text)}` });
  }
  return out;
}
