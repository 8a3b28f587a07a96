import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DECISION_STATUSES, type DecisionStatus } from '../../../../shared/meetings/model';
import type { Decision, MeetingDetail } from '../../../../shared/meetings/types';
import { useApi, useLocale } from '../../../app-context';
import { useResource } from '../../../analysis/use-resource';
import { formatDate } from '../../../format';
import { calendarDate, stepName } from '../labels';
import { ItemList, ItemStatusLabel, LinkLabel } from '../records/RecordLists';
import type { StepProps } from './types';

/**
 * Decisions of earlier meetings as they stand now: a later meeting (this one included) may have
 * superseded or revoked one since the snapshot listed it as in force.
 */
function useDecisionStatuses(meetingIds: readonly number[], version: number): ReadonlyMap<number, Decision> {
  const api = useApi();
  const key = meetingIds.length > 0 ? `${[...meetingIds].sort((a, b) => a - b).join(',')}|${version}` : null;
  const details = useResource<MeetingDetail[]>(key, () =>
    Promise.all(meetingIds.map((id) => api.meetings.get({ id }))),
  );
  return new Map((details.data ?? []).flatMap((m) => m.decisions.map((d) => [d.id, d] as const)));
}

/** Step 0: what the earlier meetings left — their action items, the decisions in force, the points not reached. */
export function SinceLastStep(props: StepProps) {
  const { meeting, snapshot, writable, busy, write, words, meetingTitle, onOpenLink, goToKind } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const since = snapshot.sinceLast;
  const decisionMeetings = [...new Set(since.decisionsInForce.map((d) => d.meetingId))];
  // Read again after every status change made here.
  const [version, setVersion] = useState(0);
  const now = useDecisionStatuses(decisionMeetings, version);
  const carried = meeting.actionItems.filter((i) => i.carriedFromId !== null);
  const previous = since.previousMeeting;

  return (
    <div className="review-step-grid review-since">
      <section className="card review-panel" aria-labelledby="since-items">
        <h3 id="since-items">{t('review.since.itemsTitle')}</h3>
        {previous ? (
          <p className="muted small">
            {t('review.since.previousMeeting', {
              title: previous.title,
              when: previous.endedAt === null ? '—' : formatDate(locale, previous.endedAt, snapshot.timeZone),
            })}
          </p>
        ) : (
          <p className="muted">{t('review.since.firstMeeting')}</p>
        )}
        {since.previousItems.length > 0 ? (
          <table className="table compact review-since-table">
            <thead>
              <tr>
                <th>{t('review.since.item')}</th>
                <th>{t('review.records.owner')}</th>
                <th>{t('review.records.due')}</th>
                <th>{t('review.since.statusThen')}</th>
              </tr>
            </thead>
            <tbody>
              {since.previousItems.map((i) => (
                <tr key={i.id}>
                  <td>{i.text}</td>
                  <td>{i.owner}</td>
                  <td className="nowrap">{i.dueDate ? calendarDate(locale, i.dueDate) : '—'}</td>
                  <td>
                    <ItemStatusLabel status={i.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : previous ? (
          <p className="muted">{t('review.since.noPreviousItems')}</p>
        ) : null}
        <h4>{t('review.since.carriedTitle')}</h4>
        <p className="muted small">{t('review.since.carriedHint')}</p>
        <ItemList
          items={carried}
          words={words}
          editable={writable}
          meetingTitle={meetingTitle}
          onOpenLink={onOpenLink}
          onStatus={(item, status) => void write((api) => api.updateActionItem({ itemId: item.id, status }))}
          onRemove={() => undefined}
        />
      </section>

      <section className="card review-panel" aria-labelledby="since-decisions">
        <h3 id="since-decisions">{t('review.since.decisionsTitle')}</h3>
        {since.decisionsInForce.length === 0 ? <p className="muted">{t('review.since.noDecisions')}</p> : null}
        <ol className="review-records">
          {since.decisionsInForce.map((d) => {
            const current = now.get(d.id);
            const status: DecisionStatus = current?.status ?? d.status;
            const changedHere = current?.statusMeetingId === meeting.id;
            const changedLater = current && current.statusMeetingId !== null && !changedHere && status !== 'in_force';
            return (
              <li key={d.id} className="review-record">
                <div className="review-record-main">
                  <p className="review-record-text">{d.text}</p>
                  <p className="review-record-meta muted">{t('review.since.decidedIn', { title: d.meeting.title })}</p>
                  <LinkLabel link={d.link} words={words} onOpen={onOpenLink} />
                  {changedLater ? (
                    <p className="small">
                      {t('review.since.changedLater', {
                        status: t(`meetings.decisionStatus.${status}`),
                        title: meetingTitle(current.statusMeetingId ?? 0),
                      })}
                    </p>
                  ) : null}
                </div>
                <div className="review-record-side">
                  {writable ? (
                    <select
                      className="select"
                      value={status}
                      disabled={busy}
                      aria-label={t('review.since.decisionStatus', { decision: d.text })}
                      onChange={(e) => {
                        const next = DECISION_STATUSES.find((s) => s === e.target.value);
                        if (next)
                          void write((api) =>
                            api.setDecisionStatus({ id: meeting.id, decisionId: d.id, status: next }),
                          ).then((ok) => ok && setVersion((v) => v + 1));
                      }}
                    >
                      {DECISION_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {t(`meetings.decisionStatus.${s}`)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <span className={`badge review-decision-${status}`}>{t(`meetings.decisionStatus.${status}`)}</span>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      </section>

      <section className="card review-panel" aria-labelledby="since-points">
        <h3 id="since-points">{t('review.since.pointsTitle')}</h3>
        {since.unreachedPoints.length === 0 ? (
          <p className="muted">{t('review.since.noPoints')}</p>
        ) : (
          <ul className="review-points">
            {since.unreachedPoints.map((p) => {
              const index = meeting.agenda.steps.findIndex((s) => s.kind === p.kind);
              return (
                <li key={`${p.meetingId}-${p.kind}`}>
                  <strong>{stepName(t, p)}</strong>{' '}
                  <span className="muted">{t('review.since.notReachedIn', { title: meetingTitle(p.meetingId) })}</span>{' '}
                  {index >= 0 ? (
                    <button type="button" className="link-button" onClick={() => goToKind(p.kind)}>
                      {t('review.since.onAgenda', { n: index })}
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
