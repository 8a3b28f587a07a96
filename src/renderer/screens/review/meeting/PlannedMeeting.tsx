import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingWords } from '../../../../shared/meetings/describe';
import type { Attendee } from '../../../../shared/meetings/model';
import { meetingSubject } from '../../../../shared/meetings/contract';
import type { MeetingDetail } from '../../../../shared/meetings/types';
import type { JobStatus } from '../../../../shared/jobs/types';
import { useApi, useLocale } from '../../../app-context';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { PageHeader } from '../../../components/PageHeader';
import { formatInteger } from '../../../format';
import { AttendeesEditor, cleanAttendees } from '../home/AttendeesEditor';
import { budgetMinutes, stepName, weekRange } from '../labels';
import { ItemList } from '../records/RecordLists';
import { useJob } from '../../../analysis/use-job';
import { ReadsProgress } from '../../../components/ReadsProgress';
import type { MeetingState } from '../state/meeting-store';

/**
 * A meeting not started yet: who attends, the agenda it will follow (with points carried from
 * the last meeting), the items waiting for it, and the start, which freezes the figures.
 */
export function PlannedMeeting({
  meeting,
  state,
  words,
  meetingTitle,
  onBack,
  onStarted,
  onRemoved,
}: {
  meeting: MeetingDetail;
  state: Pick<MeetingState, 'busy' | 'error' | 'write'>;
  words: MeetingWords;
  meetingTitle: (id: number) => string;
  onBack: () => void;
  onStarted: () => void;
  onRemoved: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const api = useApi();
  const [attendees, setAttendees] = useState<Attendee[]>([...meeting.attendees]);
  const [removing, setRemoving] = useState(false);
  const [starting, setStarting] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  // On a large workspace the start reads for seconds: a job, with progress and cancel.
  const job = useJob<MeetingDetail>();
  const dirty = JSON.stringify(cleanAttendees(attendees)) !== JSON.stringify(meeting.attendees);
  const totalMs = meeting.agenda.steps.reduce((a, s) => a + s.budgetMs, 0);
  const carried = meeting.actionItems.filter((i) => i.carriedFromId !== null);
  const writable = !meeting.readOnly;

  const follow = async (begin: () => Promise<JobStatus<MeetingDetail>>) => {
    setStarting(true);
    setCancelled(false);
    const done = await job.start(begin);
    setStarting(false);
    if (done?.state === 'done') onStarted();
    else if (done?.state === 'cancelled') setCancelled(true);
  };
  const start = async () => {
    // Attendees typed but not saved are part of the meeting the user is starting.
    if (dirty && !(await state.write((api) => api.update({ id: meeting.id, attendees: cleanAttendees(attendees) })))) {
      return;
    }
    await follow(() => api.meetings.start({ id: meeting.id }));
  };
  // A start still running (the page reloaded, or left and come back to) is shown and followed.
  useEffect(() => {
    let current = true;
    api.jobs.list({}).then(
      (jobs) => {
        const running = jobs.find(
          (j) => j.kind === 'meetings.start' && j.subject === meetingSubject(meeting.id) && j.state === 'running',
        );
        // The registry stores results of any type; a meeting start's result is a MeetingDetail.
        if (current && running) void follow(async () => running as JobStatus<MeetingDetail>);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
    // Looked for once per meeting shown; `follow` is rebuilt on every render.
  }, [api, meeting.id]);
  const progress = job.status?.state === 'running' ? job.status.progress : null;

  return (
    <div className="review-planned">
      <PageHeader
        title={meeting.title}
        description={`${meeting.week.week} · ${weekRange(locale, meeting.week)} · ${t('meetings.status.planned')}`}
        actions={
          <Button variant="ghost" onClick={onBack}>
            {t('review.meeting.back')}
          </Button>
        }
      />
      {state.error ? <ErrorNotice error={state.error} /> : null}
      <div className="review-step-grid">
        <section className="card review-panel" aria-labelledby="planned-attendees">
          <h3 id="planned-attendees">{t('review.planned.attendeesTitle')}</h3>
          <AttendeesEditor value={attendees} onChange={setAttendees} disabled={!writable} />
          {writable ? (
            <div className="review-form-actions">
              <Button
                disabled={!dirty}
                busy={state.busy && !starting}
                onClick={() =>
                  void state.write((api) => api.update({ id: meeting.id, attendees: cleanAttendees(attendees) }))
                }
              >
                {t('review.planned.saveAttendees')}
              </Button>
            </div>
          ) : null}
        </section>
        <section className="card review-panel" aria-labelledby="planned-agenda">
          <h3 id="planned-agenda">{t('review.planned.agendaTitle')}</h3>
          <p className="muted small">{t('review.planned.agendaHint', { minutes: budgetMinutes(locale, totalMs) })}</p>
          <ol className="review-agenda-preview">
            {meeting.agenda.steps.map((s, i) => (
              <li key={`${s.kind}-${i}`}>
                <span className="agenda-number">{formatInteger(locale, i)}</span>
                <span className="agenda-name">{stepName(t, s)}</span>
                <span className="muted">
                  {t('review.agenda.budget', { budget: budgetMinutes(locale, s.budgetMs) })}
                </span>
                {s.carriedFrom.length > 0 ? <span className="agenda-carried">{t('review.agenda.carried')}</span> : null}
              </li>
            ))}
          </ol>
        </section>
        <section className="card review-panel" aria-labelledby="planned-carried">
          <h3 id="planned-carried">{t('review.planned.carriedTitle')}</h3>
          <ItemList
            items={carried}
            words={words}
            editable={false}
            meetingTitle={meetingTitle}
            onStatus={() => undefined}
            onRemove={() => undefined}
          />
        </section>
      </div>
      {writable ? (
        <div className="review-start card">
          <div>
            <h3>{t('review.planned.startTitle')}</h3>
            {/* A start reads every figure of the agenda: seconds on a large workspace, so it says what it does. */}
            <p className="muted" role="status">
              {starting
                ? t('review.planned.startingHint')
                : cancelled
                  ? t('review.planned.startCancelled')
                  : t('review.planned.startHint')}
            </p>
            {progress ? (
              <div className="job-line review-start-progress">
                <ReadsProgress progress={progress} />
              </div>
            ) : null}
            {job.error ? <ErrorNotice error={job.error} /> : null}
            {job.status?.state === 'failed' && job.status.error ? <ErrorNotice error={job.status.error} /> : null}
          </div>
          <div className="review-start-actions">
            {progress ? (
              <Button onClick={job.cancel}>{t('common.cancel')}</Button>
            ) : (
              <Button variant="danger" onClick={() => setRemoving(true)} disabled={state.busy}>
                {t('review.planned.remove')}
              </Button>
            )}
            <Button variant="primary" size="lg" busy={starting} onClick={() => void start()}>
              {t('review.planned.start')}
            </Button>
          </div>
        </div>
      ) : null}
      {removing ? (
        <ConfirmDialog
          title={t('review.planned.removeTitle')}
          confirmLabel={t('review.planned.remove')}
          danger
          onClose={() => setRemoving(false)}
          onConfirm={async () => {
            await api.meetings.remove({ id: meeting.id });
            onRemoved();
          }}
        >
          <p>{t('review.planned.removeBody', { title: meeting.title })}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
