import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffFields, diffRule, diffText, type TextChange } from '../../../src/shared/definitions/diff';
import type { RuleGroup } from '../../../src/shared/definitions/model';

const side = (changes: readonly TextChange[], keep: 'added' | 'removed') =>
  changes
    .filter((c) => c.op === 'same' || c.op === keep)
    .map((c) => c.text)
    .join('');

describe('word-level text diff', () => {
  it('marks the words that changed between MQL v1 and v2', () => {
    const changes = diffText(
      'A lead is handed to sales when its score reaches 50.',
      'A lead is handed to sales when its score reaches 60 and it is a mid-market or enterprise company.',
    );
    expect(changes[0]).toEqual({ op: 'same', text: 'A lead is handed to sales when its score reaches ' });
    expect(changes.filter((c) => c.op === 'removed').map((c) => c.text)).toEqual(['50']);
    expect(
      changes
        .filter((c) => c.op === 'added')
        .map((c) => c.text)
        .join(''),
    ).toContain('60 and it is a mid-market or enterprise company');
  });

  it('splits Chinese into words rather than diffing whole sentences', () => {
    const changes = diffText('线索评分达到50分即移交销售。', '线索评分达到60分即移交销售。');
    const same = changes
      .filter((c) => c.op === 'same')
      .map((c) => c.text)
      .join('');
    expect(same.length).toBeGreaterThan(8);
  });

  it('reconstructs both texts exactly (property)', () => {
    const word = fc.constantFrom('lead', 'score', ' ', ', ', 'MQL', 'Счёт', '销售', '60', '.', 'and');
    const text = fc.array(word, { maxLength: 40 }).map((w) => w.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const changes = diffText(a, b);
        expect(side(changes, 'removed')).toBe(a);
        expect(side(changes, 'added')).toBe(b);
        if (a === b) expect(changes.every((c) => c.op === 'same')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('structural rule diff', () => {
  const v2: RuleGroup = {
    type: 'group',
    combinator: 'and',
    rules: [
      { type: 'condition', field: 'score', operator: 'gte', value: 60 },
      { type: 'condition', field: 'segment', operator: 'in', value: ['Mid-market', 'Enterprise'] },
    ],
  };
  const v3: RuleGroup = {
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
            rules: [{ type: 'condition', field: 'segment', operator: 'eq', value: 'SMB' }],
          },
        ],
      },
    ],
  };

  it('pairs conditions by field and reports changed values', () => {
    const v1: RuleGroup = {
      type: 'group',
      combinator: 'and',
      rules: [{ type: 'condition', field: 'score', operator: 'gte', value: 50 }],
    };
    const d = diffRule(v1, v2);
    expect(d).toMatchObject({ type: 'group', status: 'changed', from: 'and', to: 'and' });
    if (d?.type !== 'group') throw new Error('group expected');
    expect(d.children.map((c) => c.status)).toEqual(['changed', 'added']);
    expect(d.children[0]).toMatchObject({ from: { value: 50 }, to: { value: 60 } });
  });

  it('shows a condition moved into a new group as removed and a group added', () => {
    const d = diffRule(v2, v3);
    if (d?.type !== 'group') throw new Error('group expected');
    expect(d.children.map((c) => `${c.type}:${c.status}`)).toEqual([
      'condition:same',
      'condition:removed',
      'group:added',
    ]);
  });

  it('is all "same" for identical rules, and handles a missing side', () => {
    expect(diffRule(v3, structuredClone(v3))?.status).toBe('same');
    expect(diffRule(null, v2)?.status).toBe('added');
    expect(diffRule(v2, null)?.status).toBe('removed');
    expect(diffRule(null, null)).toBeNull();
  });
});

describe('field diff', () => {
  it('lists changed SLA terms by path, segment overrides included', () => {
    const a = { followUpBusinessHours: 4, weeklyVolumeTarget: 43, segmentOverrides: {} };
    const b = {
      followUpBusinessHours: 4,
      weeklyVolumeTarget: 21,
      segmentOverrides: { Enterprise: { followUpBusinessHours: 2 } },
    };
    expect(diffFields(a, b)).toEqual([
      { path: 'segmentOverrides.Enterprise.followUpBusinessHours', from: null, to: 2 },
      { path: 'weeklyVolumeTarget', from: 43, to: 21 },
    ]);
  });
});
