import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorPayload } from '../../../shared/errors';
import { useApp, useSession } from '../../app-context';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { asAppError } from '../../transport/envelope';

export interface DecisionDialogProps {
  readonly title: string;
  readonly confirmLabel: string;
  readonly danger?: boolean;
  /** Whether the decision takes a note, and whether it must. */
  readonly note: 'none' | 'optional' | 'required';
  readonly noteLabel?: string;
  readonly children?: ReactNode;
  readonly onSubmit: (name: string, note: string) => Promise<void>;
  readonly onClose: () => void;
}

/**
 * A decision recorded with a person's name (approve, reject, withdraw, propose): the name comes
 * from the preferences and is asked for when empty; a changed name is remembered for next time.
 */
export function DecisionDialog({
  title,
  confirmLabel,
  danger = false,
  note,
  noteLabel,
  children,
  onSubmit,
  onClose,
}: DecisionDialogProps) {
  const { t } = useTranslation();
  const model = useApp();
  const saved = useSession((s) => s.session?.preferences.userName ?? '');
  const [name, setName] = useState(saved);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorPayload | null>(null);
  const formId = useId();
  const ready = name.trim() !== '' && (note !== 'required' || text.trim() !== '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      if (name.trim() !== saved) await model.session.getState().setPreferences({ userName: name.trim() });
      await onSubmit(name.trim(), text.trim());
      onClose();
    } catch (e) {
      setError(asAppError(e).toPayload());
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={title}
      size="sm"
      onClose={onClose}
      footer={
        <>
          <Button variant="ghost" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" form={formId} variant={danger ? 'danger' : 'primary'} busy={busy} disabled={!ready}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={(e) => void submit(e)}>
        {children}
        <Field label={t('definitions.name.label')} hint={saved ? undefined : t('definitions.name.hint')}>
          <input
            className="input"
            value={name}
            autoComplete="name"
            required
            maxLength={120}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        {note !== 'none' ? (
          <Field label={noteLabel ?? t('definitions.decision.note')}>
            <textarea
              className="input defs-textarea-sm"
              value={text}
              required={note === 'required'}
              maxLength={2000}
              onChange={(e) => setText(e.target.value)}
            />
          </Field>
        ) : null}
      </form>
      {error ? <ErrorNotice error={error} /> : null}
    </Dialog>
  );
}
