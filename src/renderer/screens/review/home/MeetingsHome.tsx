import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingSummary } from '../../../../shared/meetings/types';
import { useApi, useLocale } from '../../../app-context';
import { useResource } from '../../../analysis/use-resource';
import { Button } from '../../../components/Button';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { PageHeader } from '../../../components/PageHeader';
import { Spinner } from '../../../components/Spinner';
import { formatDateTime, formatInteger } from '../../../format';
import { useWorkspace } from '../../../use-workspace';
import { weekRange } from '../labels';
import { defaultAttendees, defaultPlanWeek, groupMeetings, todayIn } from '../state/plan';
import { PlanDialog } from './PlanDialog';

function StatusPill({ status }: { status: MeetingSummary['status'] }) {
  const { t } = useTranslation();
  return <span className={`badge review-status review-status-${status}`}>{t(`meetings.status.${status}`)}</span>;
}

function Attendees({ meeting }: { meeting: MeetingSummary }) {
  const { t } = useTranslation();
  if (meeting.attendees.length === 0) return <span className="muted">{t('review.home.noAttendees')}</span>;
  return <span>{meeting.attendees.map((a) => a.name).join(', ')}</span>;
}

/** A running or planned meeting, as a card with its one next action. */
function MeetingCard({ meeting, onOpen }: { meeting: MeetingSummary; onOpen: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const workspace = useWorkspace();
  return (
    <article className="card review-card" aria-label={meeting.title}>
      <div className="review-card-main">
        <div className="review-card-head">
          <StatusPill status={meeting.status} />
          <span className="muted">
            {meeting.week.week} · {weekRange(locale, meeting.week)}
          </span>
        </div>
        <h3>{meeting.title}</h3>
        <p className="muted small">
          <Attendees meeting={meeting} />
        </p>
        {meeting.status === 'in_progress' && meeting.startedAt !== null ? (
          <p className="small">
            {t('review.home.startedAt', { when: formatDateTime(locale, meeting.startedAt, workspace.timeZone) })}
          </p>
        ) : null}
        {meeting.openItemCount > 0 ? (
          <p className="small">
            {t('review.home.openItems', {
              count: meeting.openItemCount,
              n: formatInteger(locale, meeting.openItemCount),
            })}
          </p>
        ) : null}
      </div>
      <Button variant="primary" onClick={onOpen}>
        {meeting.status === 'in_progress' ? t('review.home.resume') : t('review.home.prepare')}
      </Button>
    </article>
  );
}

/**
 * The meetings of the workspace: the one in progress, the ones planned, and the past ones (read
 * only); planning the next review of a week starts here.
 */
export function MeetingsHome({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useLocale();
  const workspace = useWorkspace();
  const list = useResource('meetings', () => api.meetings.list({}));
  const [planning, setPlanning] = useState(false);
  const meetings = list.data ?? [];
  const groups = groupMeetings(meetings);

  return (
    <div className="review-home">
      <PageHeader
        title={t('nav.review')}
        description={t('empty.review.summary')}
        actions={
          <Button
            variant="primary"
            icon="plus"
            disabled={workspace.readOnly || !list.data}
            onClick={() => setPlanning(true)}
          >
            {t('review.home.plan')}
          </Button>
        }
      />
      {list.error ? (
        <ErrorNotice error={list.error}>
          <Button onClick={list.reload}>{t('common.retry')}</Button>
        </ErrorNotice>
      ) : null}
      {!list.data && !list.error ? <Spinner label={t('common.loading')} /> : null}
      {list.data ? (
        <>
          <section className="review-section" aria-labelledby="review-running">
            <h2 id="review-running" className="section-title">
              {t('review.home.running')}
            </h2>
            {groups.running.length === 0 ? <p className="muted">{t('review.home.noneRunning')}</p> : null}
            {groups.running.map((m) => (
              <MeetingCard key={m.id} meeting={m} onOpen={() => onOpen(m.id)} />
            ))}
          </section>
          <section className="review-section" aria-labelledby="review-upcoming">
            <h2 id="review-upcoming" className="section-title">
              {t('review.home.upcoming')}
            </h2>
            {groups.upcoming.length === 0 ? <p className="muted">{t('review.home.noneUpcoming')}</p> : null}
            {groups.upcoming.map((m) => (
              <MeetingCard key={m.id} meeting={m} onOpen={() => onOpen(m.id)} />
            ))}
          </section>
          <section className="review-section" aria-labelledby="review-past">
            <h2 id="review-past" className="section-title">
              {t('review.home.past')}
            </h2>
            {groups.past.length === 0 ? (
              <p className="muted">{t('review.home.nonePast')}</p>
            ) : (
              <div className="card review-past">
                <table className="table">
                  <thead>
                    <tr>
                      <th>{t('review.home.week')}</th>
                      <th>{t('review.home.meeting')}</th>
                      <th className="num">{t('review.home.decisions')}</th>
                      <th className="num">{t('review.home.items')}</th>
                      <th>{t('review.home.ended')}</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {groups.past.map((m) => (
                      <tr key={m.id}>
                        <td className="nowrap">
                          <strong>{m.week.week}</strong>
                          <div className="muted small">{weekRange(locale, m.week)}</div>
                        </td>
                        <td>
                          {m.title}
                          <div className="muted small">
                            <Attendees meeting={m} />
                          </div>
                        </td>
                        <td className="num">{formatInteger(locale, m.decisionCount)}</td>
                        <td className="num">{formatInteger(locale, m.actionItemCount)}</td>
                        <td className="nowrap">
                          {m.endedAt === null ? '—' : formatDateTime(locale, m.endedAt, workspace.timeZone)}
                        </td>
                        <td className="num">
                          <Button
                            size="sm"
                            onClick={() => onOpen(m.id)}
                            aria-label={t('review.home.openPast', { title: m.title })}
                          >
                            {t('review.home.open')}
                          </Button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      ) : null}
      {planning && list.data ? (
        <PlanDialog
          initialWeek={defaultPlanWeek(todayIn(workspace.timeZone), meetings)}
          initialAttendees={defaultAttendees(meetings)}
          onClose={() => setPlanning(false)}
          onPlanned={(m) => {
            setPlanning(false);
            onOpen(m.id);
          }}
        />
      ) : null}
    </div>
  );
}
