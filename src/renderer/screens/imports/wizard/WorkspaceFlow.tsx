import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorPayload } from '../../../../shared/errors';
import { localized } from '../../../../shared/i18n';
import type { Report } from '../../../../shared/metrics/types';
import { useApi, useLocale } from '../../../app-context';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Spinner } from '../../../components/Spinner';
import { formatDateRange, formatInteger } from '../../../format';
import { asAppError } from '../../../transport/envelope';
import { useWorkspace } from '../../../use-workspace';

/** A day as YYYY-MM-DD in a time zone (the metrics API's period bounds). */
export function isoDay(epochMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    epochMs,
  );
}

/**
 * What the workspace holds after the import, stage by stage: entries into each stage over the whole
 * stage history (the metrics' "period flow" with the period set to all of it), e.g. 842 won.
 */
export function WorkspaceFlow() {
  const { t } = useTranslation();
  const locale = useLocale();
  const api = useApi();
  const workspace = useWorkspace();
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<ApiErrorPayload | null>(null);
  const { firstEventAt, lastEventAt, timeZone } = workspace;

  useEffect(() => {
    if (firstEventAt === null || lastEventAt === null) return;
    let live = true;
    api.metrics
      .report({ from: isoDay(firstEventAt, timeZone), to: isoDay(lastEventAt, timeZone), compare: false })
      .then(
        (r) => live && setReport(r),
        (e: unknown) => live && setError(asAppError(e).toPayload()),
      );
    return () => {
      live = false;
    };
  }, [api, firstEventAt, lastEventAt, timeZone]);

  if (firstEventAt === null || lastEventAt === null) return null;
  return (
    <section className="workspace-flow" aria-labelledby="import-workspace-flow">
      <h3 id="import-workspace-flow" className="subheading">
        {t('importScreen.done.flowTitle', {
          leads: formatInteger(locale, workspace.counts.leads),
          count: workspace.counts.leads,
        })}
      </h3>
      <p className="muted">
        {t('importScreen.done.flowDescription', {
          range: formatDateRange(locale, firstEventAt, lastEventAt, timeZone),
        })}
      </p>
      {error ? <ErrorNotice error={error} /> : null}
      {!report && !error ? <Spinner label={t('common.loading')} /> : null}
      {report ? (
        <ol className="flow-list">
          {report.stages
            .filter((s) => (report.flow[s.key] ?? 0) > 0 || s.kind === 'funnel' || s.kind === 'won')
            .map((s) => (
              <li key={s.key} className={`flow-item flow-${s.kind}`} data-stage={s.key}>
                <span className="flow-label">{localized(s.labels, locale)}</span>
                <span className="flow-value">{formatInteger(locale, report.flow[s.key] ?? 0)}</span>
              </li>
            ))}
        </ol>
      ) : null}
    </section>
  );
}
