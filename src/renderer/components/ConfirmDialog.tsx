import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorPayload } from '../../shared/errors';
import { asAppError } from '../transport/envelope';
import { Button } from './Button';
import { Dialog } from './Dialog';
import { ErrorNotice } from './ErrorNotice';

export interface ConfirmDialogProps {
  readonly title: string;
  readonly children: ReactNode;
  readonly confirmLabel: string;
  readonly danger?: boolean;
  /** The work to do; the dialog stays open with the error if it fails. */
  readonly onConfirm: () => Promise<void>;
  readonly onClose: () => void;
  /** Shown while the work runs (its progress, with its own cancel: the dialog's waits for the work). */
  readonly progress?: ReactNode;
}

export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  danger = false,
  onConfirm,
  onClose,
  progress,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorPayload | null>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
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
          <Button variant={danger ? 'danger' : 'primary'} busy={busy} onClick={() => void confirm()}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children}
      {busy ? progress : null}
      {error ? <ErrorNotice error={error} /> : null}
    </Dialog>
  );
}
