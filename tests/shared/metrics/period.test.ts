import { describe, expect, it } from 'vitest';
import {
  classifyPeriod,
  isoWeekPeriod,
  periodRange,
  previousPeriod,
  yearAgoPeriod,
} from '../../../src/shared/metrics/period';

describe('periods', () => {
  it('recognises weeks, months and quarters', () => {
    expect(classifyPeriod('2026-11-16', '2026-11-22').kind).toBe('week');
    expect(classifyPeriod('2026-02-01', '2026-02-28').kind).toBe('month');
    expect(classifyPeriod('2026-10-01', '2026-12-31').kind).toBe('quarter');
    expect(classifyPeriod('2026-11-17', '2026-11-23').kind).toBe('custom');
  });

  it('finds the previous and year-earlier periods', () => {
    const week = classifyPeriod('2026-11-16', '2026-11-22');
    expect(previousPeriod(week)).toMatchObject({ from: '2026-11-09', to: '2026-11-15' });
    // ISO week 47 of 2025.
    expect(yearAgoPeriod(week)).toMatchObject({ from: '2025-11-17', to: '2025-11-23' });
    // 2020 has an ISO week 53; 2019 does not, so its week 52 stands in.
    expect(yearAgoPeriod(isoWeekPeriod(2020, 53))).toMatchObject({ from: '2019-12-23', to: '2019-12-29' });
    expect(previousPeriod(classifyPeriod('2026-03-01', '2026-03-31'))).toMatchObject({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(previousPeriod(classifyPeriod('2026-01-01', '2026-03-31'))).toMatchObject({
      from: '2025-10-01',
      to: '2025-12-31',
    });
    expect(previousPeriod(classifyPeriod('2026-11-17', '2026-11-23'))).toMatchObject({
      from: '2026-11-10',
      to: '2026-11-16',
    });
    expect(yearAgoPeriod(classifyPeriod('2024-02-29', '2024-03-05'))).toMatchObject({
      from: '2023-02-28',
      to: '2023-03-05',
    });
  });

  it('turns dates into local midnights, DST included', () => {
    const r = periodRange(classifyPeriod('2018-10-29', '2018-11-04'), 'America/Sao_Paulo');
    expect(new Date(r.fromMs).toISOString()).toBe('2018-10-29T03:00:00.000Z');
    // After DST began on 4 November, 5 November starts at 00:00 -02:00.
    expect(new Date(r.toMs).toISOString()).toBe('2018-11-05T02:00:00.000Z');
    expect(r.days).toBe(7);
    const madrid = periodRange(classifyPeriod('2024-03-25', '2024-03-31'), 'Europe/Madrid');
    expect(madrid.toMs - madrid.fromMs).toBe((7 * 24 - 1) * 3_600_000);
  });
});
