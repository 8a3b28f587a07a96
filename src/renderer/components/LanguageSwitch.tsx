import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../shared/domain/types';
import { resolveLocale } from '../../shared/i18n';
import { useApp, useSession } from '../app-context';
import { LANGUAGE_ENDONYMS } from '../languages';
import { reportFailures } from '../workspace-actions';
import { Icon } from './Icon';

const SYSTEM = 'system';

function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** The UI language: a per-user preference, "system" follows the browser or OS language. */
export function LanguageSwitch({ compact = false, id }: { compact?: boolean; id?: string }) {
  const { t } = useTranslation();
  const model = useApp();
  const chosen = useSession((s) => s.session?.preferences.locale ?? null);
  const systemLocale = resolveLocale(navigator.language);
  const select = (
    <select
      id={id}
      className="select"
      value={chosen ?? SYSTEM}
      aria-label={t('settings.preferences.language')}
      title={t('settings.preferences.language')}
      onChange={(event) => {
        const value = event.target.value;
        void reportFailures(model, () =>
          model.session.getState().setPreferences({ locale: isLocale(value) ? value : null }),
        );
      }}
    >
      <option value={SYSTEM}>
        {t('settings.preferences.languageSystem', { language: LANGUAGE_ENDONYMS[systemLocale] })}
      </option>
      {LOCALES.map((locale) => (
        <option key={locale} value={locale} lang={locale}>
          {LANGUAGE_ENDONYMS[locale]}
        </option>
      ))}
    </select>
  );
  if (!compact) return select;
  return (
    <span className="with-icon">
      <Icon name="globe" />
      {select}
    </span>
  );
}
