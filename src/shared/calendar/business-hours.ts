import { DateTime } from 'luxon';
import { minutesOf, type ResolvedCalendar } from './model';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Generated ahead in chunks; a calendar with no working time for this long is refused. */
const CHUNK_DAYS = 92;
const MAX_EMPTY_DAYS = 3 * 366;

export class NoWorkingTimeError extends Error {
  constructor() {
    super('The calendar has no working time for three years (every working day is a holiday?).');
    this.name = 'NoWorkingTimeError';
  }
}

/** Civil date arithmetic without time zones: days since 1970-01-01 <-> (y, m, d). */
function civil(dayNumber: number): { year: number; month: number; day: number; weekday: number; iso: string } {
  const d = new Date(dayNumber * DAY_MS);
  const weekday = ((d.getUTCDay() + 6) % 7) + 1;
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday,
    iso: d.toISOString().slice(0, 10),
  };
}

/**
 * Working time of one calendar as a sorted list of UTC intervals with running totals, so a
 * duration is two binary searches and a deadline one. Each local working interval is converted
 * with the time zone's rules of that very day, which makes DST changes exact: a shift crossing a
 * spring-forward gap is an hour shorter, one crossing a fall-back repeat an hour longer, and a
 * local time that does not exist moves forward to the first one that does.
 */
export class BusinessCalendar {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Working ms before interval i, counted from the first generated day. */
  private readonly before: number[] = [];
  private firstDay = 0;
  private nextDay = 0;
  private readonly workingDays: ReadonlySet<number>;
  private readonly holidays: ReadonlySet<string>;
  private readonly shifts: ReadonlyArray<{ start: number; end: number }>;

  constructor(readonly calendar: ResolvedCalendar) {
    this.workingDays = new Set(calendar.workingDays);
    this.holidays = new Set(calendar.holidays.map((h) => h.date));
    this.shifts = calendar.shifts.map((s) => ({ start: minutesOf(s.start), end: minutesOf(s.end) }));
  }

  /** Business milliseconds in [from, to); zero when to <= from. */
  between(from: number, to: number): number {
    if (!(to > from)) return 0;
    // Cover both ends before reading totals: covering an earlier instant regenerates from a new origin.
    this.cover(from);
    this.cover(to);
    return this.cumulative(to) - this.cumulative(from);
  }

  /** Business hours in [from, to). */
  hoursBetween(from: number, to: number): number {
    return this.between(from, to) / HOUR_MS;
  }

  /**
   * The earliest instant at which `businessMs` of working time have passed since `from`. With 0
   * it is `from` itself (even outside working hours: a deadline of zero is immediate).
   */
  add(from: number, businessMs: number): number {
    if (businessMs <= 0) return from;
    this.cover(from);
    const target = this.cumulative(from) + businessMs;
    let emptyDays = 0;
    while (this.totalGenerated() < target) {
      const before = this.totalGenerated();
      this.extendForward();
      emptyDays = this.totalGenerated() === before ? emptyDays + CHUNK_DAYS : 0;
      if (emptyDays > MAX_EMPTY_DAYS) throw new NoWorkingTimeError();
    }
    // First interval whose end total reaches the target.
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.before[mid]! + (this.ends[mid]! - this.starts[mid]!) >= target) hi = mid;
      else lo = mid + 1;
    }
    return this.starts[lo]! + (target - this.before[lo]!);
  }

  /** Working intervals [start, end) overlapping [from, to), clipped to it (for charts and cross-checks). */
  intervals(from: number, to: number): Array<[number, number]> {
    if (!(to > from)) return [];
    this.cover(from);
    this.cover(to);
    const out: Array<[number, number]> = [];
    for (let i = 0; i < this.starts.length; i++) {
      const start = Math.max(from, this.starts[i]!);
      const end = Math.min(to, this.ends[i]!);
      if (end > start) out.push([start, end]);
    }
    return out;
  }

  /** Working ms from the first generated day up to `t`; `t` must be covered. */
  private cumulative(t: number): number {
    // Last interval starting at or before t.
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! <= t) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return 0;
    return this.before[found]! + Math.min(t, this.ends[found]!) - this.starts[found]!;
  }

  private totalGenerated(): number {
    const last = this.starts.length - 1;
    return last < 0 ? 0 : this.before[last]! + this.ends[last]! - this.starts[last]!;
  }

  /** Makes sure the days around t are generated (a day of margin covers any UTC offset). */
  private cover(t: number): void {
    const day = Math.floor(t / DAY_MS);
    if (this.nextDay === this.firstDay) {
      this.firstDay = day - 2;
      this.nextDay = this.firstDay;
    }
    if (day - 2 < this.firstDay) this.regenerateFrom(day - 2 - CHUNK_DAYS);
    while (day + 2 >= this.nextDay) this.extendForward();
  }

  private regenerateFrom(firstDay: number): void {
    const until = this.nextDay;
    this.starts.length = 0;
    this.ends.length = 0;
    this.before.length = 0;
    this.firstDay = firstDay;
    this.nextDay = firstDay;
    while (this.nextDay < until) this.extendForward();
  }

  private extendForward(): void {
    const zone = this.calendar.zone;
    for (let i = 0; i < CHUNK_DAYS; i++) {
      const dayNumber = this.nextDay++;
      const c = civil(dayNumber);
      if (!this.workingDays.has(c.weekday) || this.holidays.has(c.iso)) continue;
      for (const s of this.shifts) {
        const start = localInstant(c.year, c.month, c.day, s.start, zone);
        const end = localInstant(c.year, c.month, c.day, s.end, zone);
        if (end <= start) continue;
        const last = this.starts.length - 1;
        const total = last < 0 ? 0 : this.before[last]! + this.ends[last]! - this.starts[last]!;
        this.starts.push(start);
        this.ends.push(end);
        this.before.push(total);
      }
    }
  }
}

/** The UTC instant of a local wall-clock time; minute 1440 is the next day's midnight. */
function localInstant(year: number, month: number, day: number, minutes: number, zone: string): number {
  if (minutes === 1440) {
    const next = civil(Math.floor(Date.UTC(year, month - 1, day) / DAY_MS) + 1);
    return localInstant(next.year, next.month, next.day, 0, zone);
  }
  return DateTime.fromObject(
    { year, month, day, hour: Math.floor(minutes / 60), minute: minutes % 60 },
    { zone },
  ).toMillis();
}

/** Midnight at the start of a local calendar date (YYYY-MM-DD) in a zone, as epoch ms. */
export function startOfLocalDate(isoDate: string, zone: string): number {
  const [year, month, day] = isoDate.split('-').map(Number);
  return DateTime.fromObject({ year: year!, month: month!, day: day! }, { zone }).startOf('day').toMillis();
}

/** The local calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDateOf(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISODate() ?? '';
}
