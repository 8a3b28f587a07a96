import { useTranslation } from 'react-i18next';
import type { WorkspaceInfo } from '../../shared/domain/types';
import { useApp } from '../app-context';
import { Icon } from './Icon';
import { LanguageSwitch } from './LanguageSwitch';
import { ThemeSwitch } from './ThemeSwitch';
import { WorkspaceMenu } from './WorkspaceMenu';

export function WorkspaceHeader({ workspace }: { workspace: WorkspaceInfo }) {
  const { t } = useTranslation();
  const ui = useApp().ui;
  return (
    <header className="topbar">
      <div className="topbar-left">
        <WorkspaceMenu workspace={workspace} />
      </div>
      <div className="topbar-right">
        <button
          type="button"
          className="icon-button"
          onClick={() => ui.getState().setPresenter(true)}
          title={t('app.menu.presenter')}
          aria-label={t('app.menu.presenter')}
        >
          <Icon name="presenter" />
        </button>
        <LanguageSwitch compact />
        <ThemeSwitch />
      </div>
    </header>
  );
}

/** Why nothing can be changed: the workspace's read-only reason, translated. */
export function ReadOnlyBanner({ workspace }: { workspace: WorkspaceInfo }) {
  const { t } = useTranslation();
  if (!workspace.readOnly) return null;
  const reason = workspace.readOnlyReason ? t(`errors.${workspace.readOnlyReason}`, { defaultValue: '' }) : '';
  return (
    <div className="banner banner-warning" role="status">
      <Icon name="lock" size={16} />
      <span>
        <strong>{t('app.readOnly.title')}</strong> {reason || t('errors.workspace.readOnly')}
      </span>
    </div>
  );
}
