import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingState } from '../state/meeting-store';

/** The notes of one step, saved when the field is left (one write per edit, not per key). */
export function StepNotes({
  meetingId,
  index,
  notes,
  writable,
  write,
}: {
  meetingId: number;
  index: number;
  notes: string;
  writable: boolean;
  write: MeetingState['write'];
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(notes);
  useEffect(() => setText(notes), [notes, index]);
  if (!writable && notes.trim() === '') return null;
  return (
    <label className="step-notes">
      <span className="field-label">{t('review.notes.label')}</span>
      <textarea
        className="input"
        rows={2}
        maxLength={20_000}
        value={text}
        disabled={!writable}
        placeholder={writable ? t('review.notes.placeholder') : ''}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => {
          if (writable && text !== notes)
            void write((api) => api.setStepNotes({ id: meetingId, step: index, notes: text }));
        }}
      />
    </label>
  );
}
