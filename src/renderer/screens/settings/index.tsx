import { useTranslation } from 'react-i18next';
import { useApp, useSession } from '../../app-context';
import { useWorkspace } from '../../use-workspace';
import { Button } from '../../components/Button';
import { PageHeader } from '../../components/PageHeader';
import { BackupsPanel } from './BackupsPanel';
import { PreferencesPanel } from './PreferencesPanel';
import { WorkspaceSettingsPanel } from './WorkspaceSettingsPanel';

/** Per-user preferences, the open workspace's settings, its backups, and About. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const ui = useApp().ui;
  const version = useSession((s) => s.session?.appVersion ?? '');
  const ws = useWorkspace();
  // A restore or a save elsewhere changes the stored values: start the form again from them.
  const settingsKey = [ws.path, ws.name, ws.timeZone, ws.locale, ws.currency].join('|');
  return (
    <>
      <PageHeader title={t('nav.settings')} description={t('settings.summary')} />
      <div className="settings-grid">
        <div className="settings-column">
          <PreferencesPanel />
          <section className="card panel">
            <header className="panel-header">
              <h2>{t('about.title')}</h2>
              <p className="muted">{t('about.version', { version })}</p>
            </header>
            <div className="panel-actions">
              <Button icon="info" onClick={() => ui.getState().openDialog({ kind: 'about' })}>
                {t('settings.about.open')}
              </Button>
            </div>
          </section>
        </div>
        <div className="settings-column">
          <WorkspaceSettingsPanel key={settingsKey} />
        </div>
        <BackupsPanel />
      </div>
    </>
  );
}
