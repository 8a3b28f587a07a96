import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Db } from '../db/driver';
import type { SpendImportResult, SpendRow } from '../../shared/metrics/contract';
import { channelKey } from '../../shared/metrics/cost';
import { AppError } from '../../shared/errors';

const COLUMNS = ['channel', 'month', 'amount', 'currency'] as const;

/** Marketing spend by channel and month (for cost per lead, MQL, SQL and won deal). */
export class SpendRepository {
  private readonly sameMonthStmt;
  private readonly insertStmt;
  private readonly replaceStmt;
  private readonly listStmt;

  constructor(private readonly db: Db) {
    this.sameMonthStmt = db.prepare<{ month: string; currency: string }, { id: number; channel: string }>(
      'SELECT id, channel FROM marketing_spend WHERE month = @month AND currency = @currency',
    );
    this.insertStmt = db.prepare(`INSERT INTO marketing_spend (channel, month, amount, currency, file_name, imported_at)
      VALUES (@channel, @month, @amount, @currency, @file, @at)`);
    this.replaceStmt = db.prepare(
      'UPDATE marketing_spend SET channel = @channel, amount = @amount, file_name = @file, imported_at = @at WHERE id = @id',
    );
    this.listStmt = db.prepare<[], SpendRow>(
      'SELECT channel, month, amount, currency FROM marketing_spend ORDER BY month, channel, currency',
    );
  }

  list(): SpendRow[] {
    return this.listStmt.all();
  }

  /** Writes all rows or none; a row for an existing channel, month and currency replaces its amount. */
  save(rows: readonly SpendRow[], fileName: string, at: number = Date.now()): SpendImportResult {
    let replaced = 0;
    this.db.transaction(() => {
      for (const r of rows) {
        // The report matches channels to lead sources case-insensitively, so "Paid" replaces "paid"
        // (in JavaScript: SQLite's lower() folds ASCII letters only).
        const key = channelKey(r.channel);
        const same = this.sameMonthStmt.all(r).find((x) => channelKey(x.channel) === key);
        if (same) {
          replaced++;
          this.replaceStmt.run({ ...r, id: same.id, file: fileName, at });
        } else this.insertStmt.run({ ...r, file: fileName, at });
      }
    })();
    return {
      rows: rows.length,
      inserted: rows.length - replaced,
      replaced,
      months: new Set(rows.map((r) => r.month)).size,
      channels: new Set(rows.map((r) => r.channel)).size,
    };
  }
}

/**
 * Parses a spend CSV: a header with channel, month (YYYY-MM), amount (digits with an optional
 * decimal point) and currency (ISO 4217 code), in any order and case; comma or semicolon separated.
 * Any bad row is refused with its row, column and value; nothing is imported then.
 */
export function parseSpendCsv(file: string): SpendRow[] {
  let text = fs.readFileSync(file, 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, skip_empty_lines: true, relax_column_count: false, trim: true }) as string[][];
  } catch (e) {
    throw new AppError('metrics.spendUnreadable', { file: path.basename(file), detail: (e as Error).message });
  }
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  const index = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<
    (typeof COLUMNS)[number],
    number
  >;
  for (const c of COLUMNS)
    if (index[c] < 0) throw new AppError('metrics.spendMissingColumn', { file: path.basename(file), column: c });
  if (records.length < 2) throw new AppError('metrics.spendEmpty', { file: path.basename(file) });
  const seen = new Set<string>();
  return records.slice(1).map((rec, i) => {
    const row = i + 2;
    const bad = (column: string, value: string, expected: string) =>
      new AppError('metrics.spendBadRow', { row, column, value: value.slice(0, 80), expected });
    const channel = rec[index.channel] ?? '';
    const month = rec[index.month] ?? '';
    const amountText = (rec[index.amount] ?? '').replace(/\s/g, '');
    const currency = (rec[index.currency] ?? '').toUpperCase();
    if (!channel || channel.length > 200) throw bad('channel', channel, 'text');
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw bad('month', month, 'YYYY-MM');
    if (!/^\d+(\.\d+)?$/.test(amountText)) throw bad('amount', amountText, '1234.56');
    if (!/^[A-Z]{3}$/.test(currency)) throw bad('currency', currency, 'EUR');
    const key = `${channel}\u0000${month}\u0000${currency}`;
    if (seen.has(key)) throw new AppError('metrics.spendDuplicate', { row, channel, month, currency });
    seen.add(key);
    return { channel, month, amount: Number(amountText), currency };
  });
}
