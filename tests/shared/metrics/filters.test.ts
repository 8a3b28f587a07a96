import { describe, expect, it } from 'vitest';
import { filtersSchema } from '../../../src/shared/metrics/types';

describe('filtersSchema', () => {
  it('takes values of the lead fields and custom fields', () => {
    expect(filtersSchema.parse({ segment: ['SMB', 'Enterprise'], custom: { Tier: ['Gold'] } })).toEqual({
      segment: ['SMB', 'Enterprise'],
      custom: { Tier: ['Gold'] },
    });
  });

  it('refuses an empty value, which metric_events uses for a lead without a segment (migration 11)', () => {
    expect(filtersSchema.safeParse({ segment: [''] }).success).toBe(false);
    expect(filtersSchema.safeParse({ owner: ['ana', ''] }).success).toBe(false);
    expect(filtersSchema.safeParse({ segment: [] }).success).toBe(false);
  });
});
