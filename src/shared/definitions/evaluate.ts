import { assertRule } from './check';
import { customName, isLeadField, type RuleLead } from './fields';
import { boolForm, fold, numberForm, textForm } from './values';
import type { Rule, RuleCondition, RuleGroup } from './model';

/**
 * Rule semantics, the reference for the SQL compiler (sql.ts) and docs/definitions.md:
 * - A condition on a field the lead lacks (absent, null, blank) is not met, whatever the operator,
 *   except `missing`. So `neq` and `not_in` need a value too.
 * - Text compares case-insensitively after `fold`; numbers compare as numbers.
 * - On a custom field the rule's value decides: a number (or a list of numbers only) compares
 *   numerically and needs a plain number in the lead, text compares as folded text, a boolean
 *   matches true/false, 1/0 and "true"/"false".
 * - A group with no rules states no condition: every lead meets it.
 */

function raw(lead: RuleLead, field: string): unknown {
  if (isLeadField(field)) return lead[field];
  const name = customName(field);
  return name === null || !Object.hasOwn(lead.custom, name) ? null : lead.custom[name];
}

function numeric(c: RuleCondition): boolean {
  const v = c.value;
  if (Array.isArray(v)) return v.every((x) => typeof x === 'number');
  return typeof v === 'number';
}

function condition(c: RuleCondition, lead: RuleLead): boolean {
  const value = raw(lead, c.field);
  const text = textForm(value);
  switch (c.operator) {
    case 'exists':
      return text !== null;
    case 'missing':
      return text === null;
    case 'contains':
      return text !== null && text.includes(fold(String(c.value)));
    case 'starts_with':
      return text !== null && text.startsWith(fold(String(c.value)));
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const n = numberForm(value);
      const v = Number(c.value);
      if (n === null) return false;
      return c.operator === 'gt' ? n > v : c.operator === 'gte' ? n >= v : c.operator === 'lt' ? n < v : n <= v;
    }
    case 'in':
    case 'not_in': {
      const list = Array.isArray(c.value) ? c.value : [];
      let found: boolean;
      if (numeric(c)) {
        const n = numberForm(value);
        if (n === null) return false;
        found = list.some((x) => x === n);
      } else {
        if (text === null) return false;
        found = list.some((x) => fold(String(x)) === text);
      }
      return c.operator === 'in' ? found : !found;
    }
    case 'eq':
    case 'neq': {
      let same: boolean;
      if (typeof c.value === 'boolean') {
        const b = boolForm(value);
        if (b === null) return false;
        same = b === (c.value ? 1 : 0);
      } else if (typeof c.value === 'number') {
        const n = numberForm(value);
        if (n === null) return false;
        same = n === c.value;
      } else {
        if (text === null) return false;
        same = text === fold(String(c.value));
      }
      return c.operator === 'eq' ? same : !same;
    }
  }
}

function evaluate(rule: Rule, lead: RuleLead): boolean {
  if (rule.type === 'condition') return condition(rule, lead);
  if (rule.rules.length === 0) return true;
  return rule.combinator === 'and'
    ? rule.rules.every((r) => evaluate(r, lead))
    : rule.rules.some((r) => evaluate(r, lead));
}

/** Whether the lead meets the rule. Throws a translatable error for an ill-typed rule. */
export function meetsRule(rule: RuleGroup, lead: RuleLead): boolean {
  assertRule(rule);
  return evaluate(rule, lead);
}

/** A compiled-once predicate for many leads (the rule is checked once, up front). */
export function rulePredicate(rule: RuleGroup): (lead: RuleLead) => boolean {
  assertRule(rule);
  return (lead) => evaluate(rule, lead);
}

/**
 * The conditions that kept a lead out, for the "garbage in" drill-down: in an AND group every
 * failed condition counts; an OR group fails as a whole, so all of its failed branches are listed.
 */
export function failedConditions(rule: RuleGroup, lead: RuleLead): RuleCondition[] {
  assertRule(rule);
  const out: RuleCondition[] = [];
  const walk = (r: Rule): void => {
    if (r.type === 'condition') {
      if (!condition(r, lead)) out.push(r);
      return;
    }
    if (evaluate(r, lead)) return;
    for (const child of r.rules) walk(child);
  };
  walk(rule);
  return out;
}
