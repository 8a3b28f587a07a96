import { useTranslation } from 'react-i18next';
import type { DrillPage, FigureRef, Report } from '../../../../shared/metrics/types';
import { useLocale } from '../../../app-context';
import { Button } from '../../../components/Button';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { formatDateTime, formatInteger } from '../../../format';
import type { DrillRequest } from '../../../analysis/drill';
import { FigureCard } from '../../../analysis/FigureCard';
import { valueLabel } from '../../../analysis/figures';
import { useResource } from '../../../analysis/use-resource';

const SHOWN = 8;

/** The leads nobody worked: handed over, untouched past the deadline, neither accepted, rejected nor closed. */
export function ArbitrationCard({
  report,
  onDrill,
  loadLeads,
}: {
  report: Report;
  onDrill: (r: DrillRequest) => void;
  loadLeads: (figure: FigureRef, offset: number, limit: number) => Promise<DrillPage>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const count = report.sla.arbitration.count;
  const key = count > 0 ? JSON.stringify([report.period, report.filters, report.as_of]) : null;
  const page = useResource(key, () => loadLeads({ type: 'arbitration' }, 0, SHOWN));
  const request: DrillRequest = {
    figure: { type: 'arbitration' },
    title: t('slaCompliance.arbitration.title'),
    explanation: t('analysis.explain.arbitration'),
  };
  return (
    <FigureCard
      wide
      title={t('slaCompliance.arbitration.title')}
      explanation={t('analysis.explain.arbitration')}
      loading={count > 0 && page.loading}
      actions={
        count > 0 ? (
          <Button size="sm" icon="leads" onClick={() => onDrill(request)}>
            {t('slaCompliance.arbitration.all', { count, n: formatInteger(locale, count) })}
          </Button>
        ) : undefined
      }
    >
      {count === 0 ? <p className="text-good">{t('slaCompliance.arbitration.none')}</p> : null}
      {page.error ? <ErrorNotice error={page.error} /> : null}
      {count > 0 && page.data ? (
        <div className="table-scroll">
          <table className="table figure-table compact">
            <thead>
              <tr>
                <th>{t('leads.columns.external_id')}</th>
                <th>{t('leads.columns.owner')}</th>
                <th>{t('leads.columns.segment')}</th>
                <th>{t('analysis.drill.handedOver')}</th>
                <th>{t('analysis.drill.deadline')}</th>
              </tr>
            </thead>
            <tbody>
              {page.data.leads.map((l) => (
                <tr key={l.id}>
                  <td>
                    <button type="button" className="link-button" onClick={() => onDrill(request)}>
                      {l.external_id}
                    </button>
                  </td>
                  <td>{valueLabel(t, l.owner)}</td>
                  <td>{valueLabel(t, l.segment)}</td>
                  <td className="nowrap">{formatDateTime(locale, l.entered_at, report.time_zone)}</td>
                  <td className="nowrap text-bad">
                    {l.deadline_at === null ? '—' : formatDateTime(locale, l.deadline_at, report.time_zone)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </FigureCard>
  );
}
