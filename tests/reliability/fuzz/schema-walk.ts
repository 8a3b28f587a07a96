import { z } from 'zod';

/**
 * Reading zod 4 schemas as data: every contract method's input schema is walked to build a valid
 * sample input and to find the positions (object keys, array elements) where hostile values go.
 * Only `_zod.def` is read; `z.safeParse` stays the judge of what is valid.
 */
export type Schema = z.core.$ZodType;
export type Path = ReadonlyArray<string | number>;

interface CheckDef {
  readonly check: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly value?: number | bigint;
  readonly inclusive?: boolean;
  readonly format?: string;
}

/** The fields of the zod definitions this walker understands (others are treated as opaque). */
export interface Def {
  readonly type: string;
  readonly shape?: Readonly<Record<string, Schema>>;
  readonly catchall?: Schema;
  readonly innerType?: Schema;
  readonly element?: Schema;
  readonly options?: readonly Schema[];
  readonly in?: Schema;
  readonly out?: Schema;
  readonly keyType?: Schema;
  readonly valueType?: Schema;
  readonly entries?: Readonly<Record<string, string | number>>;
  readonly values?: readonly unknown[];
  readonly checks?: ReadonlyArray<{ readonly _zod: { readonly def: CheckDef } }>;
  readonly getter?: () => Schema;
  readonly items?: readonly Schema[];
}

export const defOf = (s: Schema): Def => s._zod.def as unknown as Def;

export const isValid = (s: Schema, value: unknown): boolean => z.safeParse(s, value).success;

/** Wrappers that do not change what a position holds: optional, nullable, default, lazy, pipes. */
export function unwrap(s: Schema): Schema {
  let current = s;
  for (let i = 0; i < 20; i++) {
    const d = defOf(current);
    if (
      ['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch'].includes(d.type) &&
      d.innerType
    ) {
      current = d.innerType;
    } else if (d.type === 'lazy' && d.getter) current = d.getter();
    else if (d.type === 'pipe' && d.in) current = d.in;
    else return current;
  }
  return current;
}

/** Numeric bounds of a string's length or a number's value, read from its checks. */
export function bounds(s: Schema): { min: number | null; max: number | null; int: boolean } {
  let min: number | null = null;
  let max: number | null = null;
  let int = false;
  for (const c of defOf(s).checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'min_length' || d.check === 'greater_than') min = Number(d.minimum ?? d.value);
    if (d.check === 'max_length' || d.check === 'less_than') max = Number(d.maximum ?? d.value);
    if (d.check === 'length_equals') min = max = Number(d.value ?? d.minimum);
    if (d.check === 'number_format' && d.format !== undefined && /int/.test(d.format)) int = true;
  }
  return { min, max, int };
}

/** Strings that satisfy most contract fields: paths, dates, weeks, zones, locales, keys, names. */
const STRING_CANDIDATES = [
  'a',
  'Sample name',
  '/tmp/funnel-review-fuzz/none.db',
  '2026-01-05',
  '2026-01-05T09:00:00.000Z',
  '2026-W02',
  'UTC',
  'en',
  'EUR',
  'mql',
  'custom.employees',
  'lead_id',
  'ana@acme.example',
  'correct horse battery staple 42',
  '#2563eb',
  'abcdefghijklmnop',
  '00000000-0000-4000-8000-000000000000',
  '09:00',
];
const NUMBER_CANDIDATES = [1, 0, 2, 5, 10, 100, 2026, 1_767_600_000_000];

export const NO_SAMPLE: unique symbol = Symbol('no sample');
type Sample = unknown;

/**
 * A valid value for `s`, or NO_SAMPLE. Optional fields are filled when they can be, so hostile
 * values can later be put in them too; when a filled object fails a cross-field rule, it is
 * retried with its required fields only.
 */
