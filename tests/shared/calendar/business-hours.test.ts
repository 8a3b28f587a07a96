import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { BusinessCalendar, NoWorkingTimeError, startOfLocalDate } from '../../../src/shared/calendar/business-hours';
import { calendarSettings, type ResolvedCalendar } from '../../../src/shared/calendar/model';

const H = 3_600_000;
const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toMillis();
const cal = (zone: string, patch: Partial<ResolvedCalendar> = {}): BusinessCalendar =>
  new BusinessCalendar({
    timeZone: zone,
    zone,
    workingDays: [1, 2, 3, 4, 5],
    shifts: [{ start: '09:00', end: '18:00' }],
    holidays: [],
    preset: null,
    ...patch,
  });

describe('business hours', () => {
  it('counts only shifts of working days', () => {
    const c = cal('UTC');
    expect(c.hoursBetween(at('2024-06-03T08:00', 'UTC'), at('2024-06-03T10:30', 'UTC'))).toBe(1.5);
    // Friday 17:00 to Monday 10:00: one hour on Friday, one on Monday.
    expect(c.hoursBetween(at('2024-06-07T17:00', 'UTC'), at('2024-06-10T10:00', 'UTC'))).toBe(2);
    expect(c.hoursBetween(at('2024-06-10T10:00', 'UTC'), at('2024-06-07T17:00', 'UTC'))).toBe(0);
  });

  it('handles split shifts (Spanish jornada partida)', () => {
    const c = cal('Europe/Madrid', {
      shifts: [
        { start: '09:00', end: '14:00' },
        { start: '16:00', end: '19:00' },
      ],
    });
    expect(c.hoursBetween(at('2024-06-03T13:00', 'Europe/Madrid'), at('2024-06-03T17:00', 'Europe/Madrid'))).toBe(2);
    // 4 h from 13:00: one hour before lunch, three after it.
    expect(c.add(at('2024-06-03T13:00', 'Europe/Madrid'), 4 * H)).toBe(at('2024-06-03T19:00', 'Europe/Madrid'));
    // A deadline landing exactly at the end of the morning shift stays there.
    expect(c.add(at('2024-06-03T09:00', 'Europe/Madrid'), 5 * H)).toBe(at('2024-06-03T14:00', 'Europe/Madrid'));
  });

  it('skips holidays: a hand-off on a holiday eve waits for the next working day', () => {
    const c = cal('America/Sao_Paulo', { holidays: [{ date: '2024-11-15', name: 'Proclamação da República' }] });
    // Thursday 14 Nov 16:00 + 4 h: 2 h on Thursday, Friday is a holiday, 2 h on Monday.
    expect(c.add(at('2024-11-14T16:00', 'America/Sao_Paulo'), 4 * H)).toBe(at('2024-11-18T11:00', 'America/Sao_Paulo'));
    expect(
      c.hoursBetween(at('2024-11-14T16:00', 'America/Sao_Paulo'), at('2024-11-18T11:00', 'America/Sao_Paulo')),
    ).toBe(4);
  });

  it('is exact across São Paulo DST (historical, until 2019): spring forward at midnight', () => {
    // DST began 2018-11-04 00:00 -> 01:00. Friday 2 Nov 17:00 (-03) + 4 business hours = Monday 5 Nov 12:00 (-02).
    const c = cal('America/Sao_Paulo');
    const deadline = c.add(at('2018-11-02T17:00', 'America/Sao_Paulo'), 4 * H);
    expect(new Date(deadline).toISOString()).toBe('2018-11-05T14:00:00.000Z');
    // A fixed -03:00 offset would have said 15:00Z.
    expect(deadline).not.toBe(Date.parse('2018-11-05T12:00:00-03:00'));
    // The day DST started has only 23 hours; a round-the-clock calendar sees that.
    const allDay = cal('America/Sao_Paulo', {
      workingDays: [1, 2, 3, 4, 5, 6, 7],
      shifts: [{ start: '00:00', end: '24:00' }],
    });
    expect(
      allDay.hoursBetween(
        startOfLocalDate('2018-11-04', 'America/Sao_Paulo'),
        startOfLocalDate('2018-11-05', 'America/Sao_Paulo'),
      ),
    ).toBe(23);
    // ...and the day it ended (2019-02-17 00:00 -> 2019-02-16 23:00) has 25.
    expect(
      allDay.hoursBetween(
        startOfLocalDate('2019-02-16', 'America/Sao_Paulo'),
        startOfLocalDate('2019-02-17', 'America/Sao_Paulo'),
      ),
    ).toBe(25);
  });

  it('is exact across Madrid DST: a shift over the spring gap is shorter, over the autumn repeat longer', () => {
    const night = cal('Europe/Madrid', { workingDays: [7], shifts: [{ start: '01:00', end: '05:00' }] });
    // Sunday 31 March 2024: 02:00 -> 03:00.
    expect(night.hoursBetween(at('2024-03-31T00:00', 'Europe/Madrid'), at('2024-03-31T12:00', 'Europe/Madrid'))).toBe(
      3,
    );
    // Sunday 27 October 2024: 03:00 -> 02:00.
    expect(night.hoursBetween(at('2024-10-27T00:00', 'Europe/Madrid'), at('2024-10-27T12:00', 'Europe/Madrid'))).toBe(
      5,
    );
    // Office hours are not moved by DST: Friday 17:00 + 2 h = Monday 10:00 local, whatever the offset.
    const office = cal('Europe/Madrid');
    expect(office.add(at('2024-03-29T17:00', 'Europe/Madrid'), 2 * H)).toBe(at('2024-04-01T10:00', 'Europe/Madrid'));
    expect(office.add(at('2024-10-25T17:00', 'Europe/Madrid'), 2 * H)).toBe(at('2024-10-28T10:00', 'Europe/Madrid'));
  });

  it('starts a deadline clock outside working hours at the next shift', () => {
    const c = cal('UTC');
    expect(c.add(at('2024-06-08T12:00', 'UTC'), 1 * H)).toBe(at('2024-06-10T10:00', 'UTC'));
    expect(c.add(at('2024-06-08T12:00', 'UTC'), 0)).toBe(at('2024-06-08T12:00', 'UTC'));
  });

  it('refuses a calendar without working time instead of looping', () => {
    const holidays = Array.from({ length: 5000 }, (_, i) => ({
      date: new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
      name: '',
    }));
    const c = cal('UTC', { holidays });
    expect(() => c.add(at('2024-01-01T00:00', 'UTC'), H)).toThrow(NoWorkingTimeError);
  });

  it('add and between are inverse, and between is additive (property)', () => {
    const zones = ['America/Sao_Paulo', 'Europe/Madrid', 'Asia/Shanghai', 'America/New_York'];
    const start = Date.UTC(2017, 0, 1);
    // One calendar per zone for all runs: random instants also exercise regeneration from earlier origins.
    const calendars = new Map(
      zones.map((z) => [
        z,
        cal(z, {
          shifts: [
            { start: '08:30', end: '12:00' },
            { start: '13:00', end: '17:45' },
          ],
          holidays: [{ date: '2018-11-02', name: '' }],
        }),
      ]),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 3 * 365 * 24 * 60 }),
        fc.integer({ min: 0, max: 200 * 60 }),
        fc.integer({ min: 0, max: 40 * 24 * 60 }),
        (zone, startMin, businessMin, spanMin) => {
          const c = calendars.get(zone)!;
          const a = start + startMin * 60_000;
          const deadline = c.add(a, businessMin * 60_000);
          expect(c.between(a, deadline)).toBe(businessMin * 60_000);
          const b = a + spanMin * 60_000;
          const mid = a + Math.floor(spanMin / 2) * 60_000;
          expect(c.between(a, mid) + c.between(mid, b)).toBe(c.between(a, b));
          expect(c.between(a, b)).toBeLessThanOrEqual(b - a);
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe('calendar settings', () => {
  it('rejects overlapping or reversed shifts, duplicate days and holidays, unknown zones', () => {
    const base = { workingDays: [1, 2, 3], shifts: [{ start: '09:00', end: '12:00' }] };
    expect(calendarSettings.safeParse(base).success).toBe(true);
    expect(calendarSettings.safeParse({ ...base, shifts: [{ start: '12:00', end: '09:00' }] }).success).toBe(false);
    expect(
      calendarSettings.safeParse({
        ...base,
        shifts: [
          { start: '09:00', end: '13:00' },
          { start: '12:00', end: '18:00' },
        ],
      }).success,
    ).toBe(false);
    expect(calendarSettings.safeParse({ ...base, workingDays: [1, 1] }).success).toBe(false);
    expect(
      calendarSettings.safeParse({ ...base, holidays: [{ date: '2024-01-01' }, { date: '2024-01-01' }] }).success,
    ).toBe(false);
    expect(calendarSettings.safeParse({ ...base, holidays: [{ date: '2024-02-30' }] }).success).toBe(false);
    expect(calendarSettings.safeParse({ ...base, timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(calendarSettings.safeParse({ ...base, shifts: [{ start: '18:00', end: '24:00' }] }).success).toBe(true);
  });
});
