import { describe, expect, it } from 'vitest';
import { failedConditions, meetsRule } from '../../../src/shared/definitions/evaluate';
import { ruleProblems } from '../../../src/shared/definitions/check';
import { fold, numberForm, textForm } from '../../../src/shared/definitions/values';
import { compileRule } from '../../../src/shared/definitions/sql';
import type { RuleLead } from '../../../src/shared/definitions/fields';
import type { Rule, RuleCondition, RuleGroup, RuleOperator } from '../../../src/shared/definitions/model';
import { AppError } from '../../../src/shared/errors';

const lead = (over: Partial<RuleLead> = {}): RuleLead => ({
  score: 72,
  amount: 15000,
  segment: 'Mid-market',
  source: 'Web form',
  country: 'Brasil',
  owner: 'Ana Ribeiro',
  campaign: null,
  custom: { employees: 250, industry: 'Software', tier: '3', vip: true, note: '' },
  ...over,
});
const c = (field: string, operator: RuleOperator, value?: RuleCondition['value']): RuleCondition =>
  value === undefined ? { type: 'condition', field, operator } : { type: 'condition', field, operator, value };
const all = (...rules: Rule[]): RuleGroup => ({ type: 'group', combinator: 'and', rules });
const any = (...rules: Rule[]): RuleGroup => ({ type: 'group', combinator: 'or', rules });
const meets = (rule: Rule, l: RuleLead = lead()) => meetsRule(rule.type === 'group' ? rule : all(rule), l);

describe('rule evaluation: every operator', () => {
  it.each([
    ['eq on text', c('segment', 'eq', 'mid-market'), true],
    ['eq on text, other value', c('segment', 'eq', 'SMB'), false],
    ['neq on text', c('segment', 'neq', 'SMB'), true],
    ['neq on text, same value in other case', c('segment', 'neq', 'MID-MARKET'), false],
    ['eq on number', c('score', 'eq', 72), true],
    ['neq on number', c('score', 'neq', 72), false],
    ['gt', c('score', 'gt', 71.5), true],
    ['gt at the boundary', c('score', 'gt', 72), false],
    ['gte at the boundary', c('score', 'gte', 72), true],
    ['lt', c('amount', 'lt', 15000.01), true],
    ['lt at the boundary', c('amount', 'lt', 15000), false],
    ['lte at the boundary', c('amount', 'lte', 15000), true],
    ['in (text, any case)', c('segment', 'in', ['Enterprise', 'MID-MARKET']), true],
    ['in, not listed', c('segment', 'in', ['Enterprise', 'SMB']), false],
    ['not_in, not listed', c('segment', 'not_in', ['Enterprise', 'SMB']), true],
    ['not_in, listed', c('segment', 'not_in', ['mid-market']), false],
    ['in (numbers)', c('score', 'in', [50, 72]), true],
    ['contains', c('source', 'contains', 'FORM'), true],
    ['contains, absent', c('source', 'contains', 'paid'), false],
    ['starts_with', c('owner', 'starts_with', 'ana '), true],
    ['starts_with, only inside', c('owner', 'starts_with', 'ribeiro'), false],
    ['exists', c('owner', 'exists'), true],
    ['exists on an empty field', c('campaign', 'exists'), false],
    ['missing on an empty field', c('campaign', 'missing'), true],
    ['missing on a filled field', c('score', 'missing'), false],
  ] as const)('%s', (_name, rule, expected) => {
    expect(meets(rule)).toBe(expected);
  });
});

