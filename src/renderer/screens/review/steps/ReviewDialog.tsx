import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorPayload } from '../../../../shared/errors';
import type { Attendee, ReviewOutcome } from '../../../../shared/meetings/model';
import { Button } from '../../../components/Button';
import { Dialog } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';

export interface ReviewDraft {
  readonly marketingLead: string;
  readonly salesLead: string;
  readonly note: string;
}

/**
 * Approve, reject or defer one proposal: both leaders named (by default the attendees with those
 * roles), and a note for the record.
 */
export function ReviewDialog({
  outcome,
  title,
  attendees,
  busy,
  error,
  onSubmit,
  onClose,
}: {
  outcome: ReviewOutcome;
  title: string;
  attendees: readonly Attendee[];
  busy: boolean;
  error: ApiErrorPayload | null;
  onSubmit: (draft: ReviewDraft) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const byRole = (role: Attendee['role']) => attendees.find((a) => a.role === role)?.name ?? attendees[0]?.name ?? '';
  const [marketingLead, setMarketingLead] = useState(byRole('marketing_lead'));
  const [salesLead, setSalesLead] = useState(byRole('sales_lead'));
  const [note, setNote] = useState('');
  const person = (value: string, set: (v: string) => void, label: string) => (
    <Field label={label}>
      <select className="select" value={value} onChange={(e) => set(e.target.value)}>
        {attendees.map((a) => (
          <option key={a.name} value={a.name}>
            {a.name} · {t(`meetings.role.${a.role}`)}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <Dialog
      title={t(`review.defs.dialog.${outcome}`, { title })}
      size="sm"
      onClose={onClose}
      footer={
        <>
          <Button variant="ghost" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button
            variant={outcome === 'reject' ? 'danger' : 'primary'}
            busy={busy}
            disabled={!marketingLead || !salesLead}
            onClick={() => onSubmit({ marketingLead, salesLead, note: note.trim() })}
          >
            {t(`review.defs.action.${outcome}`)}
          </Button>
        </>
      }
    >
      <div className="form">
        {attendees.length === 0 ? <p className="muted">{t('review.defs.noAttendees')}</p> : null}
        {person(marketingLead, setMarketingLead, t('meetings.role.marketing_lead'))}
        {person(salesLead, setSalesLead, t('meetings.role.sales_lead'))}
        <Field label={t('review.defs.note')} hint={t(`review.defs.noteHint.${outcome}`)}>
          <textarea
            className="input"
            rows={3}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </Field>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
    </Dialog>
  );
}
