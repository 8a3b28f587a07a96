import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { resolveLocale } from '../shared/i18n';
import { useApp, useSession } from './app-context';
import { Button } from './components/Button';
import { ErrorNotice } from './components/ErrorNotice';
import { FrameDialogs } from './components/FrameDialogs';
import { Logo } from './components/Logo';
import { Notices } from './components/Notices';
import { SessionBusyStatus } from './components/SessionBusyStatus';
import { Shell } from './components/Shell';
import { Spinner } from './components/Spinner';
import { StartScreen } from './screens/start';
import { applyTheme } from './theme';

/** Language and theme follow the user's preferences (and the system where they say "system"). */
function usePreferencesEffects(): void {
  const { i18n } = useTranslation();
  const locale = useSession((s) => s.session?.preferences.locale ?? null);
  const theme = useSession((s) => s.session?.preferences.theme ?? 'system');
  const effective = locale ?? resolveLocale(navigator.language);
  useEffect(() => {
    if (i18n.language !== effective) void i18n.changeLanguage(effective);
    document.documentElement.lang = effective;
  }, [i18n, effective]);
  useEffect(() => applyTheme(theme), [theme]);
}

export function App() {
  const { t } = useTranslation();
  const model = useApp();
  const hasSession = useSession((s) => s.session !== null);
  const hasWorkspace = useSession((s) => s.session?.workspace != null);
  const loadError = useSession((s) => s.loadError);
  usePreferencesEffects();

  const workspaceName = useSession((s) => s.session?.workspace?.name ?? null);
  useEffect(() => {
    document.title = workspaceName ? `${workspaceName} — ${t('app.name')}` : t('app.name');
  }, [t, workspaceName]);

  if (!hasSession) {
    return (
      <div className="splash">
        <Logo size={40} />
        {loadError ? (
          <div className="splash-error">
            <ErrorNotice error={loadError}>
              <Button variant="primary" onClick={() => void model.session.getState().load()}>
                {t('common.retry')}
              </Button>
            </ErrorNotice>
          </div>
        ) : (
          <Spinner label={t('common.loading')} />
        )}
      </div>
    );
  }

  return (
    <>
      {hasWorkspace ? <Shell /> : <StartScreen />}
      <FrameDialogs />
      <SessionBusyStatus />
      <Notices />
    </>
  );
}
