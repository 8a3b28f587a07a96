import { describe, expect, it } from 'vitest';
import { ruleProblems } from '../../../src/shared/definitions/check';
import type { RuleGroup } from '../../../src/shared/definitions/model';
import {
  CUSTOM,
  fromRule,
  newCondition,
  newGroup,
  operatorsFor,
  pathOf,
  toRule,
  updateNode,
  type DraftCondition,
  type DraftGroup,
} from '../../../src/renderer/screens/definitions/rule-draft';

const V3: RuleGroup = {
  type: 'group',
  combinator: 'and',
  rules: [
    { type: 'condition', field: 'score', operator: 'gte', value: 60 },
    {
      type: 'group',
      combinator: 'or',
      rules: [
        { type: 'condition', field: 'segment', operator: 'in', value: ['Mid-market', 'Enterprise'] },
        {
          type: 'group',
          combinator: 'and',
          rules: [
            { type: 'condition', field: 'segment', operator: 'eq', value: 'SMB' },
            { type: 'condition', field: 'custom.employees', operator: 'gte', value: 200 },
          ],
        },
      ],
    },
    { type: 'condition', field: 'owner', operator: 'exists' },
  ],
};

const condition = (over: Partial<DraftCondition>): DraftGroup => newGroup('and', [{ ...newCondition(), ...over }]);

describe('the rule builder model', () => {
  it('round-trips a nested rule through the editing model', () => {
    const draft = fromRule(V3);
    if (draft.kind !== 'group') throw new Error('group expected');
    expect(toRule(draft)).toEqual(V3);
  });

  it('types values from the field and the operator as the user types them', () => {
    expect(toRule(condition({ field: 'score', operator: 'gte', text: ' 60 ' })).rules[0]).toEqual({
      type: 'condition',
      field: 'score',
      operator: 'gte',
      value: 60,
    });
    expect(toRule(condition({ field: 'segment', operator: 'in', text: 'SMB, Mid-market,, ' })).rules[0]).toMatchObject({
      value: ['SMB', 'Mid-market'],
    });
    expect(
      toRule(condition({ field: CUSTOM, customName: 'tier', operator: 'in', text: '1, 3' })).rules[0],
    ).toMatchObject({ field: 'custom.tier', value: [1, 3] });
    expect(
      toRule(condition({ field: CUSTOM, customName: 'tier', operator: 'in', text: '1, gold' })).rules[0],
    ).toMatchObject({ value: ['1', 'gold'] });
    expect(
      toRule(condition({ field: CUSTOM, customName: 'code', operator: 'contains', text: '42' })).rules[0],
    ).toMatchObject({ value: '42' });
    expect(toRule(condition({ field: 'owner', operator: 'missing', text: 'left over' })).rules[0]).toEqual({
      type: 'condition',
      field: 'owner',
      operator: 'missing',
    });
  });

  it('leaves what cannot be a number as text, for the checker to explain', () => {
    const rule = toRule(condition({ field: 'score', operator: 'gte', text: 'sixty' }));
    expect(ruleProblems(rule)[0]).toMatchObject({ code: 'typeMismatch', path: [0] });
    expect(ruleProblems(toRule(condition({ field: 'score', operator: 'gte', text: '' })))[0]).toMatchObject({
      code: 'typeMismatch',
    });
  });

  it('offers only operators that make sense for the field', () => {
    expect(operatorsFor('score')).not.toContain('contains');
    expect(operatorsFor('segment')).not.toContain('gt');
    expect(operatorsFor(CUSTOM)).toEqual(expect.arrayContaining(['gt', 'contains']));
  });

  it('edits and removes nodes anywhere in the tree, and finds their paths', () => {
    const draft = fromRule(V3);
    if (draft.kind !== 'group') throw new Error('group expected');
    const inner = draft.children[1];
    if (inner?.kind !== 'group') throw new Error('group expected');
    const smb = inner.children[1];
    if (smb?.kind !== 'group') throw new Error('group expected');
    expect(pathOf(draft, smb.children[1]!.id)).toEqual([1, 1, 1]);
    const edited = updateNode(draft, smb.children[1]!.id, (n) => (n.kind === 'condition' ? { ...n, text: '500' } : n));
    expect(JSON.stringify(toRule(edited))).toContain('"value":500');
    const removed = updateNode(draft, inner.id, () => null);
    expect(toRule(removed).rules).toHaveLength(2);
    expect(toRule(draft)).toEqual(V3);
  });
});
