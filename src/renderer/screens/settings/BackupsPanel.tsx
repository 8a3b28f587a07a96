import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backup } from '../../../shared/domain/types';
import type { ApiErrorPayload } from '../../../shared/errors';
import { useApi, useApp, useLocale } from '../../app-context';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FileJobProgress } from '../../components/FileJobProgress';
import { Spinner } from '../../components/Spinner';
import { formatBytes, formatDateTime } from '../../format';
import { asAppError } from '../../transport/envelope';
import { useWorkspace } from '../../use-workspace';

/** The open workspace's backups, newest first, each restorable after a confirmation. */
export function BackupsPanel() {
  const { t } = useTranslation();
  const locale = useLocale();
  const api = useApi();
  const model = useApp();
  const workspace = useWorkspace();
  const [backups, setBackups] = useState<Backup[] | null>(null);
  const [error, setError] = useState<ApiErrorPayload | null>(null);
  const [restoring, setRestoring] = useState<Backup | null>(null);

  const load = useCallback(async () => {
    try {
      setBackups(await api.workspace.listBackups({}));
      setError(null);
    } catch (e) {
      setError(asAppError(e).toPayload());
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load, workspace.path]);

  return (
    <section className="card panel panel-wide">
      <header className="panel-header">
        <h2>{t('backups.title')}</h2>
        <p className="muted">{t('backups.description', { folder: `${workspace.path}.backups` })}</p>
      </header>
      {error ? <ErrorNotice error={error} /> : null}
      {backups === null && !error ? <Spinner label={t('common.loading')} /> : null}
      {backups !== null && backups.length === 0 ? <p className="muted">{t('backups.empty')}</p> : null}
      {backups !== null && backups.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('backups.when')}</th>
              <th scope="col">{t('backups.reasonLabel')}</th>
              <th scope="col" className="num">
                {t('backups.size')}
              </th>
              <th scope="col" className="num">
                {t('backups.schema')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('backups.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.path}>
                <td title={b.fileName}>{formatDateTime(locale, b.createdAt)}</td>
                <td>{t(`backups.reason.${b.reason}`)}</td>
                <td className="num">{formatBytes(locale, b.sizeBytes)}</td>
                <td className="num">{b.schemaVersion ?? t('common.unknown')}</td>
                <td className="row-actions">
                  <Button
                    size="sm"
                    icon="restore"
                    disabled={workspace.readOnly}
                    title={workspace.readOnly ? t('backups.readOnly') : undefined}
                    onClick={() => setRestoring(b)}
                  >
                    {t('backups.restore')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {restoring ? (
        <ConfirmDialog
          title={t('backups.confirmTitle')}
          confirmLabel={t('backups.restore')}
          danger
          onClose={() => setRestoring(null)}
          progress={<FileJobProgress kind="workspace.restore" />}
          onConfirm={async () => {
            await model.session.getState().restoreBackup(restoring.path);
            model.ui.getState().notify('backups.restored', { date: formatDateTime(locale, restoring.createdAt) });
            await load();
          }}
        >
          <p>{t('backups.confirmText', { date: formatDateTime(locale, restoring.createdAt), name: workspace.name })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
