import { DateTime } from 'luxon';
import { startOfLocalDate } from '../calendar/business-hours';

/** A reporting period: inclusive calendar dates in the workspace time zone. */
export interface Period {
  readonly kind: PeriodKind;
  readonly from: string;
  readonly to: string;
}
export type PeriodKind = 'week' | 'month' | 'quarter' | 'custom';

/** A period as instants: [fromMs, toMs), local midnights in the zone. */
export interface PeriodRange extends Period {
  readonly fromMs: number;
  readonly toMs: number;
  readonly days: number;
}

function d(iso: string): DateTime {
  return DateTime.fromISO(iso, { zone: 'UTC' });
}
function s(dt: DateTime): string {
  return dt.toISODate() ?? '';
}

/** Recognises ISO weeks (Monday to Sunday), months and quarters; anything else is custom. */
export function classifyPeriod(from: string, to: string): Period {
  const a = d(from);
  const b = d(to);
  if (a.weekday === 1 && b.diff(a, 'days').days === 6) return { kind: 'week', from, to };
  if (a.day === 1 && s(a.endOf('month')) === to) return { kind: 'month', from, to };
  if (a.day === 1 && (a.month - 1) % 3 === 0 && s(a.plus({ months: 2 }).endOf('month')) === to)
    return { kind: 'quarter', from, to };
  return { kind: 'custom', from, to };
}

export function isoWeekPeriod(year: number, week: number): Period {
  const monday = DateTime.fromObject({ weekYear: year, weekNumber: week, weekday: 1 }, { zone: 'UTC' });
  return { kind: 'week', from: s(monday), to: s(monday.plus({ days: 6 })) };
}

export function monthPeriod(year: number, month: number): Period {
  const first = DateTime.fromObject({ year, month, day: 1 }, { zone: 'UTC' });
  return { kind: 'month', from: s(first), to: s(first.endOf('month')) };
}

export function quarterPeriod(year: number, quarter: number): Period {
  const first = DateTime.fromObject({ year, month: (quarter - 1) * 3 + 1, day: 1 }, { zone: 'UTC' });
  return { kind: 'quarter', from: s(first), to: s(first.plus({ months: 2 }).endOf('month')) };
}

/** The period just before: the previous week, month or quarter, or as many days before. */
export function previousPeriod(p: Period): Period {
  const a = d(p.from);
  if (p.kind === 'week') return { kind: 'week', from: s(a.minus({ days: 7 })), to: s(a.minus({ days: 1 })) };
  if (p.kind === 'month') return monthPeriod(a.minus({ months: 1 }).year, a.minus({ months: 1 }).month);
  if (p.kind === 'quarter') {
    const prev = a.minus({ months: 3 });
    return quarterPeriod(prev.year, Math.floor((prev.month - 1) / 3) + 1);
  }
  const length = d(p.to).diff(a, 'days').days + 1;
  return { kind: 'custom', from: s(a.minus({ days: length })), to: s(a.minus({ days: 1 })) };
}

/** The same period a year earlier: the same ISO week number (52 when 53 is missing), month, quarter or dates. */
export function yearAgoPeriod(p: Period): Period {
  const a = d(p.from);
  if (p.kind === 'week') {
    const year = a.weekYear - 1;
    const weeks = DateTime.fromObject({ year, month: 12, day: 28 }, { zone: 'UTC' }).weekNumber;
    return isoWeekPeriod(year, Math.min(a.weekNumber, weeks));
  }
  if (p.kind === 'month') return monthPeriod(a.year - 1, a.month);
  if (p.kind === 'quarter') return quarterPeriod(a.year - 1, Math.floor((a.month - 1) / 3) + 1);
  return { kind: 'custom', from: s(a.minus({ years: 1 })), to: s(d(p.to).minus({ years: 1 })) };
}

export function periodRange(p: Period, zone: string): PeriodRange {
  const fromMs = startOfLocalDate(p.from, zone);
  const toMs = startOfLocalDate(s(d(p.to).plus({ days: 1 })), zone);
  return { ...p, fromMs, toMs, days: d(p.to).diff(d(p.from), 'days').days + 1 };
}
