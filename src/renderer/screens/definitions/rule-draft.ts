import { customName, fieldType, LEAD_FIELDS, CUSTOM_PREFIX } from '../../../shared/definitions/fields';
import type { Rule, RuleCondition, RuleGroup, RuleOperator } from '../../../shared/definitions/model';

/**
 * The rule builder's editing model: what the user typed, kept as text so "6" on the way to "60"
 * or "1,5" mid-edit is never lost, and turned into a Rule (checked by the shared checker) on
 * every change.
 */
export type DraftNode = DraftCondition | DraftGroup;

export interface DraftCondition {
  readonly kind: 'condition';
  readonly id: number;
  /** A lead field, or "custom" with the name in `customName`. */
  readonly field: string;
  readonly customName: string;
  readonly operator: RuleOperator;
  readonly text: string;
}

export interface DraftGroup {
  readonly kind: 'group';
  readonly id: number;
  readonly combinator: 'and' | 'or';
  readonly children: readonly DraftNode[];
}

export const CUSTOM = 'custom';
export const NO_VALUE: ReadonlySet<RuleOperator> = new Set(['exists', 'missing']);
export const LIST: ReadonlySet<RuleOperator> = new Set(['in', 'not_in']);

/** Operators that make sense for a field: no ordering on text, no substring tests on numbers. */
export function operatorsFor(field: string): RuleOperator[] {
  if (field === CUSTOM)
    return ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in', 'contains', 'starts_with', 'exists', 'missing'];
  if (fieldType(field) === 'number')
    return ['gte', 'gt', 'lte', 'lt', 'eq', 'neq', 'in', 'not_in', 'exists', 'missing'];
  return ['eq', 'neq', 'in', 'not_in', 'contains', 'starts_with', 'exists', 'missing'];
}

let nextId = 1;
const id = () => nextId++;

export function newCondition(): DraftCondition {
  return { kind: 'condition', id: id(), field: 'score', customName: '', operator: 'gte', text: '' };
}

export function newGroup(combinator: 'and' | 'or' = 'and', children: readonly DraftNode[] = []): DraftGroup {
  return { kind: 'group', id: id(), combinator, children };
}

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

function valueText(value: RuleCondition['value']): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map(String).join(', ');
  return String(value);
}

export function fromRule(rule: Rule): DraftNode {
  if (rule.type === 'group') return newGroup(rule.combinator, rule.rules.map(fromRule));
  const name = customName(rule.field);
  return {
    kind: 'condition',
    id: id(),
    field: name === null ? rule.field : CUSTOM,
    customName: name ?? '',
    operator: rule.operator,
    text: valueText(rule.value),
  };
}

/** One typed value: numbers where the field or the operator wants them, text otherwise. */
function scalar(text: string, wantsNumber: boolean): string | number {
  const t = text.trim();
  if (wantsNumber && PLAIN_NUMBER.test(t)) return Number(t);
  return t;
}

function toCondition(c: DraftCondition): RuleCondition {
  const field = c.field === CUSTOM ? `${CUSTOM_PREFIX}${c.customName.trim()}` : c.field;
  const type = fieldType(field);
  if (NO_VALUE.has(c.operator)) return { type: 'condition', field, operator: c.operator };
  const ordering = c.operator === 'gt' || c.operator === 'gte' || c.operator === 'lt' || c.operator === 'lte';
  if (LIST.has(c.operator)) {
    const parts = c.text
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    // On a custom field, a list of plain numbers compares numerically; any word makes it text.
    const numeric =
      type === 'number' || (type === 'custom' && parts.length > 0 && parts.every((p) => PLAIN_NUMBER.test(p)));
    return { type: 'condition', field, operator: c.operator, value: parts.map((p) => scalar(p, numeric)) };
  }
  const wantsNumber = type === 'number' || (type === 'custom' && (ordering || PLAIN_NUMBER.test(c.text.trim())));
  return {
    type: 'condition',
    field,
    operator: c.operator,
    value: scalar(c.text, wantsNumber && c.operator !== 'contains' && c.operator !== 'starts_with'),
  };
}

export function toRule(node: DraftGroup): RuleGroup {
  return {
    type: 'group',
    combinator: node.combinator,
    rules: node.children.map((n) => (n.kind === 'group' ? toRule(n) : toCondition(n))),
  };
}

/** Replaces the node with `id` (anywhere in the tree) by what `change` returns; null removes it. */
export function updateNode(
  root: DraftGroup,
  target: number,
  change: (node: DraftNode) => DraftNode | null,
): DraftGroup {
  const walk = (node: DraftNode): DraftNode | null => {
    if (node.id === target) return change(node);
    if (node.kind === 'condition') return node;
    return { ...node, children: node.children.map(walk).filter((n): n is DraftNode => n !== null) };
  };
  const out = walk(root);
  return out && out.kind === 'group' ? out : root;
}

/** The index path of a node, as the shared checker reports problem locations. */
export function pathOf(root: DraftGroup, target: number): number[] | null {
  const walk = (node: DraftGroup, prefix: number[]): number[] | null => {
    for (let i = 0; i < node.children.length; i++) {
      const child = node.children[i]!;
      if (child.id === target) return [...prefix, i];
      if (child.kind === 'group') {
        const found = walk(child, [...prefix, i]);
        if (found) return found;
      }
    }
    return null;
  };
  return root.id === target ? [] : walk(root, []);
}

export const FIELD_CHOICES = [...LEAD_FIELDS, CUSTOM] as const;
