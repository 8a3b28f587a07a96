import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backup } from '../../shared/domain/types';
import type { ApiErrorPayload } from '../../shared/errors';
import { useApi, useApp, useLocale } from '../app-context';
import { formatDateTime } from '../format';
import { Button } from './Button';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorNotice } from './ErrorNotice';
import { FileJobProgress } from './FileJobProgress';

/** The backup a `workspace.corrupt` error offers, or null when there is none. */
export function offeredBackup(error: ApiErrorPayload): { backupPath: string; workspacePath: string } | null {
  if (error.code !== 'workspace.corrupt') return null;
  const { backup, path } = error.params;
  return typeof backup === 'string' && backup !== '' && typeof path === 'string'
    ? { backupPath: backup, workspacePath: path }
    : null;
}

/**
 * Why a workspace did not open, in the user's language. A damaged file comes with the way out:
 * restoring its latest backup (the damaged file itself is kept as a backup first).
 */
export function WorkspaceFailure({ error, onRestored }: { error: ApiErrorPayload; onRestored?: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const api = useApi();
  const session = useApp().session;
  const offer = offeredBackup(error);
  const [backup, setBackup] = useState<Backup | null>(null);
  const [confirming, setConfirming] = useState(false);

  const backupPath = offer?.backupPath;
  const workspacePath = offer?.workspacePath;

  useEffect(() => {
    if (!backupPath || !workspacePath) return;
    let live = true;
    api.workspace
      .listBackups({ path: workspacePath })
      .then((list) => {
        if (live) setBackup(list.find((b) => b.path === backupPath) ?? null);
      })
      // The offer stands without the details; the restore itself will say if the backup is unusable.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, backupPath, workspacePath]);

  return (
    <>
      <ErrorNotice error={error}>
        {offer ? (
          <>
            <span className="muted">
              {backup
                ? t('app.failure.latestBackup', {
                    date: formatDateTime(locale, backup.createdAt),
                    reason: t(`backups.reason.${backup.reason}`),
                  })
                : t('app.failure.backupAvailable')}
            </span>
            <Button variant="primary" icon="restore" onClick={() => setConfirming(true)}>
              {t('app.failure.restore')}
            </Button>
          </>
        ) : error.code === 'workspace.corrupt' ? (
          <span className="muted">{t('app.failure.noBackup')}</span>
        ) : null}
      </ErrorNotice>
      {confirming && offer ? (
        <ConfirmDialog
          title={t('app.failure.restoreTitle')}
          confirmLabel={t('app.failure.restore')}
          onClose={() => setConfirming(false)}
          progress={<FileJobProgress kind="workspace.restore" />}
          onConfirm={async () => {
            await session.getState().restoreBackup(offer.backupPath, offer.workspacePath);
            onRestored?.();
          }}
        >
          <p>{t('app.failure.restoreExplain', { path: offer.workspacePath })}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
