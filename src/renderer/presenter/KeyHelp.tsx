import { useTranslation } from 'react-i18next';
import { KEY_HELP } from './keys';
import './presenter.css';

/**
 * The keys of presenter mode, over the step (`?` opens and closes it, Escape closes it). Not a
 * modal dialog: the keyboard handler keeps working, and nothing behind it changes.
 */
export function KeyHelp({ stepCount, onClose }: { stepCount: number; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="key-help" role="region" aria-label={t('presenter.help.title')}>
      <div className="key-help-card">
        <h2>{t('presenter.help.title')}</h2>
        <dl>
          {KEY_HELP.map((k) => (
            <div key={k.id} className="key-help-row">
              <dt>
                {(k.id === 'step' ? [`0 … ${Math.max(0, stepCount - 1)}`] : k.keys).map((key) => (
                  <kbd key={key}>{key}</kbd>
                ))}
              </dt>
              <dd>{t(`presenter.keys.${k.id}`)}</dd>
            </div>
          ))}
        </dl>
        <button type="button" className="btn btn-secondary btn-md" onClick={onClose}>
          {t('presenter.help.close')}
        </button>
      </div>
    </div>
  );
}
