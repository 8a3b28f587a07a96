import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/driver';
import type { BusinessCalendar } from '../../shared/calendar/business-hours';
import type { Stage } from '../../shared/domain/types';
import { NO_SEGMENT } from '../db/migrations/011_metric_segment';
import { NEVER, reachColumn, spanLeftSince, spanOpen, type Fragment, type MetricsSql, type Params } from './sql';

/**
 * Stage counts at an instant in this first share of a stage's history are read from its start;
 * later ones from its open spans (see `inStageAt`). Either way is exact; this only picks the cheaper.
 */
const EARLY_SHARE = 0.25;

/** The instants and window one period's figures are read with. */
export interface Bounds {
  readonly from: number;
  /** Exclusive: min(period end, asOf + 1). */
  readonly end: number;
  readonly asOf: number;
  readonly window: number | null;
}

export interface ConversionRow {
  readonly b: number;
  readonly n: number;
  readonly open: number;
  readonly med: number | null;
  readonly p75: number | null;
}

export interface SlaRule {
  readonly handoff: Stage;
  readonly accepted: Stage;
  readonly rejection: readonly Stage[];
  /** Follow-up window in ms, by segment (overrides) and default. */
  readonly windowMs: number;
  readonly segmentWindowMs: ReadonlyArray<readonly [string, number]>;
  readonly clockStart: 'handoff' | 'assignment';
  readonly recyclingMs: number;
  /** Windows of the terms in force at each hand-off, ascending by `from` (point in time); before the first, the ones above. */
  readonly windowsByHandoff?: ReadonlyArray<{
    readonly from: number;
    readonly windowMs: number;
    readonly segmentWindowMs: ReadonlyArray<readonly [string, number]>;
  }>;
}

/** Counts by stage and by another stage (`other`: where the lead came from or went to; null for none). */
export type StageCounts = ReadonlyArray<{ stage_id: number; other: number | null; n: number }>;

/** A period's stage changes (see `movements`). */
export interface Movements {
  readonly entries: StageCounts;
  readonly exits: StageCounts;
  /** Per stage id: exits in the period of spans entered before the stage's stalled bound. */
  readonly stalledExits: ReadonlyMap<number, number>;
}

export interface ClosingRow {
  readonly stage_id: number;
  readonly reason: string;
  readonly segment: string | null;
  readonly source: string | null;
  readonly owner: string | null;
  readonly prev_stage_id: number | null;
  readonly n: number;
}

/** The SLA counts of one owner's hand-off cohort. */
export interface SlaOwnerRow {
  readonly owner: string | null;
  readonly n: number;
  readonly met: number;
  readonly breached: number;
  readonly pending: number;
  readonly arbitration: number;
  /** Rejected by asOf (recycled or disqualified after hand-off); of those, with a reason, within the window, both. */
  readonly rejected: number;
  readonly with_reason: number;
  readonly within_window: number;
  readonly compliant: number;
}

/**
 * Every metrics query. Figure SQL is assembled from MetricsSql fragments (shared with the
 * drill-downs) and prepared once per distinct text. Business-hours arithmetic reaches SQL as two
 * functions over the calendar set with `useCalendar`, so SLA figures stay aggregates.
 */
export class MetricsRepository {
  private readonly statements = new Map<string, Statement>();
  private calendar: BusinessCalendar | null = null;

  constructor(private readonly db: Db) {
    // Reads of a million-lead workspace touch a few hundred MB: map the file instead of copying pages.
    db.pragma('mmap_size = 4294967296');
    db.pragma('cache_size = -262144');
    const calendar = () => {
      if (!this.calendar) throw new Error('metrics: business calendar not set');
      return this.calendar;
    };
    db.function('fr_bh_add', { deterministic: true }, (start: unknown, ms: unknown) =>
      typeof start === 'number' && typeof ms === 'number' ? calendar().add(start, ms) : null,
    );
    db.function('fr_bh_between', { deterministic: true }, (from: unknown, to: unknown) =>
      typeof from === 'number' && typeof to === 'number' ? calendar().between(from, to) : null,
    );
  }

  useCalendar(calendar: BusinessCalendar): void {
    this.calendar = calendar;
  }

