import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attendee, Link } from '../../../../shared/meetings/model';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';
import type { LinkOption } from './link-options';
import { linkValue } from './link-options';

/** The "prompted by" choice: nothing, a figure of the week, or the figure or lead a drill-down handed over. */
function LinkSelect({
  options,
  value,
  onChange,
  disabled,
}: {
  options: readonly LinkOption[];
  value: Link | null;
  onChange: (link: Link | null) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const chosen = value ? linkValue(value) : '';
  return (
    <Field label={t('review.records.link')}>
      <select
        className="select select-fluid"
        disabled={disabled}
        value={chosen}
        // Figures are named by the workspace's stages, owners and reasons, of any length: whole here when cut.
        title={options.find((o) => o.value === chosen)?.label ?? t('review.records.noLink')}
        onChange={(e) => onChange(options.find((o) => o.value === e.target.value)?.link ?? null)}
      >
        <option value="">{t('review.records.noLink')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Options with the given link among them (a drill-down may hand over any figure or lead). */
function withLink(options: readonly LinkOption[], link: Link | null, label: string | null): LinkOption[] {
  if (!link || options.some((o) => o.value === linkValue(link))) return [...options];
  return [{ value: linkValue(link), link, label: label ?? linkValue(link) }, ...options];
}

export interface DecisionDraft {
  readonly text: string;
  readonly link: Link | null;
}

export function DecisionForm({
  options,
  initialLink = null,
  initialLabel = null,
  disabled,
  busy,
  onSubmit,
}: {
  options: readonly LinkOption[];
  initialLink?: Link | null;
  initialLabel?: string | null;
  disabled: boolean;
  busy: boolean;
  /** Resolves true when recorded: the form then empties. */
  onSubmit: (draft: DecisionDraft) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [link, setLink] = useState<Link | null>(initialLink);
  const all = useMemo(() => withLink(options, initialLink, initialLabel), [options, initialLink, initialLabel]);
  const submit = async () => {
    if (await onSubmit({ text: text.trim(), link })) {
      setText('');
      setLink(null);
    }
  };
  return (
    <form
      className="form review-record-form"
      aria-label={t('review.records.decisionForm')}
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) void submit();
      }}
    >
      <Field label={t('review.records.decisionText')}>
        <textarea
          className="input"
          rows={2}
          maxLength={2000}
          value={text}
          disabled={disabled}
          onChange={(e) => setText(e.target.value)}
        />
      </Field>
      <LinkSelect options={all} value={link} onChange={setLink} disabled={disabled} />
      <div className="review-form-actions">
        <Button type="submit" variant="primary" busy={busy} disabled={disabled || !text.trim()}>
          {t('review.records.addDecision')}
        </Button>
      </div>
    </form>
  );
}

export interface ItemDraft {
  readonly text: string;
  readonly owner: string;
  readonly dueDate: string | null;
  readonly link: Link | null;
}

export function ItemForm({
  options,
  attendees,
  initialLink = null,
  initialLabel = null,
  disabled,
  busy,
  onSubmit,
}: {
  options: readonly LinkOption[];
  attendees: readonly Attendee[];
  initialLink?: Link | null;
  initialLabel?: string | null;
  disabled: boolean;
  busy: boolean;
  onSubmit: (draft: ItemDraft) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [link, setLink] = useState<Link | null>(initialLink);
  const all = useMemo(() => withLink(options, initialLink, initialLabel), [options, initialLink, initialLabel]);
  const ready = text.trim() !== '' && owner.trim() !== '';
  const submit = async () => {
    if (await onSubmit({ text: text.trim(), owner: owner.trim(), dueDate: due || null, link })) {
      setText('');
      setOwner('');
      setDue('');
      setLink(null);
    }
  };
  const listId = 'review-owner-names';
  return (
    <form
      className="form review-record-form"
      aria-label={t('review.records.itemForm')}
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) void submit();
      }}
    >
      <Field label={t('review.records.itemText')}>
        <textarea
          className="input"
          rows={2}
          maxLength={2000}
          value={text}
          disabled={disabled}
          onChange={(e) => setText(e.target.value)}
        />
      </Field>
      <div className="review-form-row">
        <Field label={t('review.records.owner')} hint={t('review.records.ownerHint')}>
          <input
            className="input"
            list={listId}
            maxLength={120}
            value={owner}
            disabled={disabled}
            onChange={(e) => setOwner(e.target.value)}
          />
        </Field>
        <datalist id={listId}>
          {attendees.map((a) => (
            <option key={a.name} value={a.name} />
          ))}
        </datalist>
        <Field label={t('review.records.due')}>
          <input
            className="input"
            type="date"
            value={due}
            disabled={disabled}
            onChange={(e) => setDue(e.target.value)}
          />
        </Field>
      </div>
      <LinkSelect options={all} value={link} onChange={setLink} disabled={disabled} />
      <div className="review-form-actions">
        <Button type="submit" variant="primary" busy={busy} disabled={disabled || !ready}>
          {t('review.records.addItem')}
        </Button>
      </div>
    </form>
  );
}
