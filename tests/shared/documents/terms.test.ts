import { describe, expect, it } from 'vitest';
import { canonicalJson, compareDefinitions, type DefinitionInForce } from '../../../src/shared/documents/terms';
import { ruleText } from '../../../src/shared/documents/rule-text';
import { createI18n } from '../../../src/shared/i18n';
import type { RuleGroup } from '../../../src/shared/definitions/model';

const def = (key: string, version: number, text: string): DefinitionInForce => ({
  kind: 'stage_criteria',
  key,
  title: key,
  stageKey: key,
  revisionId: version,
  version,
  effectiveFrom: 0,
  approvedBy: { marketing: 'A', sales: 'B' },
  body: { text, rule: { type: 'group', combinator: 'and', rules: [] } },
});

describe('canonicalJson', () => {
  it('gives the same text whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"e":1,"f":2}]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });
});

describe('compareDefinitions', () => {
  it('tells same, changed, added and removed apart, by body rather than by revision number', () => {
    const signed = [def('mql', 2, 'score >= 60'), def('sal', 1, 'accepted'), def('sql', 1, 'qualified')];
    const current = [def('mql', 3, 'score >= 60'), def('sal', 2, 'accepted within a day'), def('won', 1, 'paid')];
    expect(compareDefinitions(signed, current)).toEqual([
      { key: 'mql', kind: 'stage_criteria', status: 'same', signedVersion: 2, currentVersion: 3 },
      { key: 'sal', kind: 'stage_criteria', status: 'changed', signedVersion: 1, currentVersion: 2 },
      { key: 'sql', kind: 'stage_criteria', status: 'removed', signedVersion: 1, currentVersion: null },
      { key: 'won', kind: 'stage_criteria', status: 'added', signedVersion: null, currentVersion: 1 },
    ]);
  });
});

describe('ruleText', () => {
  const rule: RuleGroup = {
    type: 'group',
    combinator: 'and',
    rules: [
      { type: 'condition', field: 'score', operator: 'gte', value: 60 },
      {
        type: 'group',
        combinator: 'or',
        rules: [
          { type: 'condition', field: 'segment', operator: 'in', value: ['Mid-market', 'Enterprise'] },
          { type: 'condition', field: 'custom.employees', operator: 'exists' },
        ],
      },
    ],
  };

  it('reads a nested rule in words, with groups in parentheses', () => {
    expect(ruleText(rule, createI18n('en').t, 'en')).toBe(
      'Score ≥ 60 and (Segment is one of “Mid-market” or “Enterprise” or employees (custom field) is filled in)',
    );
  });

  it('reads it in Russian and Chinese', () => {
    expect(ruleText(rule, createI18n('ru').t, 'ru')).toBe(
      'Скоринг ≥ 60 и (Сегмент — одно из: «Mid-market» или «Enterprise» или employees (своё поле) заполнено)',
    );
    expect(ruleText(rule, createI18n('zh-CN').t, 'zh-CN')).toContain('评分 ≥ 60 且 (细分市场属于');
  });
});
