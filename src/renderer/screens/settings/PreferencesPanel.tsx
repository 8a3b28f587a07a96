import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Theme } from '../../../shared/domain/types';
import type { ApiErrorPayload } from '../../../shared/errors';
import { useApp, useSession } from '../../app-context';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { asAppError } from '../../transport/envelope';

const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

/** Settings of this user on this computer: they follow the user across workspaces. */
export function PreferencesPanel() {
  const { t } = useTranslation();
  const model = useApp();
  const theme = useSession((s) => s.session?.preferences.theme ?? 'system');
  const savedName = useSession((s) => s.session?.preferences.userName ?? '');
  const [userName, setUserName] = useState(savedName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorPayload | null>(null);

  const save = async (patch: Parameters<ReturnType<typeof model.session.getState>['setPreferences']>[0]) => {
    setError(null);
    setBusy(true);
    try {
      await model.session.getState().setPreferences(patch);
      return true;
    } catch (e) {
      setError(asAppError(e).toPayload());
      return false;
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await save({ userName: userName.trim() })) model.ui.getState().notify('settings.saved');
  };

  return (
    <section className="card panel">
      <header className="panel-header">
        <h2>{t('settings.preferences.title')}</h2>
        <p className="muted">{t('settings.preferences.description')}</p>
      </header>
      <form className="form" onSubmit={(event) => void onSubmit(event)}>
        <Field label={t('settings.preferences.language')}>
          <LanguageSwitch />
        </Field>
        <fieldset className="field">
          <legend className="field-label">{t('theme.label')}</legend>
          <div className="radio-row">
            {THEMES.map((choice) => (
              <label key={choice} className="radio">
                <input
                  type="radio"
                  name="theme"
                  value={choice}
                  checked={theme === choice}
                  onChange={() => void save({ theme: choice })}
                />
                <span>{t(`theme.${choice}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <Field label={t('settings.preferences.userName')} hint={t('settings.preferences.userNameHint')}>
          <input
            className="input"
            value={userName}
            maxLength={120}
            autoComplete="name"
            onChange={(event) => setUserName(event.target.value)}
          />
        </Field>
        {error ? <ErrorNotice error={error} /> : null}
        <div className="panel-actions">
          <Button type="submit" variant="primary" busy={busy} disabled={userName.trim() === savedName}>
            {t('common.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
