import { describe, expect, it } from 'vitest';
import { channelKey, costAttributable, costPer } from '../../../src/shared/metrics/cost';

describe('cost helpers', () => {
  it('attributes spend with no filter or a source filter only', () => {
    expect(costAttributable({})).toBe(true);
    expect(costAttributable({ source: ['Paid search'], segment: [] })).toBe(true);
    expect(costAttributable({ segment: ['SMB'] })).toBe(false);
    expect(costAttributable({ custom: { tier: ['gold'] } })).toBe(false);
  });

  it('matches channels trimmed and case-insensitively, and costs to the cent', () => {
    expect(channelKey('  Платный Поиск ')).toBe(channelKey('платный поиск'));
    expect(costPer(100, 3)).toBe(33.33);
    expect(costPer(100, 0)).toBeNull();
  });
});
