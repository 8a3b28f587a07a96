import { useTranslation } from 'react-i18next';
import { useApp, useUi } from '../app-context';
import { AboutDialog } from './AboutDialog';
import { Button } from './Button';
import { Dialog } from './Dialog';
import { NewWorkspaceDialog, OpenWorkspaceDialog } from './PathDialogs';
import { WorkspaceFailure } from './WorkspaceFailure';

/** The frame's dialogs (About, new/open workspace, failures of menu actions), one at a time. */
export function FrameDialogs() {
  const { t } = useTranslation();
  const ui = useApp().ui;
  const dialog = useUi((s) => s.dialog);
  const close = () => ui.getState().closeDialog();
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'about':
      return <AboutDialog onClose={close} />;
    case 'newWorkspace':
      return <NewWorkspaceDialog onClose={close} />;
    case 'openWorkspace':
      return <OpenWorkspaceDialog onClose={close} />;
    case 'failure':
      return (
        <Dialog
          title={t('app.failure.title')}
          size="sm"
          onClose={close}
          footer={
            <Button variant="primary" onClick={close}>
              {t('common.close')}
            </Button>
          }
        >
          <WorkspaceFailure error={dialog.error} onRestored={close} />
        </Dialog>
      );
  }
}
