import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from './use-modal-dialog';
import { Icon } from './Icon';

export interface DialogProps {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  /** Buttons along the bottom edge. */
  readonly footer?: ReactNode;
  readonly size?: 'sm' | 'md';
}

/**
 * A modal on the native <dialog> element: focus stays inside, Escape closes, the page behind is
 * inert, all without a focus-trap library.
 */
export function Dialog({ title, onClose, children, footer, size = 'md' }: DialogProps) {
  const { t } = useTranslation();
  const ref = useModalDialog(onClose);
  const titleId = useId();

  return (
    <dialog ref={ref} className={`dialog dialog-${size}`} aria-labelledby={titleId}>
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button
          type="button"
          className="icon-button"
          onClick={onClose}
          aria-label={t('common.close')}
          title={t('common.close')}
        >
          <Icon name="x" />
        </button>
      </header>
      <div className="dialog-body">{children}</div>
      {footer ? <footer className="dialog-footer">{footer}</footer> : null}
    </dialog>
  );
}
