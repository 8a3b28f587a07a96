import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/driver';
import type { MetricsSql, Params } from '../metrics/sql';
import type { Stage } from '../../shared/domain/types';
import type { RuleSql } from '../../shared/definitions/sql';
import { registerRuleFunctions } from './sql-functions';

/** A rule version applying from an instant: its compiled predicate, or null (nothing checkable). */
export interface VersionedRule {
  readonly from: number;
  readonly sql: RuleSql | null;
}

/** The columns a lead is judged on, for explaining a verdict in JavaScript. */
export interface JudgedLeadRow {
  readonly lead_id: number;
  readonly external_id: string;
  readonly entered_at: number;
  readonly ver: number;
  readonly ok: number | null;
  readonly score: number | null;
  readonly amount: number | null;
  readonly segment: string | null;
  readonly source: string | null;
  readonly country: string | null;
  readonly owner: string | null;
  readonly campaign: string | null;
  readonly custom: string;
}

/**
 * Counting leads that meet a rule without loading them: every query here runs compiled rules
 * (bound parameters only) over `leads l`, alone or joined to a metrics cohort. Statements are
 * prepared once per distinct text, like MetricsRepository's.
 */
export class RulesRepository {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {
    registerRuleFunctions(db);
  }

  private prepare(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  private get<T>(sql: string, params: Params): T {
    return this.prepare(sql).get(params) as T;
  }

  private all<T>(sql: string, params: Params): T[] {
    return this.prepare(sql).all(params) as T[];
  }

  /** Every lead, and those meeting the rule with their current field values. */
  countAll(rule: RuleSql): { total: number; matching: number } {
    const r = this.get<{ total: number; matching: number | null }>(
      `SELECT count(*) AS total, sum(${rule.sql}) AS matching FROM leads l`,
      rule.params,
    );
    return { total: r.total, matching: r.matching ?? 0 };
  }

  /** Among a stage's cohort (first entry per lead in the period), all and those meeting the rule. */
  countCohort(q: MetricsSql, bounds: Params, stage: Stage, rule: RuleSql): { total: number; matching: number } {
    const r = this.get<{ total: number; matching: number | null }>(
      `SELECT count(*) AS total, sum(${rule.sql}) AS matching
       FROM (SELECT lead_id FROM metric_events WHERE ${q.cohort([stage])}) c JOIN leads l ON l.id = c.lead_id`,
      { ...q.filter.params, ...bounds, ...rule.params },
    );
    return { total: r.total, matching: r.matching ?? 0 };
  }

  /**
   * The cohort of a stage with each lead judged by the version in force at its entry: `ver` is
   * the version's index (-1 before any), `ok` 1/0, or NULL when that version has no rule.
   */
  private judged(q: MetricsSql, stage: Stage, versions: readonly VersionedRule[]): { sql: string; params: Params } {
    const params: Params = { ...q.filter.params };
    const branches = versions
      .map((v, i) => {
        params[`ver${i}`] = v.from;
        if (v.sql) Object.assign(params, v.sql.params);
        return { i, when: `c.entered_at >= @ver${i}`, ok: v.sql ? v.sql.sql : 'NULL' };
      })
      .reverse();
    const ver = branches.length
      ? `CASE ${branches.map((b) => `WHEN ${b.when} THEN ${b.i}`).join(' ')} ELSE -1 END`
      : '-1';
    const ok = branches.length ? `CASE ${branches.map((b) => `WHEN ${b.when} THEN ${b.ok}`).join(' ')} END` : 'NULL';
    return {
      sql: `SELECT c.lead_id, c.entered_at, ${ver} AS ver, ${ok} AS ok, l.external_id, l.score, l.amount, l.segment, l.source, l.country, l.owner, l.campaign, l.custom
            FROM (SELECT lead_id, entered_at FROM metric_events WHERE ${q.cohort([stage])}) c JOIN leads l ON l.id = c.lead_id`,
      params,
    };
  }

  /** Per version used: leads handed over, met and not met. */
  compliance(
    q: MetricsSql,
    bounds: Params,
    stage: Stage,
    versions: readonly VersionedRule[],
  ): Array<{ ver: number; n: number; met: number; not_met: number }> {
    const j = this.judged(q, stage, versions);
    return this.all(
      `SELECT ver, count(*) AS n, coalesce(sum(ok = 1), 0) AS met, coalesce(sum(ok = 0), 0) AS not_met FROM (${j.sql}) GROUP BY ver ORDER BY ver`,
      { ...j.params, ...bounds },
    );
  }

  /** One page of judged leads: those not meeting (ok = 0), meeting (1), not judged (NULL) or all. */
  complianceLeads(
    q: MetricsSql,
    bounds: Params,
    stage: Stage,
    versions: readonly VersionedRule[],
    side: 'notMet' | 'met' | 'unjudged' | 'all',
    offset: number,
    limit: number,
  ): { total: number; rows: JudgedLeadRow[] } {
    const j = this.judged(q, stage, versions);
    const where = { notMet: 'ok = 0', met: 'ok = 1', unjudged: 'ok IS NULL', all: '1' }[side];
    const params = { ...j.params, ...bounds };
    const total = this.get<{ n: number }>(`SELECT count(*) AS n FROM (${j.sql}) WHERE ${where}`, params).n;
    const rows = this.all<JudgedLeadRow>(
      `SELECT * FROM (${j.sql}) WHERE ${where} ORDER BY entered_at, lead_id LIMIT @limit OFFSET @offset`,
      { ...params, limit, offset },
    );
    return { total, rows };
  }

  /** Leads entering `previous` in the period that never reached `stage` by asOf: would-be entrants, per owner. */
  notReached(q: MetricsSql, bounds: Params, previous: Stage, stage: Stage): Array<{ owner: string | null; n: number }> {
    return this.all(
      `SELECT owner, count(*) AS n FROM metric_events WHERE ${q.cohort([previous])} AND NOT ${q.reachedEver(stage)} GROUP BY owner ORDER BY owner`,
      { ...q.filter.params, ...bounds },
    );
  }

  /**
   * Cohort sizes of consecutive weeks in one pass: per week, the leads whose first entry into
   * `stage` within that week falls in it (MetricsSql.cohort's rule, week by week), optionally only
   * those that never reached `unreached` by asOf. One query instead of one per week: on a million
   * leads the per-week queries cost most of a preview.
   */
  weeklyCohorts(
    q: MetricsSql,
    weeks: ReadonlyArray<{ from: number; end: number }>,
    asOf: number,
    stage: Stage,
    unreached?: Stage,
  ): number[] {
    if (weeks.length === 0) return [];
    const params: Params = { ...q.filter.params, asOf, window: null, wkEnd: weeks[weeks.length - 1]!.end };
    weeks.forEach((w, i) => (params[`wk${i}`] = w.from));
    const index = `CASE ${weeks
      .map((_w, i) => `WHEN entered_at >= @wk${i}`)
      .reverse()
      .map((w, j) => `${w} THEN ${weeks.length - 1 - j}`)
      .join(' ')} END`;
    const start = `CASE wk ${weeks.map((_w, i) => `WHEN ${i} THEN @wk${i}`).join(' ')} END`;
    const rows = this.all<{ wk: number; n: number }>(
      `SELECT wk, count(*) AS n FROM (
         SELECT ${index} AS wk, prev_same_at FROM metric_events
         WHERE ${q.keyed([stage])} AND entered_at >= @wk0 AND entered_at < @wkEnd${q.filter.sql}${unreached ? ` AND NOT ${q.reachedEver(unreached)}` : ''})
       WHERE prev_same_at IS NULL OR prev_same_at < ${start} GROUP BY wk`,
      params,
    );
    const out = weeks.map(() => 0);
    for (const r of rows) out[r.wk] = r.n;
    return out;
  }

  /** A stage's cohort per owner. */
  cohortByOwner(q: MetricsSql, bounds: Params, stage: Stage): Array<{ owner: string | null; n: number }> {
    return this.all(
      `SELECT owner, count(*) AS n FROM metric_events WHERE ${q.cohort([stage])} GROUP BY owner ORDER BY owner`,
      { ...q.filter.params, ...bounds },
    );
  }

  /**
   * Over the stage's cohort and the would-be entrants together (each lead once): how many meet the
   * candidate but not the baseline, and the reverse. A null rule is met by every lead.
   */
  gainedLost(
    q: MetricsSql,
    bounds: Params,
    previous: Stage | null,
    stage: Stage,
    baseline: RuleSql | null,
    candidate: RuleSql | null,
  ): { gained: number; lost: number } {
    const population = previous
      ? `SELECT lead_id FROM metric_events WHERE ${q.cohort([stage])} UNION SELECT lead_id FROM metric_events WHERE ${q.cohort([previous])} AND NOT ${q.reachedEver(stage)}`
      : `SELECT lead_id FROM metric_events WHERE ${q.cohort([stage])}`;
    const r = this.get<{ gained: number | null; lost: number | null }>(
      `SELECT sum(c = 1 AND b = 0) AS gained, sum(b = 1 AND c = 0) AS lost
       FROM (SELECT ${baseline ? baseline.sql : '1'} AS b, ${candidate ? candidate.sql : '1'} AS c FROM (${population}) p JOIN leads l ON l.id = p.lead_id)`,
      { ...q.filter.params, ...bounds, ...(baseline?.params ?? {}), ...(candidate?.params ?? {}) },
    );
    return { gained: r.gained ?? 0, lost: r.lost ?? 0 };
  }
}
