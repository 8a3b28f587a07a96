import type { Workspace } from '../workspace/workspace';
import { checkPeriod, openContext, slaRule, type Context } from './service';
import { reachColumn, type Fragment, type MetricsSql, type Params } from './sql';
import { NO_SEGMENT } from '../db/migrations/011_metric_segment';
import { entryStep, exitStep } from './waterfall-steps';
import { periodRange } from '../../shared/metrics/period';
import type { DrillPage, FigureRef, Filters, WaterfallMovement } from '../../shared/metrics/types';
import type { Stage } from '../../shared/domain/types';

const DAY = 86_400_000;

export interface DrillOptions {
  readonly from: string;
  readonly to: string;
  readonly filters: Filters;
  readonly withinDays: number | null;
  readonly asOf?: number | undefined;
  readonly figure: FigureRef;
  readonly offset: number;
  readonly limit: number;
}

/** Columns every drill-down row carries; figure-specific ones are passed in. */
function rows(
  where: string,
  extra: { reached?: string; touched?: string; deadline?: string; reason?: string } = {},
): string {
  return `SELECT lead_id, stage_id, entered_at, ${extra.reached ?? 'NULL'} AS reached_at, assigned_at,
    ${extra.touched ?? 'CASE WHEN first_touch_after <= @asOf THEN first_touch_after END'} AS touched_at,
    ${extra.deadline ?? 'NULL'} AS deadline_at, ${extra.reason ?? 'NULL'} AS reason
    FROM metric_events WHERE ${where}`;
}

/**
 * The leads behind one count of a stage's waterfall, by the rules the report counts with: a count
 * at an instant lists the spans that contain it; an entry is a row of the stage entered in the
 * period, classed by the stage the lead came from; an exit is a span of the stage left in the
 * period, classed by the stage it went to. Every row shows when the lead left the stage, if it did.
 */
function waterfallRows(q: MetricsSql, stage: Stage, movement: WaterfallMovement): string {
  const ids = (test: (s: Stage) => boolean) => `(${q.ids(q.stages.filter(test))})`;
  const counted = (at: string, before: string) =>
    q
      .inStageAt(stage, at, before)
      .map((p) => rows(p.sql, { reached: 'left_at' }))
      .join(' UNION ALL ');
  const age = stage.allowedAgeDays === null ? null : stage.allowedAgeDays * DAY;
  switch (movement) {
    case 'start':
      return counted('@from', '@from');
    case 'end':
      return counted('@end', '@end');
    case 'stalled_start':
      return age === null ? rows('0') : counted('@from', `@from - ${age}`);
    case 'stalled_end':
      return age === null ? rows('0') : counted('@end', `@end - ${age}`);
    case 'in_new':
      return rows(`${q.entries([stage])} AND prev_stage_id IS NULL`, { reached: 'left_at' });
  }
  if (movement.startsWith('in_')) {
    const from = ids((s) => entryStep(stage, s) === movement);
    return rows(`${q.entries([stage])} AND prev_stage_id IN ${from}`, { reached: 'left_at' });
  }
  const to = ids((s) => exitStep(stage, s) === movement);
  return rows(`${q.keyed([stage])} AND left_at >= @from AND left_at < @end AND next_stage_id IN ${to}${q.filter.sql}`, {
    reached: 'left_at',
  });
}

