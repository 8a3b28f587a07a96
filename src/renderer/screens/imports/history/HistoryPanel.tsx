import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorFromPayload, type ApiErrorPayload } from '../../../../shared/errors';
import type { Locale } from '../../../../shared/domain/types';
import type { TFunction } from '../../../../shared/i18n';
import type { BatchSummary } from '../../../../shared/imports/types';
import { useApi, useApp, useLocale, useTransport } from '../../../app-context';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Spinner } from '../../../components/Spinner';
import { formatDateTime, formatInteger } from '../../../format';
import { asAppError } from '../../../transport/envelope';
import { followJob, isUndoResult } from '../jobs';
import { presetLabel } from '../labels';
import { Pager } from '../Pager';
import { BreakableName } from '../../../components/BreakableName';

const PAGE_SIZE = 20;

/** What undoing a batch changes, in one sentence that names only what there is ("its 5 new leads and…"). */
function undoChanges(t: TFunction, locale: Locale, batch: BatchSummary): string {
  const c = batch.counts;
  const parts = [
    ['leads', c?.leadsInserted ?? 0],
    ['events', c?.stageEventsAdded ?? 0],
    ['updated', c?.leadsUpdated ?? 0],
  ] as const;
  const said = parts
    .filter(([, n]) => n > 0)
    .map(([key, n]) => t(`importScreen.history.undoPart.${key}`, { count: n, n: formatInteger(locale, n) }));
  if (said.length === 0) return t('importScreen.history.undoNothing');
  return t('importScreen.history.undoChanges', {
    changes: new Intl.ListFormat(locale, { type: 'conjunction' }).format(said),
  });
}
/** The most the history method returns at once; a workspace with more shows the newest ones. */
const LOADED = 500;

function ReportButton({ batch }: { batch: BatchSummary }) {
  const { t } = useTranslation();
  const api = useApi();
  const transport = useTransport();
  const model = useApp();
  const locale = useLocale();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      size="sm"
      variant="ghost"
      icon="download"
      busy={busy}
      onClick={() => {
        setBusy(true);
        api.imports
          .report({ batchId: batch.id, locale })
          .then((ref) => transport.download(ref))
          .catch((e: unknown) => model.ui.getState().notifyError(asAppError(e).toPayload()))
          .finally(() => setBusy(false));
      }}
    >
      {t('importScreen.history.report', { count: batch.issueCount, n: formatInteger(locale, batch.issueCount) })}
    </Button>
  );
}

