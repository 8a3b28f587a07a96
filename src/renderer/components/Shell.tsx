import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useNavigation, useUi } from '../app-context';
import { SCREENS } from '../screens/registry';
import { asAppError } from '../transport/envelope';
import { useWorkspace } from '../use-workspace';
import { Icon } from './Icon';
import { Sidebar } from './Sidebar';
import { ReadOnlyBanner, WorkspaceHeader } from './WorkspaceHeader';

/** The frame around an open workspace: navigation, header, read-only banner, and the current section. */
export function Shell() {
  const { t } = useTranslation();
  const model = useApp();
  const workspace = useWorkspace();
  const section = useNavigation((s) => s.section);
  const presenter = useUi((s) => s.presenter);
  const Screen = SCREENS[section].component;

  // Other screens write (imports, meetings): counts shown in the frame are read again on every visit.
  useEffect(() => {
    model.session
      .getState()
      .refreshWorkspace()
      .catch((e: unknown) => model.ui.getState().notifyError(asAppError(e).toPayload()));
  }, [model, section]);

  // Every size is in rem, so a larger root font enlarges the whole view for the meeting room.
  useEffect(() => {
    document.documentElement.classList.toggle('presenter', presenter);
    return () => document.documentElement.classList.remove('presenter');
  }, [presenter]);

  useEffect(() => {
    if (!presenter) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !model.ui.getState().dialog) model.ui.getState().setPresenter(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [model, presenter]);

  return (
    <div className={presenter ? 'shell presenter' : 'shell'}>
      {presenter ? null : <Sidebar />}
      <div className="main-column">
        {presenter ? (
          <button
            type="button"
            className="btn btn-secondary btn-sm presenter-exit"
            onClick={() => model.ui.getState().setPresenter(false)}
          >
            <Icon name="x" size={14} />
            {t('app.presenter.exit')}
          </button>
        ) : (
          <WorkspaceHeader workspace={workspace} />
        )}
        <ReadOnlyBanner workspace={workspace} />
        <main className="content" id="main" tabIndex={-1}>
          <div className="content-inner">
            <Screen key={`${section}|${workspace.path}`} />
          </div>
        </main>
      </div>
    </div>
  );
}
