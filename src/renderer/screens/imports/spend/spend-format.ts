/** An amount of spend, with both cent digits when it has cents: "R$ 1.234,50", "€980". */
export function formatSpend(locale: string, amount: number, currency: string): string {
  const digits = Number.isInteger(amount) ? 0 : 2;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount);
}

/** "2024-03" as the month's short name and year in the user's language ("Mar 2024", "2024年3月"). */
export function formatMonth(locale: string, month: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1, 1),
  );
}
