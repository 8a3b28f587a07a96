import { describe, expect, it } from 'vitest';
import type { Stage, StageKind } from '../../../src/shared/domain/types';
import { entryStep, exitStep } from '../../../src/main/metrics/waterfall-steps';

const stage = (id: number, kind: StageKind, position: number): Stage => ({
  id,
  key: `s${id}`,
  position,
  kind,
  labels: { en: `s${id}` },
  allowedAgeDays: null,
});
const mql = stage(2, 'funnel', 2);
const lead = stage(1, 'funnel', 1);
const sal = stage(3, 'funnel', 3);

describe('waterfall steps', () => {
  it('classes an entry by where the lead came from', () => {
    expect(entryStep(mql, undefined)).toBe('in_new');
    expect(entryStep(mql, lead)).toBe('in_advanced');
    expect(entryStep(mql, sal)).toBe('in_moved_back');
    // Entering the stage it was already in (a repeated entry) is no advance.
    expect(entryStep(mql, mql)).toBe('in_moved_back');
    expect(entryStep(mql, stage(8, 'recycled', 8))).toBe('in_returned');
    for (const kind of ['won', 'lost', 'disqualified'] as const)
      expect(entryStep(mql, stage(9, kind, 9))).toBe('in_reopened');
  });

  it('classes an exit by where the lead went', () => {
    expect(exitStep(mql, sal)).toBe('out_advanced');
    expect(exitStep(mql, lead)).toBe('out_moved_back');
    expect(exitStep(mql, mql)).toBe('out_moved_back');
    expect(exitStep(mql, stage(8, 'recycled', 8))).toBe('out_recycled');
    expect(exitStep(mql, stage(6, 'won', 6))).toBe('out_won');
    expect(exitStep(mql, stage(7, 'lost', 7))).toBe('out_lost');
    expect(exitStep(mql, stage(9, 'disqualified', 9))).toBe('out_disqualified');
  });
});
