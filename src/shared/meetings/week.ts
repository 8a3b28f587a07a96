import { DateTime } from 'luxon';
import { z } from 'zod';
import { checkMessage } from '../validation/checks';

/**
 * ISO weeks (Monday to Sunday) as a meeting names them: `2026-W25`. The reviewed week's dates are
 * calendar dates in the workspace time zone, exactly as `metrics.report` reads `from`/`to`.
 */
const PATTERN = /^(\d{4})-W(\d{2})$/;

export interface IsoWeek {
  /** `YYYY-Www`. */
  readonly week: string;
  /** Monday and Sunday, `YYYY-MM-DD`. */
  readonly from: string;
  readonly to: string;
}

function monday(year: number, week: number): DateTime | null {
  const dt = DateTime.fromObject({ weekYear: year, weekNumber: week, weekday: 1 }, { zone: 'UTC' });
  // luxon rolls week 53 of a 52-week year into the next year: refuse it instead.
  return dt.isValid && dt.weekYear === year && dt.weekNumber === week ? dt : null;
}

function fromMonday(dt: DateTime): IsoWeek {
  return {
    week: `${dt.weekYear}-W${String(dt.weekNumber).padStart(2, '0')}`,
    from: dt.toISODate() ?? '',
    to: dt.plus({ days: 6 }).toISODate() ?? '',
  };
}

export function isIsoWeek(week: string): boolean {
  const m = PATTERN.exec(week);
  return m !== null && monday(Number(m[1]), Number(m[2])) !== null;
}

export const isoWeekSchema = z
  .string()
  .refine(isIsoWeek, checkMessage('isoWeekExpected', 'expected an ISO week such as 2026-W25'));

/** The week's dates; throws on a malformed or non-existent week (validate input with isoWeekSchema first). */
export function parseIsoWeek(week: string): IsoWeek {
  const m = PATTERN.exec(week);
  const dt = m ? monday(Number(m[1]), Number(m[2])) : null;
  if (!dt) throw new Error(`not an ISO week: ${week}`);
  return fromMonday(dt);
}

/** The ISO week containing a calendar date (`YYYY-MM-DD`). */
export function weekOfDate(date: string): IsoWeek {
  const dt = DateTime.fromISO(date, { zone: 'UTC' });
  if (!dt.isValid) throw new Error(`not a date: ${date}`);
  return fromMonday(dt.minus({ days: dt.weekday - 1 }));
}

/** The ISO week `n` weeks after (negative: before) the given one. */
export function shiftWeek(week: string, n: number): IsoWeek {
  const { from } = parseIsoWeek(week);
  return fromMonday(DateTime.fromISO(from, { zone: 'UTC' }).plus({ weeks: n }));
}

/** The `count` weeks ending with `week`, oldest first. */
export function weeksEndingWith(week: string, count: number): IsoWeek[] {
  return Array.from({ length: count }, (_, i) => shiftWeek(week, i - count + 1));
}
