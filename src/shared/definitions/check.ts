import { AppError } from '../errors';
import { fieldType } from './fields';
import { fold } from './values';
import type { Rule, RuleCondition, RuleGroup } from './model';

/** Nesting beyond this is refused: nobody reads such a rule, and SQL has an expression depth limit. */
export const MAX_RULE_DEPTH = 8;

export const RULE_PROBLEMS = [
  'unknownField',
  'valueMissing',
  'valueNotAllowed',
  'listExpected',
  'listNotAllowed',
  'emptyList',
  'typeMismatch',
  'emptyValue',
  'tooDeep',
] as const;
export type RuleProblemCode = (typeof RULE_PROBLEMS)[number];

/** One thing wrong with a rule, where it is (indices from the top group) and what to say. */
export interface RuleProblem {
  readonly code: RuleProblemCode;
  readonly path: readonly number[];
  readonly params: Readonly<Record<string, string | number>>;
}

const NEEDS_NUMBER = new Set(['gt', 'gte', 'lt', 'lte']);
const NEEDS_TEXT = new Set(['contains', 'starts_with']);
const NEEDS_LIST = new Set(['in', 'not_in']);
const NO_VALUE = new Set(['exists', 'missing']);

function show(value: unknown): string {
  return typeof value === 'string' ? `“${value}”` : String(value);
}

function kindOf(value: unknown): 'number' | 'text' | 'boolean' {
  return typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'text';
}

function checkCondition(c: RuleCondition, path: readonly number[], out: RuleProblem[]): void {
  const type = fieldType(c.field);
  const at = (code: RuleProblemCode, params: Record<string, string | number> = {}) =>
    out.push({ code, path, params: { field: c.field, operator: c.operator, ...params } });
  if (type === null) return void at('unknownField');
  const value = c.value;
  if (NO_VALUE.has(c.operator)) {
    if (value !== undefined) at('valueNotAllowed');
    return;
  }
  if (value === undefined) return void at('valueMissing');
  if (NEEDS_LIST.has(c.operator)) {
    if (!Array.isArray(value)) return void at('listExpected', { value: show(value) });
    if (value.length === 0) return void at('emptyList');
    for (const v of value) {
      if (type !== 'custom' && kindOf(v) !== type) return void at('typeMismatch', { value: show(v), expected: type });
      if (typeof v === 'string' && fold(v) === '') return void at('emptyValue');
    }
    return;
  }
  if (Array.isArray(value)) return void at('listNotAllowed');
  const kind = kindOf(value);
  if (NEEDS_NUMBER.has(c.operator)) {
    if (type === 'text' || kind !== 'number') at('typeMismatch', { value: show(value), expected: 'number' });
    return;
  }
  if (NEEDS_TEXT.has(c.operator)) {
    if (type === 'number' || kind !== 'text') return void at('typeMismatch', { value: show(value), expected: 'text' });
    if (fold(String(value)) === '') at('emptyValue');
    return;
  }
  // eq / neq: a known field decides the type; a custom field compares as the value's type.
  if (type !== 'custom' && kind !== type) return void at('typeMismatch', { value: show(value), expected: type });
  if (kind === 'text' && fold(String(value)) === '') at('emptyValue');
}

function walk(rule: Rule, path: readonly number[], depth: number, out: RuleProblem[]): void {
  if (rule.type === 'condition') return checkCondition(rule, path, out);
  if (depth > MAX_RULE_DEPTH) return void out.push({ code: 'tooDeep', path, params: { max: MAX_RULE_DEPTH } });
  rule.rules.forEach((r, i) => walk(r, [...path, i], depth + 1, out));
}

/** Every problem of a rule, in reading order. An empty list means every evaluator accepts it. */
export function ruleProblems(rule: RuleGroup): RuleProblem[] {
  const out: RuleProblem[] = [];
  walk(rule, [], 1, out);
  return out;
}

/** The condition path in words for messages: "2.1" is the first rule of the second rule. */
export function pathText(path: readonly number[]): string {
  return path.length === 0 ? '—' : path.map((i) => i + 1).join('.');
}

/** Throws the first problem as a translatable error (errors.definitions.rule.<code>). */
export function assertRule(rule: RuleGroup): void {
  const first = ruleProblems(rule)[0];
  if (first) throw new AppError(`definitions.rule.${first.code}`, { ...first.params, at: pathText(first.path) });
}
