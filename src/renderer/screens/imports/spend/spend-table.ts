import type { SpendRow } from '../../../../shared/metrics/contract';

/** Stored spend in one currency as a grid: a row per month (newest first), a column per channel. */
export interface SpendGrid {
  readonly currency: string;
  readonly channels: readonly string[];
  readonly months: ReadonlyArray<{
    readonly month: string;
    readonly amounts: ReadonlyArray<number | null>;
    readonly total: number;
  }>;
  readonly channelTotals: readonly number[];
  readonly total: number;
}

/** Cents, so sums of amounts like 0.1 + 0.2 come out as written. */
const cents = (amount: number) => Math.round(amount * 100);

/**
 * Groups stored spend by currency (amounts in different currencies are never added up), then lays
 * each currency out as months by channels with row and column totals.
 */
export function spendGrids(rows: readonly SpendRow[]): SpendGrid[] {
  const currencies = [...new Set(rows.map((r) => r.currency))].sort();
  return currencies.map((currency) => {
    const own = rows.filter((r) => r.currency === currency);
    const channels = [...new Set(own.map((r) => r.channel))].sort((a, b) => a.localeCompare(b));
    const monthKeys = [...new Set(own.map((r) => r.month))].sort().reverse();
    const amount = new Map(own.map((r) => [`${r.month}\u0000${r.channel}`, r.amount]));
    const months = monthKeys.map((month) => {
      const amounts = channels.map((c) => amount.get(`${month}\u0000${c}`) ?? null);
      return { month, amounts, total: amounts.reduce<number>((sum, a) => sum + cents(a ?? 0), 0) / 100 };
    });
    const channelTotals = channels.map(
      (c) => own.filter((r) => r.channel === c).reduce((sum, r) => sum + cents(r.amount), 0) / 100,
    );
    return { currency, channels, months, channelTotals, total: own.reduce((sum, r) => sum + cents(r.amount), 0) / 100 };
  });
}
