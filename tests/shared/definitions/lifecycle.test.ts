import { describe, expect, it } from 'vitest';
import {
  governing,
  inForceAt,
  settledStatus,
  spansBetween,
  type RevisionDates,
} from '../../../src/shared/definitions/lifecycle';

const r = (
  id: number,
  version: number,
  status: RevisionDates['status'],
  effectiveFrom: number | null,
): RevisionDates => ({ id, version, status, effectiveFrom });

describe('which revision is in force', () => {
  const revisions = [
    r(1, 1, 'superseded', 100),
    r(2, 2, 'effective', 200),
    r(3, 3, 'proposed', 150),
    r(4, 4, 'approved', 300),
    r(5, 5, 'rejected', 250),
  ];

  it('takes the agreed revision with the latest date not after the instant', () => {
    expect(inForceAt(revisions, 99)).toBeNull();
    expect(inForceAt(revisions, 100)?.id).toBe(1);
    expect(inForceAt(revisions, 199)?.id).toBe(1);
    expect(inForceAt(revisions, 200)?.id).toBe(2);
    expect(inForceAt(revisions, 299)?.id).toBe(2);
    expect(inForceAt(revisions, 300)?.id).toBe(4);
  });

  it('on the same date, the later agreement (higher version) wins', () => {
    expect(inForceAt([r(1, 1, 'effective', 100), r(2, 2, 'approved', 100)], 100)?.id).toBe(2);
  });

  it('settles statuses by the calendar', () => {
    expect(revisions.map((x) => settledStatus(revisions, x, 250))).toEqual([
      'superseded',
      'effective',
      'proposed',
      'approved',
      'rejected',
    ]);
    expect(revisions.map((x) => settledStatus(revisions, x, 300))).toEqual([
      'superseded',
      'superseded',
      'proposed',
      'effective',
      'rejected',
    ]);
  });

  it('splits a period into the spans each revision governed', () => {
    expect(spansBetween(revisions, 50, 400).map((s) => [s.revision?.id ?? null, s.from, s.to])).toEqual([
      [null, 50, 100],
      [1, 100, 200],
      [2, 200, 300],
      [4, 300, 400],
    ]);
    expect(spansBetween(revisions, 120, 180).map((s) => s.revision?.id)).toEqual([1]);
    expect(governing(revisions).map((x) => x.id)).toEqual([1, 2, 4]);
  });
});