describe('custom fields', () => {
  it('compare numerically with a number, as text with text, and as true/false with a boolean', () => {
    expect(meets(c('custom.employees', 'gte', 200))).toBe(true);
    expect(meets(c('custom.tier', 'gt', 2))).toBe(true); // "3" is a plain number
    expect(meets(c('custom.tier', 'eq', '3'))).toBe(true);
    expect(meets(c('custom.employees', 'eq', '250'))).toBe(true); // 250 read as text "250"
    expect(meets(c('custom.industry', 'in', ['software', 'retail']))).toBe(true);
    expect(meets(c('custom.vip', 'eq', true))).toBe(true);
    expect(meets(c('custom.vip', 'eq', false))).toBe(false);
    expect(meets(c('custom.vip', 'eq', true), lead({ custom: { vip: 'TRUE' } }))).toBe(true);
    expect(meets(c('custom.vip', 'eq', true), lead({ custom: { vip: 1 } }))).toBe(true);
    expect(meets(c('custom.vip', 'eq', true), lead({ custom: { vip: 'yes please' } }))).toBe(false);
  });

  it('does not read "1,200" or "250 people" as numbers', () => {
    expect(numberForm('1,200')).toBeNull();
    expect(numberForm('250 people')).toBeNull();
    expect(numberForm(' -3.5e2 ')).toBe(-350);
    expect(meets(c('custom.employees', 'gte', 200), lead({ custom: { employees: '1,200' } }))).toBe(false);
  });

  it('lists of numbers only compare numerically, mixed lists as text', () => {
    expect(meets(c('custom.tier', 'in', [1, 3]))).toBe(true);
    expect(meets(c('custom.tier', 'in', [3, 'gold']), lead({ custom: { tier: '3.0' } }))).toBe(false);
    expect(meets(c('custom.tier', 'in', [3]), lead({ custom: { tier: '3.0' } }))).toBe(true);
  });
});

describe('missing fields', () => {
  const empty = lead({ segment: null, score: null, custom: { note: '   ' } });
  it.each([
    ['eq', c('segment', 'eq', 'SMB')],
    ['neq', c('segment', 'neq', 'SMB')],
    ['in', c('segment', 'in', ['SMB'])],
    ['not_in', c('segment', 'not_in', ['SMB'])],
    ['gt', c('score', 'gt', 0)],
    ['lte', c('score', 'lte', 100)],
    ['contains', c('segment', 'contains', 'a')],
    ['starts_with', c('segment', 'starts_with', 'a')],
    ['exists', c('segment', 'exists')],
    ['custom absent', c('custom.nothing', 'eq', 'x')],
    ['custom blank', c('custom.note', 'exists')],
  ] as const)('%s is not met on a missing value', (_name, rule) => {
    expect(meets(rule, empty)).toBe(false);
  });

  it('missing is met on absent, null and blank values', () => {
    expect(meets(c('segment', 'missing'), empty)).toBe(true);
    expect(meets(c('custom.nothing', 'missing'), empty)).toBe(true);
    expect(meets(c('custom.note', 'missing'), empty)).toBe(true);
  });
});

describe('groups', () => {
  it('nests AND and OR groups', () => {
    const v3 = all(
      c('score', 'gte', 60),
      any(c('segment', 'in', ['Mid-market', 'Enterprise']), all(c('segment', 'eq', 'SMB'), c('score', 'gte', 80))),
    );
    expect(meetsRule(v3, lead())).toBe(true);
    expect(meetsRule(v3, lead({ segment: 'SMB' }))).toBe(false);
    expect(meetsRule(v3, lead({ segment: 'SMB', score: 85 }))).toBe(true);
    expect(meetsRule(v3, lead({ segment: 'SMB', score: 59 }))).toBe(false);
    expect(meetsRule(v3, lead({ segment: 'Enterprise', score: 59 }))).toBe(false);
  });

  it('treats an empty group as stating no condition', () => {
    expect(meetsRule(all(), lead())).toBe(true);
    expect(meetsRule(any(), lead())).toBe(true);
    expect(meetsRule(all(any(), c('score', 'gt', 100)), lead())).toBe(false);
  });

  it('lists the conditions a lead failed', () => {
    const rule = all(
      c('score', 'gte', 60),
      c('segment', 'in', ['Enterprise']),
      any(c('country', 'eq', 'Chile'), c('owner', 'missing')),
    );
    const failed = failedConditions(rule, lead({ score: 40 }));
    expect(failed.map((f) => f.field)).toEqual(['score', 'segment', 'country', 'owner']);
    expect(failedConditions(rule, lead({ segment: 'Enterprise', country: 'chile' }))).toEqual([]);
  });
});

