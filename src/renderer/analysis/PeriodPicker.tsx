import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import type { Period, PeriodKind } from '../../shared/metrics/period';
import { useLocale } from '../app-context';
import { Icon } from '../components/Icon';
import { formatDateRange } from '../format';
import { periodContaining, shiftPeriod } from './scope';

const KINDS: readonly PeriodKind[] = ['week', 'month', 'quarter', 'custom'];

function utc(iso: string): number {
  return DateTime.fromISO(iso, { zone: 'UTC' }).toMillis();
}

/** "Week 47 · Nov 16 – 22, 2026", "Q4 2026 · Oct 1 – Dec 31, 2026": what the figures cover, in words. */
export function usePeriodLabel(period: Period): { name: string; range: string } {
  const { t } = useTranslation();
  const locale = useLocale();
  const from = DateTime.fromISO(period.from, { zone: 'UTC' });
  const range = formatDateRange(locale, utc(period.from), utc(period.to), 'UTC');
  const name =
    period.kind === 'week'
      ? t('analysis.period.weekName', { week: from.weekNumber, year: from.weekYear })
      : period.kind === 'quarter'
        ? t('analysis.period.quarterName', { quarter: Math.floor((from.month - 1) / 3) + 1, year: from.year })
        : t(`analysis.period.${period.kind}`);
  return { name, range };
}

/** ISO week / month / quarter / custom range, stepping back and forth; dates are the workspace's calendar days. */
export function PeriodPicker({ period, onChange }: { period: Period; onChange: (period: Period) => void }) {
  const { t } = useTranslation();
  const label = usePeriodLabel(period);
  const setKind = (kind: PeriodKind) => {
    if (kind === period.kind) return;
    onChange(
      kind === 'custom' ? { kind: 'custom', from: period.from, to: period.to } : periodContaining(kind, period.to),
    );
  };
  const setDate = (which: 'from' | 'to', value: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return;
    const next =
      which === 'from'
        ? { from: value, to: period.to < value ? value : period.to }
        : { from: period.from > value ? value : period.from, to: value };
    onChange({ kind: 'custom', ...next });
  };
  return (
    <div className="period-picker" role="group" aria-label={t('analysis.period.label')}>
      <div className="segmented segmented-text" role="radiogroup" aria-label={t('analysis.period.kind')}>
        {KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            role="radio"
            aria-checked={period.kind === kind}
            className={period.kind === kind ? 'segment active' : 'segment'}
            onClick={() => setKind(kind)}
          >
            {t(`analysis.period.${kind}`)}
          </button>
        ))}
      </div>
      {period.kind === 'custom' ? (
        <div className="period-dates">
          <label className="period-date">
            <span className="visually-hidden">{t('analysis.period.from')}</span>
            <input
              className="input input-sm"
              type="date"
              value={period.from}
              onChange={(e) => setDate('from', e.target.value)}
            />
          </label>
          <span aria-hidden="true">–</span>
          <label className="period-date">
            <span className="visually-hidden">{t('analysis.period.to')}</span>
            <input
              className="input input-sm"
              type="date"
              value={period.to}
              onChange={(e) => setDate('to', e.target.value)}
            />
          </label>
        </div>
      ) : (
        <div className="period-step">
          <button
            type="button"
            className="icon-button"
            onClick={() => onChange(shiftPeriod(period, -1))}
            aria-label={t('analysis.period.previous')}
            title={t('analysis.period.previous')}
          >
            <Icon name="chevronDown" className="rotate-90" />
          </button>
          <span className="period-label" aria-live="polite">
            <strong>{label.name}</strong>
            <span className="period-range">{label.range}</span>
          </span>
          <button
            type="button"
            className="icon-button"
            onClick={() => onChange(shiftPeriod(period, 1))}
            aria-label={t('analysis.period.next')}
            title={t('analysis.period.next')}
          >
            <Icon name="chevronDown" className="rotate-270" />
          </button>
        </div>
      )}
    </div>
  );
}