export function sample(s: Schema, depth = 0): Sample | typeof NO_SAMPLE {
  if (depth > 6) return NO_SAMPLE;
  const d = defOf(s);
  const check = (v: Sample | typeof NO_SAMPLE) => (v !== NO_SAMPLE && isValid(s, v) ? v : NO_SAMPLE);
  switch (d.type) {
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch': {
      const inner = d.innerType ? sample(d.innerType, depth + 1) : NO_SAMPLE;
      return inner !== NO_SAMPLE ? check(inner) : d.type === 'optional' ? undefined : NO_SAMPLE;
    }
    case 'nullable': {
      const inner = d.innerType ? sample(d.innerType, depth + 1) : NO_SAMPLE;
      return inner !== NO_SAMPLE ? inner : null;
    }
    case 'lazy':
      return d.getter ? check(sample(d.getter(), depth + 1)) : NO_SAMPLE;
    case 'pipe':
      return d.in ? check(sample(d.in, depth + 1)) : NO_SAMPLE;
    case 'string': {
      const { min } = bounds(s);
      const padded = min !== null && min > 0 ? ['x'.repeat(min), 'a'.repeat(Math.max(min, 8))] : [];
      return [...STRING_CANDIDATES, ...padded].find((c) => isValid(s, c)) ?? NO_SAMPLE;
    }
    case 'number': {
      const { min, max } = bounds(s);
      const extra = [min, max, min !== null && max !== null ? Math.floor((min + max) / 2) : null].filter(
        (n): n is number => n !== null,
      );
      return [...NUMBER_CANDIDATES, ...extra].find((c) => isValid(s, c)) ?? NO_SAMPLE;
    }
    case 'boolean':
      return false;
    case 'literal':
      return d.values?.[0] ?? NO_SAMPLE;
    case 'enum':
      return d.entries ? (Object.values(d.entries)[0] ?? NO_SAMPLE) : NO_SAMPLE;
    case 'unknown':
    case 'any':
      return {};
    case 'null':
      return null;
    case 'array': {
      const { min } = bounds(s);
      const item = d.element ? sample(d.element, depth + 1) : NO_SAMPLE;
      if (item === NO_SAMPLE) return check(min ? NO_SAMPLE : []);
      const one = Array.from({ length: Math.max(1, min ?? 0) }, () => structuredClone(item));
      return isValid(s, one) ? one : check([]);
    }
    case 'tuple':
      return check((d.items ?? []).map((i) => sample(i, depth + 1)));
    case 'record':
      return check({});
    case 'union': {
      for (const option of d.options ?? []) {
        const v = sample(option, depth + 1);
        if (v !== NO_SAMPLE && isValid(s, v)) return v;
      }
      return NO_SAMPLE;
    }
    case 'object': {
      const full: Record<string, unknown> = {};
      const required: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(d.shape ?? {})) {
        const v = sample(field, depth + 1);
        const optional = isValid(field, undefined);
        if (v === NO_SAMPLE) {
          if (!optional) return NO_SAMPLE;
          continue;
        }
        if (v !== undefined) full[key] = v;
        if (!optional && v !== undefined) required[key] = v;
      }
      if (isValid(s, full)) return full;
      return isValid(s, required) ? required : NO_SAMPLE;
    }
    default:
      return NO_SAMPLE;
  }
}

/** Every position present in `value` with the schema that governs it, the root first. */
export function positions(
  s: Schema,
  value: unknown,
  path: Path = [],
  depth = 0,
): Array<{ path: Path; schema: Schema }> {
  const out: Array<{ path: Path; schema: Schema }> = [{ path, schema: s }];
  if (depth > 8) return out;
  const inner = unwrap(s);
  const d = defOf(inner);
  if (d.type === 'object' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, field] of Object.entries(d.shape ?? {})) {
      if (Object.hasOwn(value, key))
        out.push(...positions(field, (value as Record<string, unknown>)[key], [...path, key], depth + 1));
    }
  } else if (d.type === 'array' && Array.isArray(value) && value.length > 0 && d.element) {
    out.push(...positions(d.element, value[0], [...path, 0], depth + 1));
  } else if (d.type === 'union' && value !== undefined) {
    const option = (d.options ?? []).find((o) => isValid(o, value));
    if (option) out.push(...positions(option, value, path, depth + 1).slice(1));
  }
  return out;
}

/** A copy of `root` with `value` at `path` (the root itself when the path is empty). */
export function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  // defineProperty, so a key such as `__proto__` becomes an own property, as JSON.parse makes it.
  Object.defineProperty(node, path[path.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** A copy of `root` without the key at `path`. */
export function deleteAt(root: unknown, path: Path): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  delete node[path[path.length - 1]!];
  return copy;
}
