import { describe, expect, it } from 'vitest';
import { withCalendar } from '../../../src/main/calendar/calendar-errors';
import { NoWorkingTimeError } from '../../../src/shared/calendar/business-hours';

/** As a report thread passes it back: a plain Error that kept only its name and message. */
function fromThread(): Error {
  return Object.assign(new Error('The calendar has no working time'), { name: 'NoWorkingTimeError' });
}

describe('withCalendar', () => {
  it('gives a calendar without working time its translatable error, thrown or rejected', async () => {
    const code = { code: 'calendar.noWorkingTime' };
    expect(() =>
      withCalendar(() => {
        throw new NoWorkingTimeError();
      }),
    ).toThrow(expect.objectContaining(code));
    expect(() =>
      withCalendar(() => {
        throw fromThread();
      }),
    ).toThrow(expect.objectContaining(code));
    await expect(withCalendar(() => Promise.reject(fromThread()))).rejects.toMatchObject(code);
    await expect(withCalendar(async () => Promise.reject(new NoWorkingTimeError()))).rejects.toMatchObject(code);
  });

  it('passes values and every other error through unchanged', async () => {
    const other = new TypeError('boom');
    expect(withCalendar(() => 7)).toBe(7);
    await expect(withCalendar(() => Promise.resolve(8))).resolves.toBe(8);
    expect(() =>
      withCalendar(() => {
        throw other;
      }),
    ).toThrow(other);
    await expect(withCalendar(() => Promise.reject(other))).rejects.toBe(other);
  });
});
