import { useTranslation } from 'react-i18next';
import type { Theme } from '../../shared/domain/types';
import { useApp, useSession } from '../app-context';
import { reportFailures } from '../workspace-actions';
import { Icon, type IconName } from './Icon';

const CHOICES: readonly { theme: Theme; icon: IconName }[] = [
  { theme: 'system', icon: 'monitor' },
  { theme: 'light', icon: 'sun' },
  { theme: 'dark', icon: 'moon' },
];

/** Light, dark or as the system: three icon buttons acting as one radio group. */
export function ThemeSwitch() {
  const { t } = useTranslation();
  const model = useApp();
  const current = useSession((s) => s.session?.preferences.theme ?? 'system');
  return (
    <div className="segmented" role="radiogroup" aria-label={t('theme.label')}>
      {CHOICES.map(({ theme, icon }) => (
        <button
          key={theme}
          type="button"
          role="radio"
          aria-checked={current === theme}
          className={current === theme ? 'segment active' : 'segment'}
          title={t(`theme.${theme}`)}
          aria-label={t(`theme.${theme}`)}
          onClick={() => void reportFailures(model, () => model.session.getState().setPreferences({ theme }))}
        >
          <Icon name={icon} size={16} />
        </button>
      ))}
    </div>
  );
}
