import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_HEIGHT, pagesFor, rowWindow, scrollTopFor } from '../../../src/renderer/screens/leads/windowing';
import { PageCache } from '../../../src/renderer/screens/leads/page-cache';
import type { LeadPage, LeadRow } from '../../../src/shared/leads/types';

describe('row windows', () => {
  it('draws the rows in view and a few around them, unscaled for short lists', () => {
    const w = rowWindow(1000, 36, 360, 3600, 4);
    expect(w).toEqual({ first: 96, count: 18, top: 96 * 36, height: 36_000 });
    expect(rowWindow(0, 36, 360, 0)).toEqual({ first: 0, count: 0, top: 0, height: 0 });
    expect(rowWindow(5, 36, 600, 0).count).toBe(5);
  });

  it('keeps a million rows under the browser height limit and still reaches the last row', () => {
    const total = 1_000_000;
    const viewport = 600;
    const top = rowWindow(total, 36, viewport, 0, 0);
    expect(top.height).toBe(MAX_SCROLL_HEIGHT);
    expect(top.first).toBe(0);
    const bottom = rowWindow(total, 36, viewport, MAX_SCROLL_HEIGHT - viewport, 0);
    expect(bottom.first + bottom.count).toBe(total);
    // The last row ends exactly at the bottom of the viewport.
    expect(bottom.top + (total - 1 - bottom.first) * 36 + 36).toBeCloseTo(MAX_SCROLL_HEIGHT, 6);
    const middle = rowWindow(total, 36, viewport, (MAX_SCROLL_HEIGHT - viewport) / 2, 0);
    expect(Math.abs(middle.first - (total - viewport / 36) / 2)).toBeLessThan(2);
    // Scroll positions map onto rows monotonically.
    let previous = -1;
    for (let s = 0; s < MAX_SCROLL_HEIGHT; s += 97_531) {
      const w = rowWindow(total, 36, viewport, s, 0);
      expect(w.first).toBeGreaterThanOrEqual(previous);
      previous = w.first;
    }
  });

  it('scrolls to a row and back', () => {
    for (const total of [500, 1_000_000]) {
      const s = scrollTopFor(123_45 % total, total, 36, 600);
      expect(rowWindow(total, 36, 600, s, 0).first).toBe(123_45 % total);
    }
  });

  it('names the pages a window needs', () => {
    expect(pagesFor(95, 20, 100)).toEqual([0, 1]);
    expect(pagesFor(0, 0, 100)).toEqual([]);
    expect(pagesFor(200, 100, 100)).toEqual([2]);
  });
});

function row(id: number): LeadRow {
  return {
    id,
    external_id: `L${id}`,
    created_at: 0,
    stage: null,
    stage_at: null,
    source: null,
    campaign: null,
    segment: null,
    country: null,
    owner: null,
    score: null,
    amount: null,
    currency: null,
    assigned_at: null,
    first_touch_at: null,
    reason_code: null,
    reason_text: null,
    batch: null,
    custom: {},
  };
}

describe('the page cache', () => {
  it('fetches each page once, learns the total, and forgets pages far behind', async () => {
    const asked: number[] = [];
    let changes = 0;
    const fetch = async (offset: number, limit: number): Promise<LeadPage> => {
      asked.push(offset);
      return {
        total: 1000,
        offset,
        rows: Array.from({ length: Math.min(limit, 1000 - offset) }, (_v, i) => row(offset + i)),
      };
    };
    const cache = new PageCache(fetch, 100, () => changes++, 3);
    cache.want([0, 1]);
    cache.want([0, 1]);
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toEqual([0, 100]);
    expect(cache.total).toBe(1000);
    expect(cache.row(150)?.external_id).toBe('L150');
    expect(changes).toBe(2);
    cache.want([2, 3, 99]);
    await new Promise((r) => setTimeout(r, 0));
    // Page 99 is past the end: never asked for.
    expect(asked).toEqual([0, 100, 200, 300]);
    expect(cache.has(0)).toBe(false);
    expect(cache.has(3)).toBe(true);
  });

  it('keeps the failure for the screen to show', async () => {
    const cache = new PageCache(
      () => Promise.reject(new Error('down')),
      100,
      () => undefined,
    );
    cache.want([0]);
    await new Promise((r) => setTimeout(r, 0));
    expect(cache.error).toBeInstanceOf(Error);
    expect(cache.row(0)).toBeUndefined();
  });
});