  private prepare(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  get<T>(sql: string, params: Params): T {
    return this.prepare(sql).get(params) as T;
  }

  all<T>(sql: string, params: Params): T[] {
    return this.prepare(sql).all(params) as T[];
  }

  private params(q: MetricsSql, b: Bounds, extra: Params = {}): Params {
    if (!q.windowed && b.window !== null) throw new Error('metrics: a window bound to fragments built without one');
    return { ...q.filter.params, from: b.from, end: b.end, asOf: b.asOf, window: b.window, ...extra };
  }

  /** Entries per stage within the period. */
  flow(q: MetricsSql, b: Bounds): Array<{ stage_id: number; n: number }> {
    return this.all(
      `SELECT stage_id, count(*) AS n FROM metric_events WHERE ${q.entries(q.stages)} GROUP BY stage_id`,
      this.params(q, b),
    );
  }

  /**
   * Cohort of `from` (first entry per lead in the period) and, per target, reached/open counts and
   * durations. Each row's duration and exit flag are computed once, in a subquery SQLite runs as a
   * co-routine (`LIMIT -1` keeps it from being flattened): inlined into every aggregate they made
   * this query about four times slower, and a materialized CTE writes every row to a temporary
   * table first (a fifth slower than the co-routine on a million leads).
   */
  conversions(q: MetricsSql, b: Bounds, from: Stage, targets: readonly Stage[]): { d: number; rows: ConversionRow[] } {
    const durations = targets.map(
      (t, i) => `CASE WHEN ${q.reached(t)} THEN ${reachColumn(t)} - entered_at END AS d${i}`,
    );
    const aggregates = targets.map(
      (_t, i) =>
        `count(d${i}) AS n${i}, sum(d${i} IS NULL AND NOT exited${q.windowNotOver()}) AS o${i}, ` +
        `median(d${i}) AS m${i}, percentile_cont(d${i}, 0.75) AS p${i}`,
    );
    const row = this.get<Record<string, number | null>>(
      `SELECT count(*) AS d${aggregates.map((a) => `, ${a}`).join('')}
       FROM (SELECT entered_at, ${q.exited()} AS exited${durations.map((d) => `, ${d}`).join('')} FROM metric_events WHERE ${q.cohort([from])} LIMIT -1)`,
      this.params(q, b),
    );
    return {
      d: row.d ?? 0,
      rows: targets.map((t, i) => ({
        b: t.id,
        n: row[`n${i}`] ?? 0,
        open: row[`o${i}`] ?? 0,
        med: row[`m${i}`] ?? null,
        p75: row[`p${i}`] ?? null,
      })),
    };
  }

  /** Time from the lead's creation to its first entry into the stages within the period. */
  sinceCreated(
    q: MetricsSql,
    b: Bounds,
    stages: readonly Stage[],
  ): { n: number; med: number | null; p75: number | null } {
    return this.get(
      `SELECT count(*) AS n, median(entered_at - created_at) AS med, percentile_cont(entered_at - created_at, 0.75) AS p75
       FROM metric_events WHERE ${q.cohort(stages)}`,
      this.params(q, b),
    );
  }

  /**
   * Leads in the stage at instant `at` whose span started before `before`, for each of `asks`:
   * spans [entered_at, left_at) with entered_at < before and left_at open or >= at. Two exact ways
   * to count them read very different index ranges:
   * - open spans plus spans left at or after `at`: cheap for a recent instant, once the open
   *   spans come from metric_open's counts (all of the stage's, less those entered at or after
   *   `before`) rather than from the index, where they are as many as the stage's current leads.
   *   The recent asks share one pass over the spans left since the earliest of them;
   * - E(before) - L(at) + X, where E counts spans entered before `before`, L spans left before
   *   `at`, and X spans entered at or after `before` that left before `at` (left_at >= entered_at,
   *   so X is a range of left_at): cheap for an instant early in the history, such as the
   *   year-ago period, where the first way reads nearly every span of the stage.
   * Where `at` falls in the stage's history picks the way, unless `way` names it (the test that
   * both ways agree).
   */
  inStageAt(
    q: MetricsSql,
    stage: Stage,
    asks: ReadonlyArray<{ readonly at: number; readonly before: number }>,
    way?: 'recent' | 'early',
  ): number[] {
    const early = asks.map((a) => (way !== undefined ? way === 'early' : this.isEarly(q, stage, a.at)));
    const recent = asks.filter((_a, i) => !early[i]);
    const recentCounts = recent.length > 0 ? this.inStageRecently(q, stage, recent) : [];
    return asks.map((a, i) => (early[i] ? this.inStageFromStart(q, stage, a.at, a.before) : recentCounts.shift()!));
  }

  private inStageFromStart(q: MetricsSql, stage: Stage, at: number, before: number): number {
    const params = { ...q.filter.params, at, before };
    const count = (sql: string) => this.get<{ n: number }>(`SELECT count(*) AS n FROM metric_events ${sql}`, params).n;
    return (
      count(`WHERE ${q.keyed([stage])} AND entered_at < @before${q.filter.sql}`) -
      count(`INDEXED BY metric_events_span WHERE ${q.keyed([stage])} AND left_at < @at${q.filter.sql}`) +
      count(
        `INDEXED BY metric_events_span WHERE ${q.keyed([stage])} AND left_at >= @before AND left_at < @at AND entered_at >= @before${q.filter.sql}`,
      )
    );
  }

  /** The recent way for several asks: one pass per kind of span, counted per ask. */
  private inStageRecently(
    q: MetricsSql,
    stage: Stage,
    asks: ReadonlyArray<{ readonly at: number; readonly before: number }>,
  ): number[] {
    const params: Params = { ...q.filter.params };
    asks.forEach((a, i) => {
      params[`at${i}`] = a.at;
      params[`before${i}`] = a.before;
    });
    params.firstAt = Math.min(...asks.map((a) => a.at));
    const per = (condition: (i: number) => string) =>
      asks.map((_a, i) => `count(*) FILTER (WHERE ${condition(i)}) AS n${i}`).join(', ');
    const counts = (select: string, where: string) => {
      const row = this.get<Record<string, number>>(
        `SELECT ${select} FROM metric_events INDEXED BY metric_events_span WHERE ${q.keyed([stage])} AND ${where}${q.filter.sql}`,
        params,
      );
      return asks.map((_a, i) => row[`n${i}`]!);
    };
    const left = counts(
      per((i) => spanLeftSince(`@at${i}`, `@before${i}`)),
      'left_at >= @firstAt',
    );
    if (!q.openCounts)
      return counts(
        per((i) => spanOpen(`@before${i}`)),
        'left_at IS NULL',
      ).map((n, i) => n + left[i]!);
    const allOpen = this.get<{ n: number }>(
      `SELECT coalesce(sum(n), 0) AS n FROM metric_open WHERE stage_id = ${stage.id} AND ${q.openCounts.sql}`,
      q.openCounts.params,
    ).n;
    params.firstBefore = Math.min(...asks.map((a) => a.before));
    const newer = counts(
      per((i) => `entered_at >= @before${i}`),
      'left_at IS NULL AND entered_at >= @firstBefore',
    );
    return newer.map((n, i) => allOpen - n + left[i]!);
  }

  /**
   * Whether `at` lies in the first part of the stage's history (EARLY_SHARE of the time from its
   * first entry to its last), where the spans entered before it are few. Two seeks per segment:
   * counting those spans to decide cost as much as the count itself.
   */
  private isEarly(q: MetricsSql, stage: Stage, at: number): boolean {
    const { lo, hi } = this.get<{ lo: number | null; hi: number | null }>(
      // The always-true range on entered_at makes SQLite seek the key's end of each segment; with the
      // segment alone it prefers the narrower span index and reads the whole of it.
      `SELECT min(lo) AS lo, max(hi) AS hi FROM (
         SELECT (SELECT min(entered_at) FROM metric_events WHERE stage_id = ${stage.id} AND segment = v.value AND entered_at >= ${-NEVER}) AS lo,
                (SELECT max(entered_at) FROM metric_events WHERE stage_id = ${stage.id} AND segment = v.value AND entered_at >= ${-NEVER}) AS hi
         FROM (${q.segments()}) v)`,
      {},
    );
    return lo === null || hi === null || at - lo <= (hi - lo) * EARLY_SHARE;
  }

  /**
   * The period's stage changes: entries into each stage by the stage the lead came from (`other`,
   * null for the lead's first event) and exits from each stage by the stage it went to. Both come
   * from indexes, not the wide rows: a change is the end of a span (the span index gives spans left
   * in [from, end) with the stage entered), so it is at once the exit from one stage and the entry
   * into the next; first events are a range of metric_events_first. Every filter is a field of the
   * lead, the same on both rows of a change.
   *
   * `stalledBefore` gives, per stage id, the instant a span must have been entered before to count
   * as stalled at the period's start; `stalledExits` counts that stage's exits in the period from
   * such spans (the leads stalled at the start that left), for the waterfall's stalled start.
   */
  movements(q: MetricsSql, b: Bounds, stalledBefore: ReadonlyMap<number, number> = new Map()): Movements {
    const params = this.params(q, b);
    // One count per next stage in a select per stage keeps each scan in the index's order with no
    // grouping; grouping by both columns made SQLite sort every row first, about twice the time. A
    // select per stage also gives each its own stalled bound for the price of one more count, where
    // a CASE over the stage id in a single select cost a fifth more.
    // A span left has a next event, and its stage references the stages table, so `q.stages` names them all.
    const next = q.stages.map((s) => s.id);
    const perStage = q.stages.map((s) => {
      const bound = stalledBefore.get(s.id);
      if (bound !== undefined) params[`stalled${s.id}`] = bound;
      return `SELECT ${s.id} AS stage_id, ${next.map((id, i) => `count(*) FILTER (WHERE next_stage_id = ${id}) AS n${i}`).join(', ')},
         ${bound === undefined ? '0' : `count(*) FILTER (WHERE entered_at < @stalled${s.id})`} AS stalled
       FROM metric_events INDEXED BY metric_events_span
       WHERE ${q.keyed([s])} AND left_at >= @from AND left_at < @end${q.filter.sql}`;
    });
    const rows =
      perStage.length === 0
        ? []
        : this.all<Record<string, number>>(perStage.join('\n       UNION ALL\n       '), params);
    const exits = rows.flatMap((r) =>
      next.flatMap((other, i) => (r[`n${i}`]! > 0 ? [{ stage_id: r.stage_id!, other, n: r[`n${i}`]! }] : [])),
    );
    const stalledExits = new Map(rows.map((r) => [r.stage_id!, r.stalled!]));
    const firsts = this.all<{ stage_id: number; n: number }>(
      `SELECT stage_id, count(*) AS n FROM metric_events INDEXED BY metric_events_first
       WHERE prev_stage_id IS NULL AND ${q.entries(q.stages)}
       GROUP BY stage_id`,
      params,
    );
    const entries = [
      ...firsts.map((f) => ({ stage_id: f.stage_id, other: null, n: f.n })),
      ...exits.map((e) => ({ stage_id: e.other, other: e.stage_id, n: e.n })),
    ];
    return { entries, exits, stalledExits };
  }

  /**
   * One row per hand-off cohort lead with its SLA clock: start, deadline (business hours added in
   * the calendar), first touch by asOf, and whether anyone worked it. Shared by figures and drill-downs.
   */
  slaRows(q: MetricsSql, rule: SlaRule): Fragment {
    const params: Params = {};
    const windowOf = (
      w: { windowMs: number; segmentWindowMs: ReadonlyArray<readonly [string, number]> },
      v: string,
    ) => {
      params[`slaWindow${v}`] = w.windowMs;
      const byBucket = w.segmentWindowMs.map(([segment, ms], i) => {
        params[`slaSeg${v}_${i}`] = segment;
        params[`slaMs${v}_${i}`] = ms;
        return `WHEN @slaSeg${v}_${i} THEN @slaMs${v}_${i}`;
      });
      return byBucket.length ? `CASE segment ${byBucket.join(' ')} ELSE @slaWindow${v} END` : `@slaWindow${v}`;
    };
    const later = (rule.windowsByHandoff ?? []).map((w, i) => {
      params[`slaFrom${i}`] = w.from;
      return `WHEN entered_at >= @slaFrom${i} THEN ${windowOf(w, String(i))}`;
    });
    const windowExpr = later.length
      ? `CASE ${later.reverse().join(' ')} ELSE ${windowOf(rule, '')} END`
      : windowOf(rule, '');
    const clock =
      rule.clockStart === 'assignment'
        ? 'CASE WHEN assigned_at IS NOT NULL AND assigned_at > entered_at AND assigned_at <= @asOf THEN assigned_at ELSE entered_at END'
        : 'entered_at';
    const worked = `(${q.reachedEver(rule.accepted)} OR ${q.exited()})`;
    const sql = `SELECT lead_id, event_id, owner, segment, source, country, created_at, stage_id, entered_at, assigned_at,
        CASE WHEN first_touch_after <= @asOf THEN first_touch_after END AS touch, clock, fr_bh_add(clock, ms) AS deadline, worked,
        ${q.firstOf(rule.rejection)} AS rejected_at
      FROM (SELECT *, ${clock} AS clock, ${windowExpr} AS ms, ${worked} AS worked FROM metric_events WHERE ${q.cohort([rule.handoff])})`;
    return { sql, params };
  }

  /**
   * Follow-up and recycling per owner; the deadline and the flags are computed once per lead in a
   * co-routine (see `delays`). Recycling counts ride along: the same cohort, summed by the caller.
   */
  slaByOwner(q: MetricsSql, b: Bounds, rule: SlaRule): SlaOwnerRow[] {
    const rows = this.recyclingFlagged(q, rule);
    return this.all(
      `SELECT owner, count(*) AS n,
         sum(touch IS NOT NULL AND touch <= deadline) AS met,
         sum((touch IS NOT NULL AND touch > deadline) OR (touch IS NULL AND @asOf >= deadline)) AS breached,
         sum(touch IS NULL AND @asOf < deadline) AS pending,
         sum(touch IS NULL AND @asOf >= deadline AND NOT worked) AS arbitration,
         count(with_reason) AS rejected, coalesce(sum(with_reason), 0) AS with_reason,
         coalesce(sum(in_window), 0) AS within_window, coalesce(sum(with_reason AND in_window), 0) AS compliant
       FROM (${rows.sql} LIMIT -1) GROUP BY owner ORDER BY owner`,
      this.params(q, b, rows.params),
    );
  }

  /** Routing (hand-off to assignment) and rep (clock start to first touch) delays in business ms. */
  delays(
    q: MetricsSql,
    b: Bounds,
    rule: SlaRule,
  ): { rn: number; rmed: number | null; rp75: number | null; tn: number; tmed: number | null; tp75: number | null } {
    const rows = this.slaRows(q, rule);
    // A co-routine (`LIMIT -1`, see `conversions`) computes each business-hours delay once per lead,
    // where a flattened subquery would call the calendar once per aggregate that reads it.
    return this.get(
      `SELECT count(routing) AS rn, median(routing) AS rmed, percentile_cont(routing, 0.75) AS rp75,
              count(rep) AS tn, median(rep) AS tmed, percentile_cont(rep, 0.75) AS tp75
       FROM (SELECT CASE WHEN assigned_at IS NOT NULL AND assigned_at <= @asOf THEN fr_bh_between(entered_at, assigned_at) END AS routing,
                    CASE WHEN touch IS NOT NULL THEN fr_bh_between(clock, touch) END AS rep
             FROM (${rows.sql}) LIMIT -1)`,
      this.params(q, b, rows.params),
    );
  }

  /**
   * The hand-off cohort with two recycling flags, null unless the lead was rejected (entered a
   * recycled or disqualified stage after hand-off) by asOf: whether that entry, or the lead's
   * outcome, gave a reason, and whether it came within the recycling window.
   */
  private recyclingFlagged(q: MetricsSql, rule: SlaRule): Fragment {
    const rows = this.slaRows(q, rule);
    if (rule.rejection.length === 0)
      return { sql: `SELECT s.*, NULL AS with_reason, NULL AS in_window FROM (${rows.sql}) s`, params: rows.params };
    const rejected = 's.rejected_at <= @asOf';
    const sql = `SELECT s.*,
        CASE WHEN ${rejected} THEN EXISTS (SELECT 1 FROM metric_events x
          WHERE x.stage_id IN (${q.ids(rule.rejection)}) AND x.segment = s.segment AND x.entered_at = s.rejected_at AND x.lead_id = s.lead_id
            AND (x.reason_code IS NOT NULL OR x.reason_given OR x.outcome_code IS NOT NULL OR x.outcome_given)) END AS with_reason,
        CASE WHEN ${rejected} THEN fr_bh_between(s.entered_at, s.rejected_at) <= @recyclingMs END AS in_window
      FROM (${rows.sql}) s`;
    return { sql, params: { ...rows.params, recyclingMs: rule.recyclingMs } };
  }

  /** The hand-off cohort leads rejected by asOf, with their recycling flags (the drill-down of the recycling figure). */
  recyclingRows(q: MetricsSql, rule: SlaRule): Fragment {
    const rows = this.recyclingFlagged(q, rule);
    return { sql: `SELECT * FROM (${rows.sql}) WHERE with_reason IS NOT NULL`, params: rows.params };
  }

  /**
   * Closings (first entry into a won or lost stage in the period) by stage, reason and every
   * breakdown column at once: one scan, rolled up by the caller, instead of one per breakdown.
   * The six columns are grouped as one JSON array: SQLite's sorter compares one text faster than
   * a six-column record, and thousands of groups reach JavaScript faster as one string each
   * (a week of 14,431 closings in 7,080 groups on a million leads: 22.5 ms → 14.7 ms).
   */
  closings(q: MetricsSql, b: Bounds, closing: readonly Stage[]): ClosingRow[] {
    const groups = this.all<{ k: string; n: number }>(
      `SELECT k, count(*) AS n FROM (SELECT json_array(stage_id, ${q.reason()}, nullif(segment, '${NO_SEGMENT}'), source, owner, prev_stage_id) AS k
       FROM metric_events WHERE ${q.cohort(closing)}) GROUP BY k`,
      this.params(q, b),
    );
    return groups.map(({ k, n }) => {
      const [stage_id, reason, segment, source, owner, prev_stage_id] = JSON.parse(k) as [
        number,
        string,
        string | null,
        string | null,
        string | null,
        number | null,
      ];
      return { stage_id, reason, segment, source, owner, prev_stage_id, n };
    });
  }

  /** Entries in the period by lead source and stage, for cost per lead/MQL/SQL/won. */
  entriesBySource(
    q: MetricsSql,
    b: Bounds,
    stages: readonly Stage[],
  ): Array<{ source: string | null; stage_id: number; n: number }> {
    return this.all(
      `SELECT source, stage_id, count(*) AS n FROM metric_events WHERE ${q.entries(stages)} GROUP BY source, stage_id`,
      this.params(q, b),
    );
  }

  spendForMonths(
    months: readonly string[],
  ): Array<{ channel: string; month: string; amount: number; currency: string }> {
    if (months.length === 0) return [];
    const params: Params = {};
    months.forEach((m, i) => (params[`m${i}`] = m));
    return this.all(
      `SELECT channel, month, amount, currency FROM marketing_spend WHERE month IN (${months.map((_m, i) => `@m${i}`).join(', ')}) ORDER BY currency, channel, month`,
      params,
    );
  }

  /** Counts and one page of the leads matching a drill-down predicate (`rows` yields lead_id and the listed columns). */
  page(
    rows: Fragment,
    params: Params,
    offset: number,
    limit: number,
  ): { total: number; rows: Array<Record<string, unknown>> } {
    const all = { ...params, ...rows.params };
    const total = this.get<{ n: number }>(`SELECT count(*) AS n FROM (${rows.sql})`, all).n;
    const page = this.all<Record<string, unknown>>(
      `SELECT d.*, l.external_id, l.owner AS lead_owner, l.segment AS lead_segment, l.source AS lead_source, l.country AS lead_country, l.created_at AS lead_created_at
       FROM (${rows.sql}) d JOIN leads l ON l.id = d.lead_id ORDER BY d.entered_at, d.lead_id LIMIT @limit OFFSET @offset`,
      { ...all, limit, offset },
    );
    return { total, rows: page };
  }
}
