import { useTranslation } from 'react-i18next';
import type { Report } from '../../../../shared/metrics/types';
import { useLocale } from '../../../app-context';
import { formatDate, formatDecimal, formatInteger } from '../../../format';
import { pct, stageLabel } from '../../../analysis/figures';

/** Which SLA terms the figures were judged against: the revision in force at the period start, and its targets. */
export function TermsLine({ report }: { report: Report }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { terms, followup, volume, quality, recycling } = report.sla;
  const source =
    terms.kind === 'revision' && terms.definition_key !== null && terms.version !== null
      ? t('slaCompliance.terms.revision', {
          key: terms.definition_key,
          version: terms.version,
          date: terms.effective_from === null ? '—' : formatDate(locale, terms.effective_from, report.time_zone),
        })
      : t('slaCompliance.terms.default');
  return (
    <section className="terms-line card" aria-label={t('slaCompliance.terms.label')}>
      <strong>{t('slaCompliance.terms.label')}</strong>
      <span>{source}</span>
      <ul className="terms-list">
        <li>
          {t('slaCompliance.terms.followup', {
            hours: formatDecimal(locale, followup.business_hours, followup.business_hours % 1 === 0 ? 0 : 1),
            clock: t(`slaCompliance.clock.${followup.clock_start}`),
            stage: stageLabel(report.stages, report.sla.handoff_stage, locale),
          })}
        </li>
        <li>{t('slaCompliance.terms.volume', { n: formatInteger(locale, volume.weekly_target) })}</li>
        <li>
          {t('slaCompliance.terms.quality', {
            rate: pct(locale, quality.target),
            stage: stageLabel(report.stages, report.sla.accepted_stage, locale),
          })}
        </li>
        <li>
          {t('slaCompliance.terms.recycling', {
            hours: formatDecimal(locale, recycling.business_hours, recycling.business_hours % 1 === 0 ? 0 : 1),
          })}
        </li>
        <li>{t('slaCompliance.terms.calendar', { zone: report.calendar.zone, holidays: report.calendar.holidays })}</li>
      </ul>
    </section>
  );
}
