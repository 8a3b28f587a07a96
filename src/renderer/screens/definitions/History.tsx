import { useTranslation } from 'react-i18next';
import type { DefinitionDetail, TimelineEvent } from '../../../shared/definitions/types';
import { useLocale } from '../../app-context';
import { Button } from '../../components/Button';
import { formatDate, formatDateTime } from '../../format';
import { useWorkspace } from '../../use-workspace';
import type { Go } from './DefinitionDetail';
import { StatusPill } from './labels';

function eventText(t: ReturnType<typeof useTranslation>['t'], e: TimelineEvent): string {
  const params = { version: e.version, who: e.who ?? '', by: e.supersededBy ?? '' };
  if (e.type === 'approved') return t(`definitions.history.approved.${e.side ?? 'marketing'}`, params);
  return t(`definitions.history.${e.type}`, params);
}

/** Every revision with its status, and the timeline of what happened to the definition, newest first. */
export function History({ detail, go }: { detail: DefinitionDetail; go: Go }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { timeZone } = useWorkspace();
  const revisions = [...detail.revisions].reverse();
  return (
    <div className="defs-history">
      <section className="card panel" aria-labelledby="defs-versions">
        <h3 id="defs-versions">{t('definitions.history.versions')}</h3>
        <div className="defs-table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('definitions.field.version')}</th>
                <th scope="col">{t('definitions.field.status')}</th>
                <th scope="col">{t('definitions.field.effectiveFrom')}</th>
                <th scope="col">{t('definitions.field.author')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('definitions.history.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((r) => {
                const before = detail.revisions.filter((x) => x.version < r.version).at(-1);
                return (
                  <tr key={r.id}>
                    <td>v{r.version}</td>
                    <td>
                      <StatusPill status={r.status} />
                    </td>
                    <td>
                      {r.effectiveFrom === null
                        ? t('definitions.revision.onApprovalShort')
                        : formatDate(locale, r.effectiveFrom, timeZone)}
                    </td>
                    <td>{r.author}</td>
                    <td className="row-actions">
                      {before ? (
                        <Button
                          size="sm"
                          variant="ghost"
                          onClick={() => go('compare', { pair: { from: before.id, to: r.id } })}
                        >
                          {t('definitions.history.compareVersions', { from: before.version, to: r.version })}
                        </Button>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card panel" aria-labelledby="defs-timeline">
        <h3 id="defs-timeline">{t('definitions.history.timeline')}</h3>
        <ol className="defs-timeline">
          {detail.timeline.map((e, i) => (
            <li key={`${e.revisionId}-${e.type}-${e.side ?? ''}-${i}`} className={`defs-event defs-event-${e.type}`}>
              <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(locale, e.at, timeZone)}</time>
              <span>{eventText(t, e)}</span>
              {e.note ? <span className="muted defs-event-note">{e.note}</span> : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
