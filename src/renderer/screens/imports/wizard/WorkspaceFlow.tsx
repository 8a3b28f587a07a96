import { useTranslation } from 'react-i18next';
import { localized } from '../../../../shared/i18n';
import type { FlowFigures } from '../../../../shared/metrics/types';
import { useApi, useLocale } from '../../../app-context';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Spinner } from '../../../components/Spinner';
import { formatDateRange, formatInteger } from '../../../format';
import { useResource } from '../../../analysis/use-resource';
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
 *
 * Read again whenever the workspace's data changes (its counts, its date range); figures of a
 * previous read stay on screen, marked busy and dimmed, until the new ones arrive.
 */
export function WorkspaceFlow() {
  const { t } = useTranslation();
  const locale = useLocale();
  const api = useApi();
  const workspace = useWorkspace();
  const { firstEventAt, lastEventAt, timeZone, counts } = workspace;
  const range =
    firstEventAt === null || lastEventAt === null
      ? null
      : { from: isoDay(firstEventAt, timeZone), to: isoDay(lastEventAt, timeZone) };
  const key =
    range === null
      ? null
      : [workspace.path, counts.leads, counts.stageEvents, range.from, range.to, timeZone].join('|');
  // A null key (no stage history) reads nothing, so `range` is set whenever this runs.
  const flow = useResource<FlowFigures>(key, () => api.metrics.flow(range!));
  const report = flow.data;

  if (firstEventAt === null || lastEventAt === null) return null;
  return (
    <section className="workspace-flow" aria-labelledby="import-workspace-flow" aria-busy={flow.loading}>
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
      {flow.error ? <ErrorNotice error={flow.error} /> : null}
      {!report && !flow.error ? <Spinner label={t('common.loading')} /> : null}
      {report ? (
        <ol className="flow-list busy-result" aria-busy={flow.stale}>
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
