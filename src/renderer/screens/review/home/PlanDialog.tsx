import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorPayload } from '../../../../shared/errors';
import type { Attendee } from '../../../../shared/meetings/model';
import type { MeetingDetail } from '../../../../shared/meetings/types';
import { isIsoWeek, parseIsoWeek } from '../../../../shared/meetings/week';
import { useApi, useLocale } from '../../../app-context';
import { Button } from '../../../components/Button';
import { Dialog } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { asAppError } from '../../../transport/envelope';
import { weekRange } from '../labels';
import { AttendeesEditor, cleanAttendees } from './AttendeesEditor';

/** Plans the review of an ISO week: which week, a title, and who attends (from the last meeting by default). */
export function PlanDialog({
  initialWeek,
  initialAttendees,
  onClose,
  onPlanned,
}: {
  initialWeek: string;
  initialAttendees: readonly Attendee[];
  onClose: () => void;
  onPlanned: (meeting: MeetingDetail) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useLocale();
  const [week, setWeek] = useState(initialWeek);
  const [title, setTitle] = useState('');
  const [attendees, setAttendees] = useState<Attendee[]>([...initialAttendees]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorPayload | null>(null);
  const valid = isIsoWeek(week);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const trimmed = title.trim();
      const meeting = await api.meetings.plan({
        week,
        attendees: cleanAttendees(attendees),
        ...(trimmed ? { title: trimmed } : {}),
      });
      onPlanned(meeting);
    } catch (e) {
      setError(asAppError(e).toPayload());
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('review.plan.title')}
      onClose={onClose}
      footer={
        <>
          <Button variant="ghost" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" busy={busy} disabled={!valid} onClick={() => void submit()}>
            {t('review.plan.submit')}
          </Button>
        </>
      }
    >
      <form
        className="form review-plan-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) void submit();
        }}
      >
        <Field
          label={t('review.plan.week')}
          hint={valid ? weekRange(locale, parseIsoWeek(week)) : t('review.plan.weekHint')}
        >
          <input className="input" type="week" value={week} required onChange={(e) => setWeek(e.target.value)} />
        </Field>
        <Field label={t('review.plan.meetingTitle')} hint={t('review.plan.titleHint')}>
          <input
            className="input"
            value={title}
            maxLength={200}
            placeholder={valid ? t('meetings.defaultTitle', { week }) : ''}
            onChange={(e) => setTitle(e.target.value)}
          />
        </Field>
        <AttendeesEditor value={attendees} onChange={setAttendees} />
        <p className="muted small">{t('review.plan.rolesHint')}</p>
      </form>
      {error ? <ErrorNotice error={error} /> : null}
    </Dialog>
  );
}
