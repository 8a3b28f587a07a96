import { DateTime } from 'luxon';
import {
  classifyPeriod,
  isoWeekPeriod,
  monthPeriod,
  previousPeriod,
  quarterPeriod,
  type Period,
  type PeriodKind,
} from '../../shared/metrics/period';
import { FILTER_FIELDS, filtersSchema, type Filters } from '../../shared/metrics/types';

/** Which earlier period the screens compare with. */
export type CompareMode = 'previous' | 'yearAgo';
export const COMPARE_MODES: readonly CompareMode[] = ['previous', 'yearAgo'];

/** What the three analysis screens share: the period, the lead filters and the comparison. */
export interface AnalysisScope {
  readonly period: Period;
  readonly filters: Filters;
  readonly compare: CompareMode;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function day(iso: string): DateTime {
  return DateTime.fromISO(iso, { zone: 'UTC' });
}

function isIsoDate(value: string | null): value is string {
  return value !== null && ISO.test(value) && day(value).isValid;
}

/** The week, month or quarter containing a date; a custom period keeps its length and ends there. */
export function periodContaining(kind: PeriodKind, date: string, customDays = 7): Period {
  const d = day(date);
  if (kind === 'week') return isoWeekPeriod(d.weekYear, d.weekNumber);
  if (kind === 'month') return monthPeriod(d.year, d.month);
  if (kind === 'quarter') return quarterPeriod(d.year, Math.floor((d.month - 1) / 3) + 1);
  return { kind: 'custom', from: d.minus({ days: customDays - 1 }).toISODate() ?? date, to: date };
}

/** The next period of the same kind (or as many days later for a custom one). */
export function nextPeriod(p: Period): Period {
  const after = day(p.to).plus({ days: 1 }).toISODate() ?? p.to;
  if (p.kind !== 'custom') return periodContaining(p.kind, after);
  const length = day(p.to).diff(day(p.from), 'days').days + 1;
  return {
    kind: 'custom',
    from: after,
    to:
      day(after)
        .plus({ days: length - 1 })
        .toISODate() ?? after,
  };
}

export function shiftPeriod(p: Period, steps: number): Period {
  let out = p;
  for (let i = 0; i < Math.abs(steps); i++) out = steps > 0 ? nextPeriod(out) : previousPeriod(out);
  return out;
}

/**
 * The period a screen opens with: the last complete ISO week before today, or, when the data
 * ends earlier (an old export), the week of the last stage event, so the first view has figures.
 */
export function defaultPeriod(today: string, lastEventDate: string | null): Period {
  const lastWeek = periodContaining('week', day(today).minus({ days: 7 }).toISODate() ?? today);
  if (lastEventDate && lastEventDate < lastWeek.from) return periodContaining('week', lastEventDate);
  return lastWeek;
}

/** Hash parameters of the scope; other parameters in the hash (a screen's tab) are left alone. */
const OWN = new Set(['from', 'to', 'kind', 'cmp']);
const FIELD_PREFIX = 'f.';
const CUSTOM_PREFIX = 'c.';

function isOwn(key: string): boolean {
  return OWN.has(key) || key.startsWith(FIELD_PREFIX) || key.startsWith(CUSTOM_PREFIX);
}

/** Whether the parameters carry a scope at all (a bare `#/sla` keeps the scope the user had). */
export function hasScope(params: URLSearchParams): boolean {
  for (const key of params.keys()) if (isOwn(key)) return true;
  return false;
}

/** The parameters without the scope's own (a screen's tab stays). */
export function withoutScope(params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of params) if (!isOwn(k)) out.append(k, v);
  return out;
}

/** Writes the scope into URL search parameters (kept in the hash after the section: `#/funnel?from=…`). */
export function writeScope(scope: AnalysisScope, into: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of into) if (!isOwn(k)) out.append(k, v);
  out.set('from', scope.period.from);
  out.set('to', scope.period.to);
  // The kind is implied by the dates except for a custom range that happens to look like a week.
  if (scope.period.kind === 'custom' && classifyPeriod(scope.period.from, scope.period.to).kind !== 'custom')
    out.set('kind', 'custom');
  if (scope.compare !== 'previous') out.set('cmp', scope.compare);
  for (const field of FILTER_FIELDS)
    for (const v of scope.filters[field] ?? []) out.append(`${FIELD_PREFIX}${field}`, v);
  for (const [name, values] of Object.entries(scope.filters.custom ?? {}))
    for (const v of values) out.append(`${CUSTOM_PREFIX}${name}`, v);
  return out;
}

/** Reads a scope back; anything missing or invalid falls back, so a hand-edited link never breaks the screen. */
export function readScope(params: URLSearchParams, fallback: AnalysisScope): AnalysisScope {
  const from = params.get('from');
  const to = params.get('to');
  let period = fallback.period;
  if (isIsoDate(from) && isIsoDate(to) && from <= to) {
    const classified = classifyPeriod(from, to);
    period = params.get('kind') === 'custom' ? { kind: 'custom', from, to } : classified;
  }
  const compare: CompareMode = params.get('cmp') === 'yearAgo' ? 'yearAgo' : 'previous';
  const fields: Record<string, string[]> = {};
  const custom: Record<string, string[]> = {};
  for (const [k, v] of params) {
    if (k.startsWith(FIELD_PREFIX)) (fields[k.slice(FIELD_PREFIX.length)] ??= []).push(v);
    else if (k.startsWith(CUSTOM_PREFIX)) (custom[k.slice(CUSTOM_PREFIX.length)] ??= []).push(v);
  }
  const parsed = filtersSchema.safeParse(Object.keys(custom).length > 0 ? { ...fields, custom } : fields);
  return { period, compare, filters: parsed.success ? parsed.data : fallback.filters };
}

/** The search part of a section hash (`#/funnel?from=…` → `from=…`). */
export function hashParams(hash: string): URLSearchParams {
  const q = hash.indexOf('?');
  return new URLSearchParams(q < 0 ? '' : hash.slice(q + 1));
}

/** The hash with new parameters, keeping its section. */
export function withHashParams(hash: string, params: URLSearchParams): string {
  const base = hash.split('?')[0] || '#/';
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

/** How many filter values are set, for "Clear filters (3)". */
export function filterCount(filters: Filters): number {
  let n = 0;
  for (const field of FILTER_FIELDS) n += filters[field]?.length ?? 0;
  for (const values of Object.values(filters.custom ?? {})) n += values.length;
  return n;
}

/** Filters with one field's values replaced (an empty list removes the field). */
export function setFilterValues(filters: Filters, field: string, values: readonly string[]): Filters {
  const custom = field.startsWith('custom.') ? field.slice('custom.'.length) : null;
  if (custom !== null) {
    const rest = { ...(filters.custom ?? {}) };
    if (values.length > 0) rest[custom] = [...values];
    else delete rest[custom];
    const { custom: _drop, ...others } = filters;
    return Object.keys(rest).length > 0 ? { ...others, custom: rest } : others;
  }
  const next: Record<string, unknown> = { ...filters };
  if (values.length > 0) next[field] = [...values];
  else delete next[field];
  const parsed = filtersSchema.safeParse(next);
  return parsed.success ? parsed.data : filters;
}

/** The values a filter field holds now (`custom.NAME` for custom fields). */
export function filterValues(filters: Filters, field: string): readonly string[] {
  if (field.startsWith('custom.')) return filters.custom?.[field.slice('custom.'.length)] ?? [];
  const key = FILTER_FIELDS.find((f) => f === field);
  return key ? (filters[key] ?? []) : [];
}
