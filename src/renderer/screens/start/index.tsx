import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorPayload } from '../../../shared/errors';
import { useApp, useSession } from '../../app-context';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { Logo } from '../../components/Logo';
import { ThemeSwitch } from '../../components/ThemeSwitch';
import { WorkspaceFailure } from '../../components/WorkspaceFailure';
import { asAppError } from '../../transport/envelope';
import { chooseAndCreateWorkspace, chooseAndOpenWorkspace } from '../../workspace-actions';
import { RecentList } from './RecentList';

/** Shown while no workspace is open: what the app is, and the ways into a workspace. */
export function StartScreen() {
  const { t } = useTranslation();
  const model = useApp();
  const busy = useSession((s) => s.busy);
  const [failure, setFailure] = useState<ApiErrorPayload | null>(null);

  const attempt = async (work: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await work();
    } catch (e) {
      setFailure(asAppError(e).toPayload());
    }
  };

  return (
    <div className="start">
      <header className="start-topbar">
        <div className="brand">
          <Logo />
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <div className="topbar-right">
          <button
            type="button"
            className="btn btn-ghost btn-md"
            onClick={() => model.ui.getState().openDialog({ kind: 'about' })}
          >
            <Icon name="info" size={16} />
            {t('nav.about')}
          </button>
          <LanguageSwitch compact />
          <ThemeSwitch />
        </div>
      </header>
      <main className="start-main">
        <section className="start-hero">
          <h1>{t('start.title')}</h1>
          <p className="start-tagline">{t('app.tagline')}</p>
        </section>

        <section className="card start-sample">
          <div className="start-sample-text">
            <h2>{t('start.sample.title')}</h2>
            <p className="muted">{t('start.sample.description')}</p>
          </div>
          <Button
            variant="primary"
            size="lg"
            icon="sparkles"
            busy={busy === 'sample'}
            disabled={busy !== null && busy !== 'sample'}
            onClick={() => void attempt(() => model.session.getState().openSample())}
          >
            {busy === 'sample' ? t('start.sample.busy') : t('start.sample.action')}
          </Button>
        </section>

        {failure ? <WorkspaceFailure error={failure} /> : null}

        <div className="start-options">
          <section className="card start-option">
            <Icon name="plus" size={20} className="start-option-icon" />
            <div>
              <h2>{t('start.new.title')}</h2>
              <p className="muted">{t('start.new.description')}</p>
            </div>
            <Button
              icon="plus"
              busy={busy === 'create'}
              disabled={busy !== null && busy !== 'create'}
              onClick={() =>
                void attempt(() => chooseAndCreateWorkspace(model, `${t('app.newWorkspace.defaultName')}.db`))
              }
            >
              {t('start.new.action')}
            </Button>
          </section>
          <section className="card start-option">
            <Icon name="folderOpen" size={20} className="start-option-icon" />
            <div>
              <h2>{t('start.open.title')}</h2>
              <p className="muted">{t('start.open.description')}</p>
            </div>
            <Button
              icon="folderOpen"
              busy={busy === 'open'}
              disabled={busy !== null && busy !== 'open'}
              onClick={() => void attempt(() => chooseAndOpenWorkspace(model))}
            >
              {t('start.open.action')}
            </Button>
          </section>
        </div>

        <RecentList onOpen={(path) => void attempt(() => model.session.getState().open(path))} onFailure={setFailure} />
      </main>
    </div>
  );
}
