import type { Rule, RuleCondition, RuleGroup } from './model';

/** One run of a word-level text diff. */
export interface TextChange {
  readonly op: 'same' | 'added' | 'removed';
  readonly text: string;
}

/**
 * Words, spaces and punctuation as separate tokens. Intl.Segmenter splits Chinese into words too,
 * where a split on spaces would turn a whole sentence into one token.
 */
export function tokens(text: string): string[] {
  const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Beyond this many edits the middle of the texts is shown as replaced: a rewrite, not an edit. */
const MAX_EDITS = 4000;

/**
 * Myers' O((N+M)D) shortest edit script over token arrays (as in Coglan's write-up): `trace[d]`
 * keeps the furthest x per diagonal at the start of round d, for walking back. Returns null when
 * the texts differ by more than MAX_EDITS tokens.
 */
function myers(a: readonly string[], b: readonly string[]): Array<'same' | 'added' | 'removed'> | null {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  const down = (vv: Int32Array, k: number, d: number) =>
    k === -d || (k !== d && vv[offset + k - 1]! < vv[offset + k + 1]!);
  for (let d = 0; d <= Math.min(max, MAX_EDITS); d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = down(v, k, d) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m, offset, down);
    }
  }
  return null;
}

function backtrack(
  trace: readonly Int32Array[],
  n: number,
  m: number,
  offset: number,
  down: (v: Int32Array, k: number, d: number) => boolean,
): Array<'same' | 'added' | 'removed'> {
  const ops: Array<'same' | 'added' | 'removed'> = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d]!;
    const k = x - y;
    const prevK = down(v, k, d) ? k + 1 : k - 1;
    const prevX = v[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push('same');
      x--;
      y--;
    }
    if (d > 0) ops.push(x === prevX ? 'added' : 'removed');
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}

function merge(out: TextChange[], op: TextChange['op'], text: string): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last && last.op === op) out[out.length - 1] = { op, text: last.text + text };
  else out.push({ op, text });
}

/** A word-level diff of two texts; joining the `same`+`removed` runs gives `a`, `same`+`added` gives `b`. */
export function diffText(a: string, b: string): TextChange[] {
  const ta = tokens(a);
  const tb = tokens(b);
  let start = 0;
  while (start < ta.length && start < tb.length && ta[start] === tb[start]) start++;
  let endA = ta.length;
  let endB = tb.length;
  while (endA > start && endB > start && ta[endA - 1] === tb[endB - 1]) {
    endA--;
    endB--;
  }
  const out: TextChange[] = [];
  merge(out, 'same', ta.slice(0, start).join(''));
  const midA = ta.slice(start, endA);
  const midB = tb.slice(start, endB);
  const ops = myers(midA, midB);
  if (ops === null) {
    merge(out, 'removed', midA.join(''));
    merge(out, 'added', midB.join(''));
  } else {
    let i = 0;
    let j = 0;
    for (const op of ops) {
      if (op === 'same') {
        merge(out, 'same', midA[i++]!);
        j++;
      } else if (op === 'removed') merge(out, 'removed', midA[i++]!);
      else merge(out, 'added', midB[j++]!);
    }
  }
  merge(out, 'same', ta.slice(endA).join(''));
  return out;
}

/** A rule compared node by node. Conditions pair up by field, groups by position among groups. */
export type RuleDiffNode =
  | {
      readonly type: 'condition';
      readonly status: 'same' | 'changed' | 'added' | 'removed';
      readonly from: RuleCondition | null;
      readonly to: RuleCondition | null;
    }
  | {
      readonly type: 'group';
      readonly status: 'same' | 'changed' | 'added' | 'removed';
      readonly from: 'and' | 'or' | null;
      readonly to: 'and' | 'or' | null;
      readonly children: readonly RuleDiffNode[];
    };

const keyOf = (r: Rule) => (r.type === 'condition' ? `c:${r.field}` : 'g');
const sameRule = (a: Rule, b: Rule) => JSON.stringify(a) === JSON.stringify(b);

/** Longest common subsequence of keys: the pairs (i, j) of children compared with each other. */
function align(a: readonly Rule[], b: readonly Rule[]): Array<[number | null, number | null]> {
  const ka = a.map(keyOf);
  const kb = b.map(keyOf);
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i]![j] = ka[i] === kb[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const pairs: Array<[number | null, number | null]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (ka[i] === kb[j]) pairs.push([i++, j++]);
    else if (table[i + 1]![j]! >= table[i]![j + 1]!) pairs.push([i++, null]);
    else pairs.push([null, j++]);
  }
  while (i < a.length) pairs.push([i++, null]);
  while (j < b.length) pairs.push([null, j++]);
  return pairs;
}

function one(rule: Rule, status: 'added' | 'removed'): RuleDiffNode {
  if (rule.type === 'condition')
    return {
      type: 'condition',
      status,
      from: status === 'removed' ? rule : null,
      to: status === 'added' ? rule : null,
    };
  return {
    type: 'group',
    status,
    from: status === 'removed' ? rule.combinator : null,
    to: status === 'added' ? rule.combinator : null,
    children: rule.rules.map((r) => one(r, status)),
  };
}

function pair(a: Rule, b: Rule): RuleDiffNode {
  if (a.type === 'condition' && b.type === 'condition')
    return { type: 'condition', status: sameRule(a, b) ? 'same' : 'changed', from: a, to: b };
  if (a.type === 'group' && b.type === 'group') {
    const children = align(a.rules, b.rules).map(([i, j]) =>
      i !== null && j !== null
        ? pair(a.rules[i]!, b.rules[j]!)
        : i !== null
          ? one(a.rules[i]!, 'removed')
          : one(b.rules[j ?? 0]!, 'added'),
    );
    const same = a.combinator === b.combinator && children.every((c) => c.status === 'same');
    return { type: 'group', status: same ? 'same' : 'changed', from: a.combinator, to: b.combinator, children };
  }
  throw new Error('diffRule: keys pair only like with like');
}

/** Structural diff of two rules; a missing side (no rule in that version) shows all as added or removed. */
export function diffRule(a: RuleGroup | null, b: RuleGroup | null): RuleDiffNode | null {
  if (a && b) return pair(a, b);
  if (a) return one(a, 'removed');
  if (b) return one(b, 'added');
  return null;
}

/** One changed setting of an SLA, a market answer or a reason: a dotted path and both values. */
export interface FieldChange {
  readonly path: string;
  readonly from: unknown;
  readonly to: unknown;
}

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  out.set(prefix, value);
}

/** Every leaf that differs between two plain objects (arrays compare whole). */
export function diffFields(a: unknown, b: unknown): FieldChange[] {
  const fa = new Map<string, unknown>();
  const fb = new Map<string, unknown>();
  flatten(a, '', fa);
  flatten(b, '', fb);
  const keys = [...new Set([...fa.keys(), ...fb.keys()])].sort();
  return keys
    .filter((k) => JSON.stringify(fa.get(k)) !== JSON.stringify(fb.get(k)))
    .map((k) => ({ path: k, from: fa.get(k) ?? null, to: fb.get(k) ?? null }));
}