/** The rows behind a figure: the same predicates the report counts with (see MetricsSql). */
function figureRows(ctx: Context, figure: FigureRef, rangeFrom: number): Fragment {
  const { q } = ctx;
  switch (figure.type) {
    case 'flow':
      return { sql: rows(q.entries([q.stage(figure.stage)]), { reached: 'left_at' }), params: {} };
    case 'entries':
      return { sql: rows(q.entries(q.ofKind(figure.kind)), { reached: 'left_at' }), params: {} };
    case 'conversion': {
      const to = q.stage(figure.to);
      const side =
        figure.side === 'numerator' ? ` AND ${q.reached(to)}` : figure.side === 'open' ? ` AND ${q.open(to)}` : '';
      return { sql: rows(`${q.cohort([q.stage(figure.from)])}${side}`, { reached: reachColumn(to) }), params: {} };
    }
    case 'lifetime':
      return { sql: rows(q.cohort(q.ofKind('won'))), params: {} };
    case 'stalled':
      return { sql: waterfallRows(q, q.stage(figure.stage), 'stalled_end'), params: {} };
    case 'waterfall':
      return { sql: waterfallRows(q, q.stage(figure.stage), figure.movement), params: {} };
    case 'followup':
    case 'arbitration': {
      const { rule } = slaRule(ctx, rangeFrom);
      const s = ctx.repo.slaRows(q, rule);
      let where = '1';
      if (figure.type === 'arbitration') where = 'touch IS NULL AND @asOf >= deadline AND NOT worked';
      else if (figure.side === 'met') where = 'touch IS NOT NULL AND touch <= deadline';
      else if (figure.side === 'breached')
        where = '((touch IS NOT NULL AND touch > deadline) OR (touch IS NULL AND @asOf >= deadline))';
      else if (figure.side === 'pending') where = 'touch IS NULL AND @asOf < deadline';
      const params: Params = { ...s.params };
      if (figure.type === 'followup' && figure.owner !== undefined) {
        where += figure.owner === null ? ' AND owner IS NULL' : ' AND owner = @drillOwner';
        if (figure.owner !== null) params.drillOwner = figure.owner;
      }
      return {
        sql: `SELECT lead_id, stage_id, entered_at, touch AS reached_at, assigned_at, touch AS touched_at, deadline AS deadline_at, NULL AS reason FROM (${s.sql}) WHERE ${where}`,
        params,
      };
    }
    case 'quality': {
      const { rule } = slaRule(ctx, rangeFrom);
      const side = figure.side === 'numerator' ? ` AND ${q.reachedEver(rule.accepted)}` : '';
      return { sql: rows(`${q.cohort([rule.handoff])}${side}`, { reached: reachColumn(rule.accepted) }), params: {} };
    }
    case 'recycling': {
      const { rule } = slaRule(ctx, rangeFrom);
      if (rule.rejection.length === 0) return { sql: rows('0'), params: {} };
      const r = ctx.repo.recyclingRows(q, rule);
      const where = figure.side === 'numerator' ? 'with_reason AND in_window' : '1';
      return {
        sql: `SELECT lead_id, stage_id, entered_at, rejected_at AS reached_at, assigned_at, touch AS touched_at, deadline AS deadline_at, NULL AS reason
              FROM (${r.sql}) WHERE ${where}`,
        params: r.params,
      };
    }
    case 'winloss': {
      const stages: Stage[] = q.ofKind(figure.outcome);
      const params: Params = {};
      let where = q.cohort(stages);
      if (figure.reason !== undefined) {
        where += ` AND ${q.reason()} = @drillReason`;
        params.drillReason = figure.reason;
      }
      if (figure.by) {
        const { field, value } = figure.by;
        // The stage a lost lead was in is its closing event's previous stage, as `closings` groups it.
        const column = field === 'lost_at_stage' ? 'prev_stage_id' : field;
        if (value === null) where += column === 'segment' ? ` AND segment = '${NO_SEGMENT}'` : ` AND ${column} IS NULL`;
        else {
          where += ` AND ${column} = @drillBy`;
          params.drillBy = field === 'lost_at_stage' ? q.stage(value).id : value;
        }
      }
      return { sql: rows(where, { reason: q.reason() }), params };
    }
  }
}

/** One page of the leads behind a figure, with the total, for the same period and filters as the figure. */
export function drilldown(ws: Workspace, options: DrillOptions): DrillPage {
  const period = checkPeriod(options.from, options.to);
  const ctx = openContext(ws, options);
  const range = periodRange(period, ctx.zone);
  const fragment = figureRows(ctx, options.figure, range.fromMs);
  const params: Params = {
    ...ctx.q.filter.params,
    from: range.fromMs,
    end: Math.min(range.toMs, ctx.asOf + 1),
    asOf: ctx.asOf,
    window: ctx.window,
  };
  const page = ctx.repo.page(fragment, params, options.offset, options.limit);
  const key = new Map(ctx.q.stages.map((s) => [s.id, s.key]));
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    total: page.total,
    offset: options.offset,
    limit: options.limit,
    leads: page.rows.map((r) => ({
      id: Number(r.lead_id),
      external_id: String(r.external_id),
      owner: str(r.lead_owner),
      segment: str(r.lead_segment),
      source: str(r.lead_source),
      country: str(r.lead_country),
      created_at: Number(r.lead_created_at),
      stage: key.get(Number(r.stage_id)) ?? '',
      entered_at: Number(r.entered_at),
      reached_at: num(r.reached_at),
      assigned_at: num(r.assigned_at),
      touched_at: num(r.touched_at),
      deadline_at: num(r.deadline_at),
      reason: str(r.reason),
    })),
  };
}
