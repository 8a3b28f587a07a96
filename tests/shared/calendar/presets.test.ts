import { describe, expect, it } from 'vitest';
import { easter, presetCalendar, presetHolidays } from '../../../src/shared/calendar/presets';
import { calendarSettings, CALENDAR_PRESETS } from '../../../src/shared/calendar/model';

const dates = (preset: Parameters<typeof presetHolidays>[0], year: number) =>
  presetHolidays(preset, year, year).map((h) => h.date);

describe('holiday presets', () => {
  it('computes Easter', () => {
    expect(['2018', '2019', '2024', '2025', '2038'].map((y) => easter(Number(y)))).toEqual([
      '2018-04-01',
      '2019-04-21',
      '2024-03-31',
      '2025-04-20',
      '2038-04-25',
    ]);
  });

  it('knows movable holidays of each country', () => {
    expect(dates('BR', 2024)).toEqual(
      expect.arrayContaining(['2024-02-12', '2024-02-13', '2024-03-29', '2024-05-30', '2024-11-20']),
    );
    expect(dates('BR', 2023)).not.toContain('2023-11-20');
    expect(dates('ES', 2024)).toEqual(expect.arrayContaining(['2024-01-06', '2024-03-29', '2024-12-06']));
    expect(dates('MX', 2024)).toEqual(expect.arrayContaining(['2024-02-05', '2024-03-18', '2024-11-18', '2024-10-01']));
    expect(dates('US', 2024)).toEqual(expect.arrayContaining(['2024-01-15', '2024-05-27', '2024-11-28', '2024-06-19']));
    // 2022: Christmas on Sunday, so Monday 26 (Boxing Day) and Tuesday 27 (Christmas substitute).
    expect(dates('UK', 2022)).toEqual(
      expect.arrayContaining([
        '2022-04-15',
        '2022-04-18',
        '2022-05-02',
        '2022-05-30',
        '2022-08-29',
        '2022-12-26',
        '2022-12-27',
      ]),
    );
    // US: 4 July 2026 is a Saturday, observed on Friday 3 July.
    expect(dates('US', 2026)).toContain('2026-07-03');
    expect(dates('RU', 2024)).toEqual(expect.arrayContaining(['2024-01-07', '2024-02-23', '2024-05-09', '2024-11-04']));
  });

  it('finds Chinese lunar holidays through the runtime calendar', () => {
    const cn2024 = dates('CN', 2024);
    expect(cn2024).toEqual(
      expect.arrayContaining([
        '2024-02-10',
        '2024-02-11',
        '2024-02-12',
        '2024-04-04',
        '2024-06-10',
        '2024-09-17',
        '2024-10-01',
      ]),
    );
    const cn2025 = dates('CN', 2025);
    // Since 2025 the eve (28 Jan) and a fourth day are statutory, and 2 May too.
    expect(cn2025).toEqual(
      expect.arrayContaining([
        '2025-01-28',
        '2025-01-29',
        '2025-01-31',
        '2025-02-01',
        '2025-04-04',
        '2025-05-02',
        '2025-05-31',
        '2025-10-06',
      ]),
    );
    expect(dates('CN', 2018)).toEqual(expect.arrayContaining(['2018-02-16', '2018-04-05', '2018-06-18', '2018-09-24']));
  });

  it('gives a valid calendar for every preset', () => {
    for (const p of CALENDAR_PRESETS) {
      const c = presetCalendar(p, 2017, 2026);
      expect(calendarSettings.safeParse(c).success, p).toBe(true);
      expect(c.holidays.length).toBeGreaterThan(50);
    }
  });
});
