import { describe, expect, it } from 'vitest';
import { inTurns } from '../../../src/shared/metrics/trend';

/** A call that answers when the test says so, to see how many are in flight. */
function controlled() {
  const waiting: Array<{ item: number; done: boolean; answer: () => void; fail: () => void }> = [];
  let inFlight = 0;
  let most = 0;
  const fn = (item: number) =>
    new Promise<string>((resolve, reject) => {
      inFlight++;
      most = Math.max(most, inFlight);
      const w = {
        item,
        done: false,
        answer: () => {
          w.done = true;
          inFlight--;
          resolve(`week ${item}`);
        },
        fail: () => {
          w.done = true;
          inFlight--;
          reject(new Error(`week ${item} failed`));
        },
      };
      waiting.push(w);
    });
  return { fn, waiting, most: () => most };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('inTurns', () => {
  it('keeps at most `limit` calls in flight and answers in the order asked, whatever order they finish in', async () => {
    const c = controlled();
    const all = inTurns([1, 2, 3, 4, 5, 6, 7], 3, c.fn);
    await settle();
    expect(c.waiting.map((w) => w.item)).toEqual([1, 2, 3]);
    // Finish the third first: only then does the fourth start.
    c.waiting[2]!.answer();
    await settle();
    expect(c.waiting.map((w) => w.item)).toEqual([1, 2, 3, 4]);
    // Then always the latest started first.
    for (let open = c.waiting.filter((w) => !w.done); open.length > 0; open = c.waiting.filter((w) => !w.done)) {
      open.at(-1)!.answer();
      await settle();
    }
    expect(await all).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => `week ${i}`));
    expect(c.most()).toBe(3);
  });

  it('rejects on the first failure and starts no further call', async () => {
    const c = controlled();
    const all = inTurns([1, 2, 3, 4, 5], 2, c.fn);
    await settle();
    c.waiting[0]!.fail();
    await expect(all).rejects.toThrow('week 1 failed');
    c.waiting[1]!.answer();
    await settle();
    expect(c.waiting.map((w) => w.item)).toEqual([1, 2]);
  });

  it('answers an empty list at once, and runs one at a time with a limit of 1', async () => {
    expect(await inTurns([], 3, () => Promise.resolve(1))).toEqual([]);
    const c = controlled();
    const all = inTurns([1, 2], 1, c.fn);
    await settle();
    expect(c.waiting).toHaveLength(1);
    c.waiting[0]!.answer();
    await settle();
    c.waiting[1]!.answer();
    expect(await all).toEqual(['week 1', 'week 2']);
    expect(c.most()).toBe(1);
  });
});
