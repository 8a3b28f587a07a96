import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadExport, LeadExportInput } from '../../../shared/leads/types';
import { useApi, useLocale, useScreenCommand, useTransport, useUi } from '../../app-context';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Menu, MenuItem } from '../../components/Menu';
import { formatInteger } from '../../format';
import { asAppError } from '../../transport/envelope';
import { useJob } from '../../analysis/use-job';

/**
 * Exports the list as shown (same filters, order and columns) to CSV or XLSX as a job with
 * progress and cancel; the file comes back as a FileRef and is handed to the user.
 */
export function ExportButton({ input, disabled }: { input: Omit<LeadExportInput, 'format'>; disabled: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const api = useApi();
  const transport = useTransport();
  const notify = useUi((s) => s.notify);
  const notifyError = useUi((s) => s.notifyError);
  const job = useJob<LeadExport>();
  const running = job.status?.state === 'running';

  const run = useCallback(
    async (format: 'csv' | 'xlsx') => {
      const done = await job.start(() => api.leads.export({ ...input, format, locale }));
      if (done?.state === 'done' && done.result) {
        try {
          await transport.download(done.result.file);
          notify('leads.export.done', { rows: formatInteger(locale, done.result.rows), file: done.result.file.name });
        } catch (e) {
          notifyError(asAppError(e).toPayload());
        }
      } else if (done?.state === 'cancelled') notify('leads.export.cancelled');
    },
    [api, input, job, locale, notify, notifyError, transport],
  );
  // File > Export on this screen exports the list as CSV.
  useScreenCommand(
    'export',
    useCallback(() => void run('csv'), [run]),
  );

  const progress = job.status?.progress;
  return (
    <div className="export-control">
      {running && progress ? (
        <div className="export-progress" role="status">
          <progress max={progress.total ?? undefined} value={progress.done} />
          <span className="muted small">
            {t('leads.export.progress', {
              done: formatInteger(locale, progress.done),
              total: progress.total === null ? '…' : formatInteger(locale, progress.total),
            })}
          </span>
          <Button size="sm" variant="ghost" onClick={job.cancel}>
            {t('common.cancel')}
          </Button>
        </div>
      ) : (
        <Menu
          label={t('leads.export.label')}
          triggerClassName="btn btn-primary btn-md"
          trigger={<>{t('leads.export.label')}</>}
        >
          {(close) => (
            <>
              <MenuItem
                icon="download"
                hint={t('leads.export.csvHint')}
                disabled={disabled}
                onSelect={() => {
                  close();
                  void run('csv');
                }}
              >
                {t('leads.export.csv')}
              </MenuItem>
              <MenuItem
                icon="download"
                hint={t('leads.export.xlsxHint')}
                disabled={disabled}
                onSelect={() => {
                  close();
                  void run('xlsx');
                }}
              >
                {t('leads.export.xlsx')}
              </MenuItem>
            </>
          )}
        </Menu>
      )}
      {job.error ? <ErrorNotice error={job.error} /> : null}
      {job.status?.state === 'failed' && job.status.error ? <ErrorNotice error={job.status.error} /> : null}
    </div>
  );
}
