import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { inferDateOrder, parseDate, ZoneClock } from '../../../src/shared/imports/dates';

const utc = new ZoneClock('UTC');
const iso = (ms: number) => new Date(ms).toISOString();

describe('date parsing', () => {
  it('reads ISO forms with and without time, fraction and offset', () => {
    expect(iso(parseDate('2018-02-01', 'dmy', utc))).toBe('2018-02-01T00:00:00.000Z');
    expect(iso(parseDate('2018-02-01 19:58:54', 'dmy', utc))).toBe('2018-02-01T19:58:54.000Z');
    expect(iso(parseDate('2018-02-01T19:58:54.123Z', 'dmy', utc))).toBe('2018-02-01T19:58:54.123Z');
    expect(iso(parseDate('2018-02-01T19:58:54+03:00', 'dmy', utc))).toBe('2018-02-01T16:58:54.000Z');
    expect(iso(parseDate('2018-02-01 19:58 -0300', 'dmy', utc))).toBe('2018-02-01T22:58:00.000Z');
    expect(iso(parseDate('2018-02-01T19:58:54+05', 'dmy', utc))).toBe('2018-02-01T14:58:54.000Z');
  });

  it('reads year-first dotted and slashed dates (Excel re-saves: 2018.02.26 19:58, 9-hour without padding)', () => {
    expect(iso(parseDate('2018.02.26 19:58', 'mdy', utc))).toBe('2018-02-26T19:58:00.000Z');
    expect(iso(parseDate('2018.02.26 9:05', 'mdy', utc))).toBe('2018-02-26T09:05:00.000Z');
    expect(iso(parseDate('2018/02/26', 'mdy', utc))).toBe('2018-02-26T00:00:00.000Z');
  });

  it('reads day/month and month/day in the order given, with /, . and -', () => {
    expect(iso(parseDate('01/02/2018', 'dmy', utc))).toBe('2018-02-01T00:00:00.000Z');
    expect(iso(parseDate('01/02/2018', 'mdy', utc))).toBe('2018-01-02T00:00:00.000Z');
    expect(iso(parseDate('26.02.2018', 'dmy', utc))).toBe('2018-02-26T00:00:00.000Z');
    expect(iso(parseDate('26-02-2018 19:58', 'dmy', utc))).toBe('2018-02-26T19:58:00.000Z');
    expect(iso(parseDate('2/26/2018 7:58 PM', 'mdy', utc))).toBe('2018-02-26T19:58:00.000Z');
    expect(iso(parseDate('2/26/2018 12:05 AM', 'mdy', utc))).toBe('2018-02-26T00:05:00.000Z');
    expect(iso(parseDate('26/02/18', 'dmy', utc))).toBe('2018-02-26T00:00:00.000Z');
  });

  it('reads Excel serial numbers, compact dates and epoch times', () => {
    expect(iso(parseDate('43132', 'dmy', utc))).toBe('2018-02-01T00:00:00.000Z');
    expect(iso(parseDate('43132.5', 'dmy', utc))).toBe('2018-02-01T12:00:00.000Z');
    expect(iso(parseDate('20180201', 'dmy', utc))).toBe('2018-02-01T00:00:00.000Z');
    expect(iso(parseDate('1517443200', 'dmy', utc))).toBe('2018-02-01T00:00:00.000Z');
    expect(iso(parseDate('1517443200000', 'dmy', utc))).toBe('2018-02-01T00:00:00.000Z');
  });

  it('refuses what is not a calendar date', () => {
    for (const bad of [
      '2018-02-30',
      '31/04/2018',
      '13/13/2018',
      '2018-13-01',
      'yesterday',
      '01-May',
      '20.máj',
      '25:00',
      '2018-02-01 24:30',
      '2/26/2018 13:00 PM',
      '12',
    ]) {
      expect(parseDate(bad, 'dmy', utc), bad).toBeNaN();
    }
    expect(parseDate('02/26/2018', 'dmy', utc)).toBeNaN();
  });

  it('puts wall times in the workspace zone, as luxon does across DST gaps and overlaps', () => {
    const berlin = new ZoneClock('Europe/Berlin');
    expect(iso(parseDate('2024-01-15 10:00', 'dmy', berlin))).toBe('2024-01-15T09:00:00.000Z');
    expect(iso(parseDate('2024-07-15 10:00', 'dmy', berlin))).toBe('2024-07-15T08:00:00.000Z');
    // 02:30 does not exist on 31 March 2024 in Berlin: it moves forward to 03:30 CEST.
    expect(iso(parseDate('2024-03-31 02:30', 'dmy', berlin))).toBe('2024-03-31T01:30:00.000Z');
    // 02:30 happens twice on 27 October: the earlier instant (CEST) is taken.
    expect(iso(parseDate('2024-10-27 02:30', 'dmy', berlin))).toBe('2024-10-27T00:30:00.000Z');
    expect(iso(parseDate('2024-10-27 03:00', 'dmy', berlin))).toBe('2024-10-27T02:00:00.000Z');
    // A date alone is midnight there; an explicit offset wins over the zone.
    expect(iso(parseDate('2018-02-01', 'dmy', new ZoneClock('America/Sao_Paulo')))).toBe('2018-02-01T02:00:00.000Z');
    expect(iso(parseDate('2018-02-01T00:00:00Z', 'dmy', new ZoneClock('America/Sao_Paulo')))).toBe(
      '2018-02-01T00:00:00.000Z',
    );
  });

  it('gives back any instant from its wall time in the zone (the earliest one when an hour repeats)', () => {
    const zones = [
      'Europe/Moscow',
      'America/Sao_Paulo',
      'Asia/Shanghai',
      'America/New_York',
      'Australia/Adelaide',
      'America/St_Johns',
    ];
    const clocks = new Map(zones.map((z) => [z, new ZoneClock(z)]));
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2035, 0, 1) / 1000 }).map((s) => s * 1000),
        (zone, ms) => {
          const wall = DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd HH:mm:ss');
          const parsed = parseDate(wall, 'dmy', clocks.get(zone)!);
          expect(DateTime.fromMillis(parsed, { zone }).toFormat('yyyy-MM-dd HH:mm:ss')).toBe(wall);
          expect(parsed).toBeLessThanOrEqual(ms);
          expect(ms - parsed).toBeLessThanOrEqual(3_600_000);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('rejects an unknown time zone with a specific error', () => {
    expect(() => new ZoneClock('Mars/Olympus')).toThrow('imports.badTimeZone');
  });
});

describe('day/month order inference', () => {
  it('is decided by a value that can only be one way', () => {
    expect(inferDateOrder(['01/02/2018', '26/02/2018'])).toMatchObject({
      order: 'dmy',
      example: '26/02/2018',
      conflict: null,
    });
    expect(inferDateOrder(['01/02/2018', '02/26/2018 7:00 PM'])).toMatchObject({
      order: 'mdy',
      example: '02/26/2018 7:00 PM',
    });
    expect(inferDateOrder(['01-02-2018', '20-10-2017'])).toMatchObject({ order: 'dmy' });
  });

  it('says when nothing tells, when nothing is ambiguous, and when a column mixes both', () => {
    expect(inferDateOrder(['01/02/2018', '03/04/2018'])).toEqual({
      order: null,
      example: null,
      conflict: null,
      ambiguousFormat: 2,
    });
    expect(inferDateOrder(['2018-02-01', '2018-02-26'])).toEqual({
      order: null,
      example: null,
      conflict: null,
      ambiguousFormat: 0,
    });
    expect(inferDateOrder(['26/02/2018', '02/27/2018'])).toMatchObject({
      example: '26/02/2018',
      conflict: '02/27/2018',
    });
  });
});
