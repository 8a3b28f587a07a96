import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../shared/i18n';
import { useApp, useUi } from '../app-context';
import { Icon } from './Icon';

/** Short messages in the corner that go away by themselves. */
export function Notices() {
  const { t } = useTranslation();
  const ui = useApp().ui;
  const notices = useUi((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className={'error' in notice ? 'notice notice-error' : 'notice'}>
          <span>{'error' in notice ? errorMessage(t, notice.error) : t(notice.key, notice.params ?? {})}</span>
          <button
            type="button"
            className="icon-button"
            aria-label={t('common.dismiss')}
            onClick={() => ui.getState().dismissNotice(notice.id)}
          >
            <Icon name="x" size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}
