import type { TFunction } from 'i18next';
import type { Rule, RuleCondition } from '../definitions/model';
import type { Locale } from '../domain/types';

const KNOWN_FIELDS = new Set(['score', 'segment', 'source', 'country', 'owner', 'campaign', 'amount']);

function fieldName(field: string, t: TFunction): string {
  if (field.startsWith('custom.')) return t('documents.rule.customField', { name: field.slice(7) });
  return KNOWN_FIELDS.has(field) ? t(`documents.rule.field.${field}`) : field;
}

function valueText(value: RuleCondition['value'], t: TFunction, locale: Locale): string {
  if (value === undefined) return '';
  // "is one of A or B": a list value always means alternatives, for `in` and `not_in` alike.
  if (Array.isArray(value))
    return new Intl.ListFormat(locale, { style: 'long', type: 'disjunction' }).format(
      value.map((v) => valueText(v, t, locale)),
    );
  if (typeof value === 'number') return new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(value);
  if (typeof value === 'boolean') return t(value ? 'documents.rule.true' : 'documents.rule.false');
  return t('documents.rule.quoted', { value });
}

/**
 * A machine-checkable rule in words, e.g. "Score ≥ 60 and Segment is one of “Mid-market”, “Enterprise”".
 * Nested groups are parenthesised so "and" and "or" never read ambiguously.
 */
export function ruleText(rule: Rule, t: TFunction, locale: Locale, nested = false): string {
  if (rule.type === 'condition') {
    return t(`documents.rule.op.${rule.operator}`, {
      field: fieldName(rule.field, t),
      value: valueText(rule.value, t, locale),
    });
  }
  if (rule.rules.length === 0) return t('documents.rule.always');
  const joined = rule.rules
    .map((r) => ruleText(r, t, locale, true))
    .join(` ${t(`documents.rule.${rule.combinator}`)} `);
  return nested && rule.rules.length > 1 ? `(${joined})` : joined;
}
