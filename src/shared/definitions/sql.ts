import { assertRule } from './check';
import { customName, isLeadField, RULE_FIELDS } from './fields';
import { fold } from './values';
import type { Rule, RuleCondition, RuleGroup } from './model';

/** SQL functions the connection must provide (registered in src/main/definitions/sql-functions.ts). */
export const RULE_SQL_FUNCTIONS = { text: 'fr_text', num: 'fr_num', bool: 'fr_bool' } as const;

/** A WHERE fragment over the `leads` table and its named parameters. */
export interface RuleSql {
  readonly sql: string;
  readonly params: Record<string, string | number>;
}

const IDENT = /^[a-z][a-z0-9_]{0,30}$/;

/** `fold` of a value, and `numberForm`: through the registered functions, so SQL reads values exactly as JS does. */
const textOf = (value: string) => `${RULE_SQL_FUNCTIONS.text}(${value})`;
const numOf = (value: string) => `${RULE_SQL_FUNCTIONS.num}(${value})`;

/**
 * Compiles a rule to a parameterised SQL expression that is 1 for leads meeting it and 0 otherwise
 * (never NULL: the top is always a group), with exactly the semantics of evaluate.ts. Safety: every value and every custom
 * field path is a bound parameter; column names come only from RULE_FIELDS; `alias` and `prefix`
 * are checked identifiers. `alias` qualifies the columns (e.g. "l" for `leads l`).
 */
export function compileRule(rule: RuleGroup, options: { alias?: string; prefix?: string } = {}): RuleSql {
  assertRule(rule);
  const alias = options.alias ?? '';
  const prefix = options.prefix ?? 'rule';
  if ((alias && !IDENT.test(alias)) || !IDENT.test(prefix))
    throw new Error(`compileRule: bad identifier ${alias}/${prefix}`);
  const column = (name: string) => (alias ? `${alias}.${name}` : name);
  const params: Record<string, string | number> = {};
  let n = 0;
  const bind = (value: string | number): string => {
    const name = `${prefix}${n++}`;
    params[name] = value;
    return `@${name}`;
  };

  const forms = (field: string) => {
    if (isLeadField(field)) {
      const col = column(field);
      return RULE_FIELDS[field] === 'number'
        ? { text: col, num: col, bool: `${RULE_SQL_FUNCTIONS.bool}(${col})` }
        : { text: textOf(col), num: numOf(col), bool: `${RULE_SQL_FUNCTIONS.bool}(${col})` };
    }
    const name = customName(field);
    // assertRule has refused anything else; the check keeps this function safe on its own.
    if (name === null) throw new Error(`compileRule: field ${field} is not allowed`);
    const raw = `json_extract(${column('custom')}, ${bind(`$."${name}"`)})`;
    return { text: textOf(raw), num: numOf(raw), bool: `${RULE_SQL_FUNCTIONS.bool}(${raw})` };
  };

  const condition = (c: RuleCondition): string => {
    const f = forms(c.field);
    const v = c.value;
    switch (c.operator) {
      case 'exists':
        return `(${f.text} IS NOT NULL)`;
      case 'missing':
        return `(${f.text} IS NULL)`;
      case 'contains':
        return `instr(${f.text}, ${bind(fold(String(v)))}) > 0`;
      case 'starts_with':
        return `instr(${f.text}, ${bind(fold(String(v)))}) = 1`;
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte': {
        const op = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[c.operator];
        return `${f.num} ${op} ${bind(Number(v))}`;
      }
      case 'in':
      case 'not_in': {
        const list = Array.isArray(v) ? v : [];
        const numeric = list.every((x) => typeof x === 'number');
        const names = list.map((x) => bind(numeric ? Number(x) : fold(String(x))));
        const op = c.operator === 'in' ? 'IN' : 'NOT IN';
        return `${numeric ? f.num : f.text} ${op} (${names.join(', ')})`;
      }
      case 'eq':
      case 'neq': {
        const op = c.operator === 'eq' ? '=' : '<>';
        if (typeof v === 'boolean') return `${f.bool} ${op} ${v ? 1 : 0}`;
        if (typeof v === 'number') return `${f.num} ${op} ${bind(v)}`;
        return `${f.text} ${op} ${bind(fold(String(v)))}`;
      }
    }
  };

  // Groups are CASE expressions, not AND/OR: SQLite evaluates both sides of AND in a result
  // column, while CASE stops at the first deciding condition (measured: half the time on 1M leads).
  // A condition that is NULL (a missing value) counts as not met, so every group is 0 or 1.
  const walk = (r: Rule): string => {
    if (r.type === 'condition') return condition(r);
    if (r.rules.length === 0) return '1';
    if (r.combinator === 'or') return `CASE ${r.rules.map((x) => `WHEN ${walk(x)} THEN 1`).join(' ')} ELSE 0 END`;
    return `CASE ${r.rules.map((x) => `WHEN NOT coalesce(${walk(x)}, 0) THEN 0`).join(' ')} ELSE 1 END`;
  };
  return { sql: walk(rule), params };
}
