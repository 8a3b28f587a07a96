import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileRule } from '../../../src/shared/definitions/sql';
import { meetsRule } from '../../../src/shared/definitions/evaluate';
import { ruleProblems } from '../../../src/shared/definitions/check';
import { RULE_OPERATORS, type Rule, type RuleCondition, type RuleGroup } from '../../../src/shared/definitions/model';
import type { RuleLead } from '../../../src/shared/definitions/fields';
import { registerRuleFunctions } from '../../../src/main/definitions/sql-functions';
import { RulesRepository } from '../../../src/main/definitions/rules-repository';
import { insertRuleLeads, readRuleLeads, tempWorkspace } from './fixture';

/**
 * The JavaScript evaluator and the SQL compiler must agree on every lead and every rule: the
 * live count and the compliance figure (SQL) and the drill-down explanations (JS) describe the
 * same leads. Values lean on the hard cases: case and width variants, ß/SS, accents, CJK,
 * blanks, numeric strings, booleans, boundaries.
 */
const TEXTS = [
  'SMB',
  'smb',
  'Mid-market',
  'ＭＩＤ－ＭＡＲＫＥＴ',
  'Enterprise',
  'Straße',
  'STRASSE',
  'México',
  'Mexico',
  '中型企业',
  'Михаил',
  'МИХАИЛ',
  ' spaced ',
  '',
  '   ',
  'a\ud800b',
  '60',
  '60.0',
  '1,200',
  'true',
  'FALSE',
  'ana ribeiro',
];
const NUMBERS = [0, -1, 49.999, 50, 59.5, 60, 60.0001, 80, 1200, 15000, 1e21];
/** Phrases of pool words, so one generated value is often a prefix or a part of another. */
const phrase = fc
  .array(fc.constantFrom(...TEXTS.filter((w) => w.trim() !== '')), { minLength: 1, maxLength: 3 })
  .map((ws) => ws.join(' '));
const text = fc.oneof(
  fc.constantFrom(...TEXTS),
  phrase,
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);
const number = fc.oneof(
  fc.constantFrom(...NUMBERS),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 4 });
const customValue = fc.oneof(text, number, fc.boolean(), fc.constant(null));

const leadArb: fc.Arbitrary<RuleLead> = fc.record({
  score: maybe(number),
  amount: maybe(number),
  segment: maybe(text),
  source: maybe(text),
  country: maybe(text),
  owner: maybe(text),
  campaign: maybe(text),
  custom: fc.dictionary(fc.constantFrom('employees', 'industry', 'vip', 'tier', 'Ключ', '行业'), customValue, {
    maxKeys: 4,
  }),
});

const FIELDS = [
  'score',
  'amount',
  'segment',
  'source',
  'country',
  'owner',
  'campaign',
  'custom.employees',
  'custom.industry',
  'custom.vip',
  'custom.tier',
  'custom.Ключ',
  'custom.行业',
  'custom.absent',
];
const value = fc.oneof(
  text.filter((s) => s.trim() !== ''),
  number,
  fc.boolean(),
  fc.array(
    fc.oneof(
      text.filter((s) => s.trim() !== ''),
      number,
    ),
    { minLength: 1, maxLength: 4 },
  ),
);
/** Conditions of every operator; ill-typed ones are dropped (the checker has its own tests). */
const conditionArb: fc.Arbitrary<RuleCondition> = fc
  .record({ field: fc.constantFrom(...FIELDS), operator: fc.constantFrom(...RULE_OPERATORS), value })
  .map(({ field, operator, value: v }): RuleCondition =>
    operator === 'exists' || operator === 'missing'
      ? { type: 'condition', field, operator }
      : { type: 'condition', field, operator, value: v },
  )
  .filter((c) => ruleProblems({ type: 'group', combinator: 'and', rules: [c] }).length === 0);
const { group: ruleArb } = fc.letrec<{ group: RuleGroup; node: Rule }>((tie) => ({
  group: fc.record({
    type: fc.constant('group' as const),
    combinator: fc.constantFrom('and' as const, 'or' as const),
    rules: fc.array(tie('node'), { maxLength: 4 }),
  }),
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, conditionArb, tie('group')),
}));

let t: ReturnType<typeof tempWorkspace>;
let leads: Array<RuleLead & { id: number }>;

beforeAll(() => {
  t = tempWorkspace('agreement');
  insertRuleLeads(t.ws, fc.sample(leadArb, { numRuns: 400, seed: 20261126 }));
  leads = readRuleLeads(t.ws);
  registerRuleFunctions(t.ws.db);
});
afterAll(() => t.cleanup());

function sqlIds(rule: RuleGroup): number[] {
  const sql = compileRule(rule, { alias: 'l', prefix: 'p' });
  return (
    t.ws.db.prepare(`SELECT l.id FROM leads l WHERE ${sql.sql} ORDER BY l.id`).all(sql.params) as Array<{ id: number }>
  ).map((r) => r.id);
}

describe('JavaScript and SQL evaluation agree', () => {
  it('on generated rules over generated leads (fast-check)', () => {
    fc.assert(
      fc.property(ruleArb, (rule) => {
        const js = leads.filter((l) => meetsRule(rule, l)).map((l) => l.id);
        expect(sqlIds(rule)).toEqual(js);
      }),
      { numRuns: 600, seed: 42 },
    );
  });

  it('with the expression always 0 or 1, never NULL', () => {
    fc.assert(
      fc.property(ruleArb, (rule) => {
        const sql = compileRule(rule, { alias: 'l', prefix: 'p' });
        const values = t.ws.db.prepare(`SELECT DISTINCT ${sql.sql} AS v FROM leads l`).all(sql.params) as Array<{
          v: number | null;
        }>;
        for (const v of values) expect([0, 1]).toContain(v.v);
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it('and the live count equals the number of leads JavaScript accepts', () => {
    const rules = t.ws.repo(RulesRepository);
    fc.assert(
      fc.property(ruleArb, (rule) => {
        const count = rules.countAll(compileRule(rule, { alias: 'l', prefix: 'rule' }));
        expect(count).toEqual({ total: leads.length, matching: leads.filter((l) => meetsRule(rule, l)).length });
      }),
      { numRuns: 100, seed: 99 },
    );
  });
});
