import { useTranslation } from 'react-i18next';
import { ATTENDEE_ROLES, type Attendee, type AttendeeRole } from '../../../../shared/meetings/model';
import { Button } from '../../../components/Button';
import { Icon } from '../../../components/Icon';

/** Rows of name and role (marketing lead, sales lead, other), as the plan form and a planned meeting edit them. */
export function AttendeesEditor({
  value,
  onChange,
  disabled = false,
}: {
  value: readonly Attendee[];
  onChange: (next: Attendee[]) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<Attendee>) =>
    onChange(value.map((a, i) => (i === index ? { ...a, ...patch } : a)));
  return (
    <fieldset className="review-attendees" disabled={disabled}>
      <legend className="field-label">{t('review.plan.attendees')}</legend>
      {value.length === 0 ? <p className="muted small">{t('review.plan.noAttendees')}</p> : null}
      <ul>
        {value.map((a, i) => (
          <li key={i} className="review-attendee">
            <input
              className="input"
              value={a.name}
              aria-label={t('review.plan.attendeeName', { n: i + 1 })}
              placeholder={t('review.plan.namePlaceholder')}
              onChange={(e) => set(i, { name: e.target.value })}
            />
            <select
              className="select"
              value={a.role}
              aria-label={t('review.plan.attendeeRole', { n: i + 1 })}
              onChange={(e) => set(i, { role: e.target.value as AttendeeRole })}
            >
              {ATTENDEE_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`meetings.role.${r}`)}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="icon-button"
              aria-label={t('review.plan.removeAttendee', { name: a.name || i + 1 })}
              title={t('review.plan.removeAttendee', { name: a.name || i + 1 })}
              onClick={() => onChange(value.filter((_, k) => k !== i))}
            >
              <Icon name="x" size={16} />
            </button>
          </li>
        ))}
      </ul>
      <Button size="sm" icon="plus" onClick={() => onChange([...value, { name: '', role: 'other' }])}>
        {t('review.plan.addAttendee')}
      </Button>
    </fieldset>
  );
}

/** Attendees as the API takes them: trimmed, blank rows dropped. */
export function cleanAttendees(value: readonly Attendee[]): Attendee[] {
  return value.map((a) => ({ ...a, name: a.name.trim() })).filter((a) => a.name !== '');
}
