import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/driver';
import type { MetricsSql, Params } from '../metrics/sql';
import type { Stage } from '../../shared/domain/types';

/**
 * The one figure the planner needs that the report does not give: the mean amount of the deals won
 * in the lookback, over the same leads the report's filters select (the metrics engine's own filter
 * fragment over `metric_events`, so the two can never pick different leads).
 */
export class PlannerRepository {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  averageWonAmount(
    q: MetricsSql,
    won: readonly Stage[],
    range: { from: number; end: number },
    currency: string,
  ): { amount: number; deals: number } | null {
    // The filter fragment decides the SQL text; each distinct text is prepared once.
    const sql = `SELECT count(*) AS deals, avg(amount) AS amount FROM leads
      WHERE currency = @currency AND amount > 0 AND id IN (SELECT lead_id FROM metric_events WHERE ${q.entries(won)})`;
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    const params: Params = { ...q.filter.params, from: range.from, end: range.end, currency };
    const row = statement.get(params) as { deals: number; amount: number | null };
    return row.deals > 0 && row.amount !== null ? { amount: row.amount, deals: row.deals } : null;
  }
}
