import { useTranslation } from 'react-i18next';
import type { ApiErrorPayload } from '../../../shared/errors';
import { useApp, useLocale, useSession } from '../../app-context';
import { Icon } from '../../components/Icon';
import { formatDateTime } from '../../format';
import { asAppError } from '../../transport/envelope';

/** Workspaces opened before; files that are gone stay listed (greyed) until the user forgets them. */
export function RecentList({
  onOpen,
  onFailure,
}: {
  onOpen: (path: string) => void;
  onFailure: (error: ApiErrorPayload) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useApp().session;
  const recent = useSession((s) => s.session?.recent ?? null);
  const busy = useSession((s) => s.busy !== null);

  return (
    <section className="recent" aria-labelledby="recent-title">
      <h2 id="recent-title" className="section-title">
        {t('start.recent.title')}
      </h2>
      {!recent || recent.length === 0 ? (
        <p className="muted recent-empty">{t('start.recent.empty')}</p>
      ) : (
        <ul className="recent-list card">
          {recent.map((r) => (
            <li key={r.path} className={r.exists ? 'recent-item' : 'recent-item missing'}>
              <button
                type="button"
                className="recent-open"
                disabled={!r.exists || busy}
                onClick={() => onOpen(r.path)}
                title={r.path}
              >
                <Icon name="database" />
                <span className="recent-text">
                  <span className="recent-name">{r.name}</span>
                  <span className="recent-path mono">{r.path}</span>
                </span>
                <span className="recent-when">
                  {r.exists
                    ? t('start.recent.opened', { date: formatDateTime(locale, r.openedAt) })
                    : t('start.recent.missing')}
                </span>
              </button>
              <button
                type="button"
                className="btn btn-ghost btn-sm"
                title={t('start.recent.forgetHint')}
                onClick={() => {
                  session
                    .getState()
                    .forgetRecent(r.path)
                    .catch((e: unknown) => onFailure(asAppError(e).toPayload()));
                }}
              >
                {t('start.recent.forget')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
