import { IANAZone } from 'luxon';
import { AppError } from '../errors';

/**
 * Dates as CRMs and spreadsheets write them: ISO 8601 (with or without time and offset),
 * YYYY/MM/DD and YYYY.MM.DD, DD/MM/YYYY or MM/DD/YYYY with `/`, `.` or `-`, optional 12-hour
 * clocks, Excel serial numbers, compact YYYYMMDD and Unix epoch seconds or milliseconds.
 * A value without an offset is a wall time in the workspace time zone (a date alone is midnight).
 * This runs once per date cell of a million-row import, so it avoids allocation-heavy libraries
 * on the common path and only asks luxon for zone offsets, cached per quarter hour.
 */

export type DateOrder = 'dmy' | 'mdy';

const TIME = String.raw`(?:[T\s,]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*([AaPp])\.?[Mm]\.?)?)?`;
const ZONE = String.raw`\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}${ZONE}$`);
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})${TIME}${ZONE}$`);
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^\d{5,7}(?:\.\d+)?$/;
const EPOCH_S = /^\d{10}$/;
const EPOCH_MS = /^\d{13}$/;

const DAY_MS = 86_400_000;
/** Excel's day 25569 is 1970-01-01; earlier serials are not plausible CRM dates. */
const EXCEL_EPOCH = 25_569;
const EXCEL_MAX = 2_958_465;

function daysInMonth(y: number, m: number): number {
  return m === 2
    ? y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
      ? 29
      : 28
    : m === 4 || m === 6 || m === 9 || m === 11
      ? 30
      : 31;
}

function fullYear(text: string): number {
  const y = Number(text);
  // Two-digit years: 00-69 are this century, 70-99 the last (the POSIX strptime rule).
  return text.length === 2 ? (y < 70 ? 2000 + y : 1900 + y) : y;
}

/** Offset in minutes from `Z`, `UTC`, `+03`, `+0300`, `+03:00`; null when absent. */
function offsetMinutes(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (text === 'Z' || text === 'z' || text === 'UTC' || text === 'GMT') return 0;
  const sign = text[0] === '-' ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const h = Number(digits.slice(0, 2));
  const m = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (h > 14 || m > 59) return Number.NaN;
  return sign * (h * 60 + m);
}

/** Milliseconds of a wall clock reading (as if UTC), or NaN when a part is out of range. */
function wall(y: number, mo: number, d: number, g: RegExpExecArray, base: number): number {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return Number.NaN;
  let h = g[base] === undefined ? 0 : Number(g[base]);
  const mi = g[base + 1] === undefined ? 0 : Number(g[base + 1]);
  const s = g[base + 2] === undefined ? 0 : Number(g[base + 2]);
  const frac = g[base + 3];
  const ms = frac === undefined ? 0 : Math.round(Number(`0.${frac}`) * 1000);
  const ampm = g[base + 4];
  if (ampm !== undefined) {
    if (h < 1 || h > 12) return Number.NaN;
    const pm = ampm === 'p' || ampm === 'P';
    h = (h % 12) + (pm ? 12 : 0);
  }
  if (h > 24 || mi > 59 || s > 60 || (h === 24 && (mi > 0 || s > 0))) return Number.NaN;
  return Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms);
}

/**
 * Converts wall-clock readings in one IANA zone to UTC. A time in a DST gap moves forward by the gap
 * (as luxon does); a repeated hour takes its earlier instant, whatever the season the import runs in.
 */
export class ZoneClock {
  private readonly zone: IANAZone | null;
  private readonly offsets = new Map<number, number>();

  constructor(readonly timeZone: string) {
    if (timeZone === 'UTC' || timeZone === 'Etc/UTC') {
      this.zone = null;
      return;
    }
    const zone = IANAZone.create(timeZone);
    if (!zone.isValid) throw new AppError('imports.badTimeZone', { timeZone });
    this.zone = zone;
  }

  /** Offset in minutes at an instant. Zone rules change on quarter hours, so that is the cache key. */
  offsetAt(ts: number): number {
    if (this.zone === null) return 0;
    const bucket = Math.floor(ts / 900_000);
    let o = this.offsets.get(bucket);
    if (o === undefined) {
      o = this.zone.offset(bucket * 900_000);
      if (this.offsets.size > 500_000) this.offsets.clear();
      this.offsets.set(bucket, o);
    }
    return o;
  }

  toUtc(wallMs: number): number {
    if (this.zone === null) return wallMs;
    // The offsets a day either side: equal unless a transition is near (zones change at most twice a year).
    const before = this.offsetAt(wallMs - 86_400_000);
    const after = this.offsetAt(wallMs + 86_400_000);
    if (before === after) return wallMs - before * 60_000;
    const early = wallMs - Math.max(before, after) * 60_000;
    const late = wallMs - Math.min(before, after) * 60_000;
    const earlyValid = this.offsetAt(early) === Math.max(before, after);
    const lateValid = this.offsetAt(late) === Math.min(before, after);
    if (earlyValid) return early;
    if (lateValid) return late;
    // A wall time that does not exist (spring-forward gap) moves forward by the gap.
    return late;
  }
}

/**
 * Parses one cell; NaN when it is not a date in any accepted form (with day/month read in `order`).
 * Returns epoch milliseconds UTC.
 */
export function parseDate(text: string, order: DateOrder, clock: ZoneClock): number {
  let g = YEAR_FIRST.exec(text);
  if (g) return finish(wall(Number(g[1]), Number(g[3]), Number(g[4]), g, 5), g[10], clock);
  g = YEAR_LAST.exec(text);
  if (g) {
    const a = Number(g[1]);
    const b = Number(g[3]);
    const y = fullYear(g[4]!);
    return finish(order === 'dmy' ? wall(y, b, a, g, 5) : wall(y, a, b, g, 5), g[10], clock);
  }
  if (SERIAL.test(text)) {
    const serial = Number(text);
    if (serial < EXCEL_EPOCH || serial > EXCEL_MAX) return Number.NaN;
    // Excel stores wall time; a serial has no offset, so the workspace zone applies.
    return clock.toUtc(Math.round((serial - EXCEL_EPOCH) * DAY_MS));
  }
  g = COMPACT.exec(text);
  if (g) {
    const y = Number(g[1]);
    const mo = Number(g[2]);
    const d = Number(g[3]);
    if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return Number.NaN;
    return clock.toUtc(Date.UTC(y, mo - 1, d));
  }
  if (EPOCH_MS.test(text)) return Number(text);
  if (EPOCH_S.test(text)) return Number(text) * 1000;
  return Number.NaN;
}

function finish(wallMs: number, zone: string | undefined, clock: ZoneClock): number {
  if (Number.isNaN(wallMs)) return wallMs;
  const offset = offsetMinutes(zone);
  if (offset === null) return clock.toUtc(wallMs);
  return Number.isNaN(offset) ? offset : wallMs - offset * 60_000;
}

/** How a date column's day/month order was settled, for the preview and the import report. */
export interface DateOrderInference {
  /** The order the data proves, or null when no value tells (all day and month parts <= 12). */
  readonly order: DateOrder | null;
  /** A value that proves it (e.g. `26/02/2018` proves day first). */
  readonly example: string | null;
  /** A value contradicting `example`: the column mixes both orders. */
  readonly conflict: string | null;
  /** Values written with the day/month ambiguity at all (dd/mm vs mm/dd). */
  readonly ambiguousFormat: number;
}

export function inferDateOrder(values: Iterable<string>): DateOrderInference {
  let dmy: string | null = null;
  let mdy: string | null = null;
  let ambiguousFormat = 0;
  for (const v of values) {
    const g = YEAR_LAST.exec(v.trim());
    if (!g) continue;
    ambiguousFormat++;
    const a = Number(g[1]);
    const b = Number(g[3]);
    if (a > 12 && b <= 12) dmy ??= v;
    else if (b > 12 && a <= 12) mdy ??= v;
  }
  if (dmy && mdy) return { order: 'dmy', example: dmy, conflict: mdy, ambiguousFormat };
  if (dmy) return { order: 'dmy', example: dmy, conflict: null, ambiguousFormat };
  if (mdy) return { order: 'mdy', example: mdy, conflict: null, ambiguousFormat };
  return { order: null, example: null, conflict: null, ambiguousFormat };
}

/** The accepted forms, for "expected" in the validation report. */
export function dateFormatsFor(order: DateOrder): string {
  const dm = order === 'dmy' ? 'DD/MM/YYYY' : 'MM/DD/YYYY';
  return `YYYY-MM-DD[ HH:MM[:SS]][±HH:MM], ${dm} (/ . -), Excel serial`;
}
