/**
 * "about 2 min" for a time left: whole seconds under a minute, whole minutes under an hour, then
 * hours with one decimal, in the user's language through Intl.
 */
export function formatTimeLeft(locale: string, seconds: number): string {
  const s = Math.max(0, seconds);
  const unit = (value: number, name: 'second' | 'minute' | 'hour', digits = 0) =>
    new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: name,
      unitDisplay: 'short',
      maximumFractionDigits: digits,
    }).format(value);
  if (s < 60) return unit(Math.max(1, Math.ceil(s)), 'second');
  if (s < 3600) return unit(Math.ceil(s / 60), 'minute');
  return unit(Math.round((s / 3600) * 10) / 10, 'hour', 1);
}

/** Seconds still to go at the current rate, or null while the rate says nothing yet. */
export function secondsLeft(done: number, total: number, perSecond: number): number | null {
  if (!(perSecond > 0) || !(total > 0) || done >= total) return null;
  return (total - done) / perSecond;
}
