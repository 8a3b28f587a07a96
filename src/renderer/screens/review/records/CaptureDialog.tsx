import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorPayload } from '../../../../shared/errors';
import type { MeetingDetail, Snapshot } from '../../../../shared/meetings/types';
import { useLocale } from '../../../app-context';
import { Segmented } from '../../../analysis/Segmented';
import { Dialog } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import type { MeetingState, PendingLink } from '../state/meeting-store';
import { linkOptions } from './link-options';
import { DecisionForm, ItemForm } from './RecordForms';

type Kind = 'decision' | 'item';

/**
 * "Decide on this": a decision or an action item about the figure or lead on screen, recorded
 * without leaving the step; the link is filled in with what prompted it.
 */
export function CaptureDialog({
  meeting,
  snapshot,
  pending,
  busy,
  error,
  write,
  onClose,
}: {
  meeting: MeetingDetail;
  snapshot: Snapshot;
  pending: PendingLink;
  busy: boolean;
  error: ApiErrorPayload | null;
  write: MeetingState['write'];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [kind, setKind] = useState<Kind>('decision');
  const options = useMemo(() => linkOptions(snapshot, t, locale), [snapshot, t, locale]);
  const done = (ok: boolean) => {
    if (ok) onClose();
    return ok;
  };
  return (
    <Dialog title={t('review.capture.title')} onClose={onClose}>
      <p className="review-capture-about">
        <span className="muted">{t('review.records.promptedBy')}</span> <strong>{pending.label}</strong>
      </p>
      <Segmented
        label={t('review.capture.kind')}
        value={kind}
        onChange={setKind}
        options={[
          { value: 'decision', label: t('review.capture.decision') },
          { value: 'item', label: t('review.capture.item') },
        ]}
      />
      {kind === 'decision' ? (
        <DecisionForm
          options={options}
          initialLink={pending.link}
          initialLabel={pending.label}
          disabled={false}
          busy={busy}
          onSubmit={(d) => write((api) => api.addDecision({ id: meeting.id, text: d.text, link: d.link })).then(done)}
        />
      ) : (
        <ItemForm
          options={options}
          attendees={meeting.attendees}
          initialLink={pending.link}
          initialLabel={pending.label}
          disabled={false}
          busy={busy}
          onSubmit={(d) =>
            write((api) =>
              api.addActionItem({ id: meeting.id, text: d.text, owner: d.owner, dueDate: d.dueDate, link: d.link }),
            ).then(done)
          }
        />
      )}
      {error ? <ErrorNotice error={error} /> : null}
    </Dialog>
  );
}
