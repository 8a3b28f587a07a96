/**
 * Date arithmetic for the sample, on epoch milliseconds with fixed UTC offsets. Fixed offsets are
 * deliberate: "business-like hours in the lead's time zone, roughly" needs no zone database, and the
 * workspace zone (America/Sao_Paulo) has had no daylight saving since 2019, so its offset is exact.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(isoDate: string): number {
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  // The round trip rejects dates Date.parse rolls over (2026-02-30 would become 2 March).
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate) || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== isoDate) {
    throw new RangeError(`not a calendar date: ${isoDate}`);
  }
  return Math.floor(ms / DAY);
}

export function isoDate(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The Sunday that ended last week (UTC): the default last day of the sample. */
export function defaultEndDay(nowMs: number): number {
  const today = Math.floor(nowMs / DAY);
  const dow = weekday(today);
  return today - (dow === 0 ? 7 : dow);
}

/** Month (1-12) and day of month of a day number. */
export function monthDay(day: number): { month: number; dayOfMonth: number; year: number } {
  const d = new Date(day * DAY);
  return { month: d.getUTCMonth() + 1, dayOfMonth: d.getUTCDate(), year: d.getUTCFullYear() };
}

/** The year-end break most teams take: 24 December to 1 January. */
export function isYearEndBreak(day: number): boolean {
  const { month, dayOfMonth } = monthDay(day);
  return (month === 12 && dayOfMonth >= 24) || (month === 1 && dayOfMonth === 1);
}

/** Working hours of one place: Monday to Friday, `open` to `close` local time, year-end break off. */
export class WorkClock {
  private readonly offsetMs: number;
  private readonly openMs: number;
  private readonly closeMs: number;
  private readonly workingCache = new Map<number, boolean>();

  constructor(offsetHours: number, openHour = 9, closeHour = 18) {
    this.offsetMs = offsetHours * HOUR;
    this.openMs = openHour * HOUR;
    this.closeMs = closeHour * HOUR;
  }

  isWorkingDay(localDay: number): boolean {
    let working = this.workingCache.get(localDay);
    if (working === undefined) {
      const dow = weekday(localDay);
      working = dow !== 0 && dow !== 6 && !isYearEndBreak(localDay);
      this.workingCache.set(localDay, working);
    }
    return working;
  }

  /** The local day (days since epoch) that contains the instant `t`. */
  localDay(t: number): number {
    return Math.floor((t + this.offsetMs) / DAY);
  }

  /** The instant `hours` of working time after `t` (counting starts at the next opening). */
  addBusinessHours(t: number, hours: number): number {
    let local = t + this.offsetMs;
    let remaining = Math.max(0, hours) * HOUR;
    for (;;) {
      const day = Math.floor(local / DAY);
      const open = day * DAY + this.openMs;
      const close = day * DAY + this.closeMs;
      if (!this.isWorkingDay(day) || local >= close) {
        local = (day + 1) * DAY + this.openMs;
        continue;
      }
      if (local < open) local = open;
      const available = close - local;
      if (remaining <= available) return Math.round(local + remaining - this.offsetMs);
      remaining -= available;
      local = (day + 1) * DAY + this.openMs;
    }
  }

  /** Working hours between two instants (0 when `to` is not after `from`). */
  businessHoursBetween(from: number, to: number): number {
    if (to <= from) return 0;
    let total = 0;
    const lastDay = Math.floor((to + this.offsetMs) / DAY);
    for (let day = Math.floor((from + this.offsetMs) / DAY); day <= lastDay; day++) {
      if (!this.isWorkingDay(day)) continue;
      const open = day * DAY + this.openMs - this.offsetMs;
      const close = day * DAY + this.closeMs - this.offsetMs;
      total += Math.max(0, Math.min(close, to) - Math.max(open, from));
    }
    return total / HOUR;
  }

  /** Instant of a local wall-clock time (hours may be fractional) on a local day. */
  at(localDay: number, hourOfDay: number): number {
    return Math.round(localDay * DAY + hourOfDay * HOUR - this.offsetMs);
  }
}
