import type { TFunction } from 'i18next';
import type { StepKind } from '../../../shared/meetings/model';
import type { IsoWeek } from '../../../shared/meetings/week';
import { formatDate, formatDateRange, formatDecimal, formatInteger } from '../../format';
import { clockParts } from './state/agenda-clock';

/** "Jun 15 – 21, 2026": a reviewed week's dates (calendar dates, so read at noon UTC). */
export function weekRange(locale: string, week: Pick<IsoWeek, 'from' | 'to'>): string {
  return formatDateRange(locale, Date.parse(`${week.from}T12:00:00Z`), Date.parse(`${week.to}T12:00:00Z`), 'UTC');
}

/** A date-only value (`YYYY-MM-DD`, a due date) as a calendar date in the user's language. */
export function calendarDate(locale: string, iso: string): string {
  return formatDate(locale, Date.parse(`${iso}T12:00:00Z`), 'UTC');
}

/** A step's name: its custom title, or its kind's name in the user's language. */
export function stepName(t: TFunction, step: { readonly kind: StepKind; readonly title: string | null }): string {
  return step.title ?? t(`meetings.step.${step.kind}`);
}

/** "12:05": minutes and seconds of a clock face (minutes grouped by the locale beyond 999). */
export function clockText(locale: string, ms: number): string {
  const { minutes, seconds } = clockParts(ms);
  return `${formatInteger(locale, minutes)}:${String(seconds).padStart(2, '0')}`;
}

/** Whole minutes of a budget, e.g. "10". */
export function budgetMinutes(locale: string, ms: number): string {
  return formatInteger(locale, Math.round(ms / 60_000));
}

/** A count change with its sign: "+12", "−3", "0". */
export function signedInteger(locale: string, n: number): string {
  const text = formatInteger(locale, Math.abs(n));
  return n > 0 ? `+${text}` : n < 0 ? `−${text}` : text;
}

/** A change in days with one decimal and its sign. */
export function signedDays(locale: string, n: number): string {
  const text = formatDecimal(locale, Math.abs(n), 1);
  return n > 0 ? `+${text}` : n < 0 ? `−${text}` : text;
}
