import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileRef } from '../../../../shared/domain/types';
import type { ImportCounts, RowIssue, UnmappedValue } from '../../../../shared/imports/types';
import { useApp, useLocale, useTransport } from '../../../app-context';
import { Button } from '../../../components/Button';
import { Icon } from '../../../components/Icon';
import { formatDecimal, formatInteger } from '../../../format';
import { asAppError } from '../../../transport/envelope';
import { Pager } from '../Pager';
import { BreakableName } from '../../../components/BreakableName';

export type CountKey = keyof ImportCounts;

/** A row of figures from an import's counts, each with its label from `importScreen.counts.<mode>.<key>`. */
export function CountsGrid({
  counts,
  keys,
  mode,
}: {
  counts: ImportCounts;
  keys: readonly CountKey[];
  mode: 'check' | 'done';
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <dl className="facts import-counts">
      {keys.map((key) => (
        <div key={key} className={key === 'rowsRejected' && counts.rowsRejected > 0 ? 'fact fact-warning' : 'fact'}>
          <dt>{t(`importScreen.counts.${mode}.${key}`)}</dt>
          <dd data-count={key}>{formatInteger(locale, counts[key])}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The seconds a run took, shown with one decimal as durations are elsewhere. */
export function durationText(locale: string, ms: number): string {
  return formatDecimal(locale, ms / 1000, 1);
}

/** The report file as CSV, through the host's save dialog or the browser's download. */
export function DownloadReport({ file, label }: { file: FileRef; label?: string }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const model = useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon="download"
      busy={busy}
      onClick={() => {
        setBusy(true);
        transport
          .download(file)
          .catch((e: unknown) => model.ui.getState().notifyError(asAppError(e).toPayload()))
          .finally(() => setBusy(false));
      }}
    >
      {label ?? t('importScreen.report.download')}
    </Button>
  );
}

const PAGE_SIZE = 15;

/** Every problem kept with the run (row, column, value, what was expected), a page at a time. */
export function IssuesTable({
  issues,
  total,
  showFile,
}: {
  issues: readonly RowIssue[];
  total: number;
  showFile: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [page, setPage] = useState(0);
  if (issues.length === 0) return null;
  const shown = issues.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  return (
    <div className="issues-panel">
      <div className="table-scroll">
        <table className="table table-compact issues-table">
          <caption className="visually-hidden">{t('importScreen.report.caption')}</caption>
          <thead>
            <tr>
              {showFile ? <th scope="col">{t('imports.report.file')}</th> : null}
              <th scope="col" className="num">
                {t('imports.report.row')}
              </th>
              <th scope="col">{t('imports.report.column')}</th>
              <th scope="col">{t('imports.report.value')}</th>
              <th scope="col">{t('imports.report.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((i, k) => (
              <tr key={`${i.file}|${i.row}|${i.column}|${k}`}>
                {showFile ? (
                  <td className="break">
                    <BreakableName text={i.file} />
                  </td>
                ) : null}
                <td className="num">{formatInteger(locale, i.row)}</td>
                <td className="break">
                  <BreakableName text={i.column} />
                </td>
                <td className="issue-value" title={i.value}>
                  {i.value === '' ? <span className="muted">{t('importScreen.report.emptyValue')}</span> : i.value}
                </td>
                <td>
                  {t(`imports.issue.${i.code}`, {
                    ...i.params,
                    value: i.value,
                    column: i.column,
                    row: i.row,
                    file: i.file,
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={page} pageSize={PAGE_SIZE} total={issues.length} onPage={setPage} />
      {total > issues.length ? (
        <p className="muted">
          {t('importScreen.report.firstOnly', {
            shown: formatInteger(locale, issues.length),
            total: formatInteger(locale, total),
          })}
        </p>
      ) : null}
    </div>
  );
}

/** Values the run met that nobody mapped: stages (their rows are rejected) or reasons (kept as text). */
export function UnmappedNotice({
  values,
  kind,
  onMap,
}: {
  values: readonly UnmappedValue[];
  kind: 'stages' | 'reasons';
  onMap: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (values.length === 0) return null;
  const list = values
    .slice(0, 8)
    .map((v) => t('importScreen.unmapped.item', { value: v.value, count: v.count, n: formatInteger(locale, v.count) }))
    .join(', ');
  return (
    <div className={kind === 'stages' ? 'callout callout-warning' : 'callout callout-info'} role="status">
      <Icon name={kind === 'stages' ? 'alert' : 'info'} className="callout-icon" />
      <div className="callout-content">
        <p>
          {t(`importScreen.unmapped.${kind}`, { count: values.length, list })}
          {values.length > 8 ? ` ${t('importScreen.unmapped.more', { count: values.length - 8 })}` : ''}
        </p>
        <div className="callout-actions">
          <Button size="sm" onClick={onMap}>
            {t('importScreen.unmapped.map')}
          </Button>
        </div>
      </div>
    </div>
  );
}
