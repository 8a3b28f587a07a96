import { METRIC_STAGE_SLOTS } from '../db/migrations/003_metrics';
import { METRIC_OPEN_FIELDS } from '../db/migrations/009_metric_open';
import type { Stage } from '../../shared/domain/types';
import { FILTER_FIELDS, NO_REASON, UNCODED_REASON, type Filters } from '../../shared/metrics/types';
import { AppError } from '../../shared/errors';

/** Named parameters of one query. */
export type Params = Record<string, number | string | null>;

/** A fragment of SQL over metric_events (alias-free) with the parameters it needs. */
export interface Fragment {
  readonly sql: string;
  readonly params: Params;
}

/** Column of metric_events holding the first entry into a stage at or after the row's event. */
export function reachColumn(stage: Stage): string {
  if (!Number.isInteger(stage.id) || stage.id < 1 || stage.id > METRIC_STAGE_SLOTS) {
    throw new AppError('metrics.tooManyStages', { stage: stage.key, limit: METRIC_STAGE_SLOTS });
  }
  return `r${stage.id}`;
}

/** Far future, for min() over columns that may be NULL. */
export const NEVER = 9e15;

/**
 * The building blocks every figure and its drill-down share, so a figure and the list of its
 * leads can never disagree. `end` is the exclusive end of what is visible: min(period end, asOf + 1).
 */
export class MetricsSql {
  readonly filter: Fragment;
  /**
   * The rows of metric_open (migration 9) that count the open spans the filter keeps: all leads,
   * or the values of one filter field. Null when the filter is anything else (two fields, a custom
   * field, a restriction), and the open spans are counted from metric_events instead.
   */
  readonly openCounts: Fragment | null;

  /**
   * Whether a conversion window may be bound to @window. Without one the fragments leave out its
   * tests, which SQLite would otherwise evaluate on every row (a bound parameter is not folded).
   */
  readonly windowed: boolean;

  /**
   * metric_events and its span and first-event indexes are led by (stage, segment) (migration 11):
   * a read of a stage's rows names the segments, each one range. A segment filter names its own;
   * otherwise every segment a lead has, from metric_open, which counts every lead's latest span and
   * so holds them all.
   */
  private readonly segmentKey: string;

  /**
   * `restrict`: an extra condition on metric_events rows (the definitions' impact preview narrows
   * the leads to a rule). `windowed: false` promises that @window is always bound to null.
   */
  constructor(
    readonly stages: readonly Stage[],
    filters: Filters,
    options: { restrict?: Fragment; windowed?: boolean } = {},
  ) {
    const { restrict, windowed = true } = options;
    this.windowed = windowed;
    const f = filterFragment(filters);
    this.filter = restrict ? { sql: `${f.sql} AND ${restrict.sql}`, params: { ...f.params, ...restrict.params } } : f;
    this.openCounts = restrict ? null : f.openCounts;
    this.segmentKey = filters.segment?.length ? '' : ` AND segment IN (${this.segments()})`;
  }

  /** Every segment value metric_events holds (and perhaps a few no lead has any more). */
  segments(): string {
    return segmentsInStages(this.ids(this.stages));
  }

  /** Rows of the stages, by the segment part of every key; the caller adds the time or span range. */
  keyed(stages: readonly Stage[]): string {
    return `stage_id IN (${this.ids(stages)})${this.segmentKey}`;
  }

  stage(key: string): Stage {
    const s = this.stages.find((x) => x.key === key);
    if (!s) throw new AppError('metrics.unknownStage', { stage: key });
    return s;
  }

  ofKind(kind: Stage['kind']): Stage[] {
    return this.stages.filter((s) => s.kind === kind);
  }

  ids(stages: readonly Stage[]): string {
    return stages.length === 0 ? 'NULL' : stages.map((s) => String(s.id)).join(', ');
  }

  /** Entries into the stages within [from, end). */
  entries(stages: readonly Stage[]): string {
    return `${this.keyed(stages)} AND entered_at >= @from AND entered_at < @end${this.filter.sql}`;
  }

  /** The cohort: each lead's first entry into the stages within the period. */
  cohort(stages: readonly Stage[]): string {
    return `${this.entries(stages)} AND (prev_same_at IS NULL OR prev_same_at < @from)`;
  }

  /** Reached `to` at or after the row's entry, by asOf, within the window when one is set. */
  reached(to: Stage): string {
    const r = reachColumn(to);
    if (!this.windowed) return this.reachedEver(to);
    return `(${r} IS NOT NULL AND ${r} <= @asOf AND (@window IS NULL OR ${r} - entered_at <= @window))`;
  }