function BatchRow({ batch, readOnly, onUndo }: { batch: BatchSummary; readOnly: string | null; onUndo: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const c = batch.counts;
  const n = (v: number | undefined) => (v === undefined ? '—' : formatInteger(locale, v));
  const undone = batch.status === 'undone';
  const blocked = !undone && batch.undoBlockedBy !== null;
  return (
    <tr className={undone ? 'batch-row undone' : 'batch-row'} data-batch={batch.id}>
      <td className="num">#{batch.id}</td>
      {/* The file names wrap at their separators; when and by whom, then the file's hash and preset,
          stack under them, so the row fits the 1,024 px minimum window in every language. */}
      <td className="batch-files">
        <span className="break batch-name" title={batch.fileName}>
          <BreakableName text={batch.fileName} />
        </span>
        <span className="batch-meta batch-when">
          <span className="batch-date">{formatDateTime(locale, batch.createdAt)}</span>
          {' · '}
          {batch.createdBy || t('importScreen.history.someone')}
        </span>
        <span className="batch-meta">
          <span className="mono" title={batch.fileHash}>
            {batch.fileHash.slice(0, 12)}
          </span>
          {batch.preset ? ` · ${presetLabel(t, batch.preset)}` : null}
        </span>
      </td>
      <td className="num">{n(c?.rowsRead)}</td>
      <td className="num">
        {n(c?.leadsInserted)}
        <span className="batch-meta">{t('importScreen.history.updated', { n: n(c?.leadsUpdated) })}</span>
      </td>
      <td className="num">{n(c?.stageEventsAdded)}</td>
      <td className="num">{n(c?.rowsRejected)}</td>
      {/* The status, then what can be done with the batch, in one column at the row's end. */}
      <td className="batch-status">
        {undone ? (
          <span className="status status-undone">
            {t('importScreen.history.undone')}
            {batch.undoneAt !== null ? (
              <span className="batch-meta batch-date">{formatDateTime(locale, batch.undoneAt)}</span>
            ) : null}
          </span>
        ) : (
          <span className="status status-applied">{t('importScreen.history.applied')}</span>
        )}
        <div className="batch-actions">
          {batch.issueCount > 0 ? <ReportButton batch={batch} /> : null}
          {!undone ? (
            <Button
              size="sm"
              icon="restore"
              disabled={readOnly !== null || blocked}
              title={readOnly ?? undefined}
              onClick={onUndo}
            >
              {t('importScreen.history.undo')}
            </Button>
          ) : null}
        </div>
        {blocked ? (
          <p className="batch-blocked">{t('importScreen.history.blocked', { blocker: batch.undoBlockedBy ?? 0 })}</p>
        ) : null}
      </td>
    </tr>
  );
}

/** Every import batch, newest first, with its counts and an undo that says why it cannot when it cannot. */
export function HistoryPanel({ readOnly, version }: { readOnly: string | null; version: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const model = useApp();
  const locale = useLocale();
  const [page, setPage] = useState(0);
  const [rows, setRows] = useState<readonly BatchSummary[] | null>(null);
  const [error, setError] = useState<ApiErrorPayload | null>(null);
  const [undoing, setUndoing] = useState<BatchSummary | null>(null);

  const load = useCallback(async () => {
    try {
      setRows(await api.imports.history({ limit: LOADED, offset: 0 }));
      setError(null);
    } catch (e) {
      setError(asAppError(e).toPayload());
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load, version]);

  const undo = async (batch: BatchSummary) => {
    const controller = new AbortController();
    const first = await api.imports.undo({ batchId: batch.id });
    const last = await followJob(api, first, isUndoResult, () => undefined, controller.signal);
    if (last.state === 'failed' && last.error) throw errorFromPayload(last.error);
    if (last.state === 'done' && last.result) {
      model.ui.getState().notify('importScreen.history.undoneNotice', {
        batch: batch.id,
        deleted: formatInteger(locale, last.result.leadsDeleted),
        restored: formatInteger(locale, last.result.leadsRestored),
      });
    }
    await model.session.getState().refreshWorkspace();
    await load();
  };

  const shown = rows?.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE) ?? [];
  return (
    <section className="card panel" aria-labelledby="import-history">
      <header className="panel-header">
        <h2 id="import-history">{t('importScreen.history.title')}</h2>
        <p className="muted">{t('importScreen.history.description')}</p>
      </header>
      {error ? <ErrorNotice error={error} /> : null}
      {rows === null && !error ? <Spinner label={t('common.loading')} /> : null}
      {rows !== null && rows.length === 0 ? <p className="muted">{t('importScreen.history.empty')}</p> : null}
      {shown.length > 0 ? (
        <div className="table-scroll history-scroll">
          <table className="table table-compact history-table">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('importScreen.history.batch')}
                </th>
                <th scope="col">{t('importScreen.history.files')}</th>
                <th scope="col" className="num">
                  {t('importScreen.history.rowsRead')}
                </th>
                <th scope="col" className="num">
                  {t('importScreen.history.leadsInserted')}
                </th>
                <th scope="col" className="num">
                  {t('importScreen.history.stageEvents')}
                </th>
                <th scope="col" className="num">
                  {t('importScreen.history.rejected')}
                </th>
                <th scope="col" className="batch-status">
                  {t('importScreen.history.status')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((b) => (
                <BatchRow key={b.id} batch={b} readOnly={readOnly} onUndo={() => setUndoing(b)} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {rows !== null && rows.length > PAGE_SIZE ? (
        <Pager page={page} pageSize={PAGE_SIZE} total={rows.length} onPage={setPage} />
      ) : null}
      {readOnly ? <p className="muted">{t('importScreen.history.readOnly', { reason: readOnly })}</p> : null}
      {undoing ? (
        <ConfirmDialog
          title={t('importScreen.history.confirmTitle', { batch: undoing.id })}
          confirmLabel={t('importScreen.history.undo')}
          danger
          onClose={() => setUndoing(null)}
          onConfirm={() => undo(undoing)}
        >
          <p>
            {t('importScreen.history.confirmText', {
              file: undoing.fileName,
              date: formatDateTime(locale, undoing.createdAt),
            })}
          </p>
          <p>{undoChanges(t, locale, undoing)}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
