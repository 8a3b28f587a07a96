import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from '../components/use-modal-dialog';
import { Icon } from '../components/Icon';

/** A modal side sheet on the native <dialog>: focus stays inside, Escape closes, the page behind is inert. */
export function SideSheet({
  title,
  subtitle,
  before,
  onClose,
  children,
  footer,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  before?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useModalDialog(onClose);
  const titleId = useId();
  return (
    <dialog ref={ref} className="drill-panel" aria-labelledby={titleId}>
      <header className="drill-header">
        <div className="drill-heading">
          {before}
          <h2 id={titleId}>{title}</h2>
          {subtitle ? <div className="muted small">{subtitle}</div> : null}
        </div>
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
      <div className="drill-body">{children}</div>
      {footer ? <footer className="drill-footer">{footer}</footer> : null}
    </dialog>
  );
}