describe('type mismatches are clear errors', () => {
  const problem = (rule: RuleGroup) => ruleProblems(rule)[0];
  it.each([
    [all(c('score', 'eq', 'sixty')), 'typeMismatch', { field: 'score', expected: 'number', value: '“sixty”' }],
    [all(c('segment', 'gt', 5)), 'typeMismatch', { field: 'segment', expected: 'number' }],
    [all(c('segment', 'in', ['SMB', 5])), 'typeMismatch', { value: '5', expected: 'text' }],
    [all(c('score', 'contains', '6')), 'typeMismatch', { expected: 'text' }],
    [all(c('custom.employees', 'gte', '200')), 'typeMismatch', { expected: 'number' }],
    [all(c('custom.vip', 'contains', true)), 'typeMismatch', { expected: 'text' }],
    [all(c('segment', 'eq', true)), 'typeMismatch', { expected: 'text' }],
    [all(c('segment', 'in', 'SMB')), 'listExpected', {}],
    [all(c('segment', 'eq', ['SMB'])), 'listNotAllowed', {}],
    [all(c('segment', 'in', [])), 'emptyList', {}],
    [all(c('segment', 'eq')), 'valueMissing', {}],
    [all(c('segment', 'exists', 'x')), 'valueNotAllowed', {}],
    [all(c('segment', 'contains', '  ')), 'emptyValue', {}],
    [all(c('employees', 'gt', 3)), 'unknownField', { field: 'employees' }],
    [all(any(c('score', 'gt', 1), c('segment', 'lt', 'b'))), 'typeMismatch', { field: 'segment' }],
  ] as const)('%j -> %s', (rule, code, params) => {
    const p = problem(rule);
    expect(p?.code).toBe(code);
    expect(p?.params).toMatchObject(params);
  });

  it('says where the problem is, and evaluation and compilation refuse the rule', () => {
    const rule = all(c('score', 'gt', 1), any(c('segment', 'eq', 'SMB'), c('amount', 'starts_with', '1')));
    expect(ruleProblems(rule)[0]?.path).toEqual([1, 1]);
    const attempt = () => meetsRule(rule, lead());
    expect(attempt).toThrow(AppError);
    try {
      attempt();
    } catch (e) {
      expect((e as AppError).code).toBe('definitions.rule.typeMismatch');
      expect((e as AppError).params).toMatchObject({ field: 'amount', operator: 'starts_with', at: '2.2' });
    }
    expect(() => compileRule(rule)).toThrow(AppError);
  });

  it('refuses nesting deeper than eight groups', () => {
    let rule: RuleGroup = all(c('score', 'gt', 1));
    for (let i = 0; i < 8; i++) rule = all(rule);
    expect(ruleProblems(rule)[0]?.code).toBe('tooDeep');
  });
});

describe('unicode values', () => {
  it('compares case-insensitively by folding, whatever the machine locale', () => {
    expect(fold('STRASSE')).toBe(fold('straße'));
    expect(fold('ΟΔΟΣ')).toBe(fold('οδος'));
    expect(fold('Ｍｉｄ－ｍａｒｋｅｔ')).toBe(fold('mid-market'));
    expect(fold('İSTANBUL')).toBe(fold('i̇stanbul'));
    expect(meets(c('country', 'eq', 'MÉXICO'), lead({ country: 'México' }))).toBe(true);
    expect(meets(c('owner', 'starts_with', 'михаил'), lead({ owner: 'Михаил Соколов' }))).toBe(true);
    expect(meets(c('custom.industry', 'contains', '软件'), lead({ custom: { industry: '企业软件' } }))).toBe(true);
    expect(meets(c('segment', 'in', ['中型企业']), lead({ segment: '中型企业' }))).toBe(true);
  });

  it('keeps accents: Mexico and México are different words', () => {
    expect(meets(c('country', 'eq', 'Mexico'), lead({ country: 'México' }))).toBe(false);
  });

  it('reads lone surrogates the way SQLite stores them', () => {
    expect(textForm('a\ud800b')).toBe('a\ufffdb');
  });
});

describe('SQL compilation', () => {
  it('binds every value and custom path as a parameter, and qualifies allow-listed columns only', () => {
    const nasty = "x'); DROP TABLE leads; --";
    const rule = all(c('segment', 'eq', nasty), c('custom.industry', 'in', [nasty, 'b']), c('score', 'gte', 60));
    const sql = compileRule(rule, { alias: 'l', prefix: 'p' });
    expect(sql.sql).not.toContain('DROP');
    expect(sql.sql).not.toContain("'");
    expect(sql.sql).toContain('l.segment');
    expect(sql.sql).toContain('json_extract(l.custom, @p1)');
    expect(sql.params).toMatchObject({ p0: fold(nasty), p1: '$."industry"', p2: fold(nasty), p3: 'b', p4: 60 });
    expect(() => compileRule(rule, { alias: 'l; DROP' })).toThrow();
  });
});
