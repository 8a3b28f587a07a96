import { DateTime } from 'luxon';
import { startOfLocalDate } from '../../shared/calendar/business-hours';
import type { Stage } from '../../shared/domain/types';
import { AppError } from '../../shared/errors';
import type { ParsedLeadQuery } from '../../shared/leads/types';
import { FILTER_FIELDS } from '../../shared/metrics/types';
import { segmentsInStages } from '../metrics/sql';

/** Named parameters of one statement. */
export type Params = Record<string, number | string | null>;

/** A condition over `leads l`, with its parameters. */
export interface Where {
  readonly sql: string;
  readonly params: Params;
}

/** The temp table holding the leads of a figure while a list over them is built. */
export const FIGURE_TABLE = 'temp.leads_figure';

/** `%` and `_` in a search are literal characters, not patterns. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function nextDay(iso: string): string {
  return DateTime.fromISO(iso, { zone: 'UTC' }).plus({ days: 1 }).toISODate() ?? iso;
}

/**
 * The WHERE clause of a lead query over `leads l`. Column names come from fixed lists, values
 * only ever travel as parameters; custom field names are validated by the schema (letters,
 * digits, space, `_ . -`) and still passed as a JSON path parameter.
 */
export function leadWhere(query: ParsedLeadQuery, stages: readonly Stage[], zone: string): Where {
  const parts: string[] = [];
  const params: Params = {};
  let n = 0;
  const param = (value: string | number): string => {
    const name = `p${n++}`;
    params[name] = value;
    return `@${name}`;
  };

  for (const field of FILTER_FIELDS) {
    const values = query.filters[field];
    if (values?.length) parts.push(`l.${field} IN (${values.map(param).join(', ')})`);
  }
  for (const [field, values] of Object.entries(query.filters.custom ?? {})) {
    parts.push(`CAST(json_extract(l.custom, ${param(`$."${field}"`)}) AS TEXT) IN (${values.map(param).join(', ')})`);
  }
  if (query.stages) {
    const ids = query.stages.map((key) => {
      const stage = stages.find((s) => s.key === key);
      if (!stage) throw new AppError('leads.unknownStage', { stage: key });
      return stage.id;
    });
    // The latest event of a lead is its metric_events row without a next event (index metric_events_span,
    // led by stage and segment).
    const stageIds = ids.join(', ');
    parts.push(
      `l.id IN (SELECT lead_id FROM metric_events WHERE stage_id IN (${stageIds}) AND left_at IS NULL
        AND segment IN (${segmentsInStages(stageIds)}))`,
    );
  }
  if (query.search) parts.push(`l.external_id LIKE ${param(`%${likeLiteral(query.search)}%`)} ESCAPE '\\'`);
  if (query.createdFrom) parts.push(`l.created_at >= ${param(startOfLocalDate(query.createdFrom, zone))}`);
  if (query.createdTo) parts.push(`l.created_at < ${param(startOfLocalDate(nextDay(query.createdTo), zone))}`);
  if (query.figure) parts.push(`l.id IN (SELECT id FROM ${FIGURE_TABLE})`);
  return { sql: parts.length === 0 ? '1' : parts.join(' AND '), params };
}

/** Whether the query restricts the leads at all (an unrestricted list pages through an index). */
export function isRestricted(query: ParsedLeadQuery): boolean {
  const f = query.filters;
  return (
    FILTER_FIELDS.some((field) => (f[field]?.length ?? 0) > 0) ||
    Object.keys(f.custom ?? {}).length > 0 ||
    query.stages !== undefined ||
    query.search !== undefined ||
    query.createdFrom !== undefined ||
    query.createdTo !== undefined ||
    query.figure !== undefined
  );
}

/**
 * ORDER BY over `leads l`: the sort column, then the id so the order is total. `sortAfter` keeps
 * SQLite from walking the sort column's index and reading each lead at random to test the
 * filters (28 s for an id search over a million leads): the unary `+` makes it find the matches
 * first (by a filter's index or one sequential scan) and sort only those.
 */
export function leadOrder(query: ParsedLeadQuery, options: { sortAfter?: boolean } = {}): string {
  const dir = query.sort.direction === 'asc' ? 'ASC' : 'DESC';
  return `${options.sortAfter ? '+' : ''}l.${query.sort.column} ${dir}, l.id ${dir}`;
}