  /** Reached `to` at all by asOf (no window), e.g. for the SAL rate. */
  reachedEver(to: Stage): string {
    const r = reachColumn(to);
    return `coalesce(${r} <= @asOf, 0)`;
  }

  /** The first instant, at or after the row's entry, at which the lead entered one of the stages. */
  firstOf(stages: readonly Stage[]): string {
    if (stages.length === 0) return 'NULL';
    if (stages.length === 1) return reachColumn(stages[0]!);
    return `nullif(min(${stages.map((s) => `coalesce(${reachColumn(s)}, ${NEVER})`).join(', ')}), ${NEVER})`;
  }

  exitStages(): Stage[] {
    return this.stages.filter((s) => s.kind !== 'funnel');
  }

  /**
   * Left the funnel (won, lost, recycled, disqualified) at or after the entry, by asOf: any exit
   * stage reached by then, which is the earliest of them by then without min()'s function call
   * (a NULL column makes its term NULL, which OR and coalesce read as false).
   */
  exited(): string {
    const stages = this.exitStages();
    if (stages.length === 0) return '0';
    return `coalesce(${stages.map((s) => `${reachColumn(s)} <= @asOf`).join(' OR ')}, 0)`;
  }

  /** Not reached, not exited, and the window (if any) not yet over: could still convert. */
  open(to: Stage): string {
    return `(NOT ${this.reached(to)} AND NOT ${this.exited()}${this.windowNotOver()})`;
  }

  /** `AND` the conversion window (if any) is not over by asOf; nothing when there is none. */
  windowNotOver(): string {
    return this.windowed ? ' AND (@window IS NULL OR entered_at + @window > @asOf)' : '';
  }

  /** In the stage at instant `at`: span [entered_at, left_at) contains it; the open spans, then those left since. */
  inStageAt(stage: Stage, at: string, enteredBefore: string): Fragment[] {
    return [spanOpen(enteredBefore), spanLeftSince(at, enteredBefore)].map((span) => ({
      sql: `${this.keyed([stage])} AND ${span}${this.filter.sql}`,
      params: {},
    }));
  }

  /** The closing reason: the event's code, the lead's outcome code, "uncoded" text, or none. */
  reason(): string {
    return `coalesce(reason_code, outcome_code, CASE WHEN reason_given OR outcome_given THEN '${UNCODED_REASON}' END, '${NO_REASON}')`;
  }
}

/**
 * The segments of the leads whose latest span is in these stages, from metric_open's counts
 * (migration 9), as a subquery. Over every stage: every segment metric_events holds, since each
 * lead has one latest span and all its rows carry its segment.
 */
export function segmentsInStages(stageIds: string): string {
  return `SELECT DISTINCT value FROM metric_open WHERE stage_id IN (${stageIds}) AND field = 'segment'`;
}

/** A span still open, entered before `enteredBefore`. */
export function spanOpen(enteredBefore: string): string {
  return `left_at IS NULL AND entered_at < ${enteredBefore}`;
}

/** A span entered before `enteredBefore` and left at or after `at`. */
export function spanLeftSince(at: string, enteredBefore: string): string {
  return `left_at >= ${at} AND entered_at < ${enteredBefore}`;
}

function filterFragment(filters: Filters): Fragment & { openCounts: Fragment | null } {
  const params: Params = {};
  const parts: string[] = [];
  const open: string[] = [];
  let n = 0;
  for (const field of FILTER_FIELDS) {
    const values = filters[field];
    if (!values?.length) continue;
    const names = values.map((v) => {
      const name = `f${n++}`;
      params[name] = v;
      return `@${name}`;
    });
    parts.push(`${field} IN (${names.join(', ')})`);
    open.push(`field = '${field}' AND value IN (${names.join(', ')})`);
  }
  const counted = FILTER_FIELDS.every(
    (f) => !filters[f]?.length || (METRIC_OPEN_FIELDS as readonly string[]).includes(f),
  );
  const custom = Object.keys(filters.custom ?? {}).length > 0;
  const openCounts =
    custom || !counted || open.length > 1
      ? null
      : { sql: open[0] ?? "field = '' AND value = ''", params: { ...params } };
  for (const [field, values] of Object.entries(filters.custom ?? {})) {
    const path = `f${n++}`;
    // The field name is validated by the schema (letters, digits, space, _ . -), so quoting it in a JSON path is safe.
    params[path] = `$."${field}"`;
    const names = values.map((v) => {
      const name = `f${n++}`;
      params[name] = v;
      return `@${name}`;
    });
    parts.push(
      `lead_id IN (SELECT id FROM leads WHERE CAST(json_extract(custom, @${path}) AS TEXT) IN (${names.join(', ')}))`,
    );
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params, openCounts };
}
