import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../../shared/imports/types';
import { useApp, useLocale } from '../../../app-context';
import { Button } from '../../../components/Button';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Icon } from '../../../components/Icon';
import { Spinner } from '../../../components/Spinner';
import { formatInteger } from '../../../format';
import { JobProgressView } from './JobProgressView';
import { CountsGrid, DownloadReport, IssuesTable, durationText } from './ResultParts';
import { jobRunning } from './state';
import { ReadingList } from './StepCheck';
import type { ImportWizard } from './use-import-wizard';
import { WizardFooter } from './WizardFooter';
import { WorkspaceFlow } from './WorkspaceFlow';

function Applied({
  wizard,
  result,
  onShowHistory,
}: {
  wizard: ImportWizard;
  result: ImportResult;
  onShowHistory: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const model = useApp();
  const c = result.counts;
  return (
    <>
      <p className="check-summary success-text" role="status">
        <Icon name="check" />
        {t('importScreen.done.applied', {
          batch: result.batchId ?? 0,
          seconds: durationText(locale, result.durationMs),
        })}
      </p>
      <CountsGrid
        counts={c}
        mode="done"
        keys={[
          'rowsRead',
          'leadsInserted',
          'leadsUpdated',
          'leadsUnchanged',
          'stageEventsAdded',
          'stageEventsExisting',
          'rowsRejected',
        ]}
      />
      {c.issues > 0 ? (
        <section className="report-section" aria-labelledby="import-done-issues">
          <div className="report-heading">
            <h3 id="import-done-issues" className="subheading">
              {t('importScreen.done.keptReport', { count: c.rowsRejected, n: formatInteger(locale, c.rowsRejected) })}
            </h3>
            {result.reportFile ? <DownloadReport file={result.reportFile} /> : null}
          </div>
          <IssuesTable issues={result.issues} total={c.issues} showFile={wizard.state.files.length > 1} />
        </section>
      ) : null}
      {/* The job's end arrives before the workspace info is read again: the flow read with the old
          counts would be wasted (seconds on a large workspace) and show pre-import figures. */}
      {wizard.state.job?.workspaceRefreshed ? <WorkspaceFlow /> : <Spinner label={t('common.loading')} />}
      <WizardFooter
        back={
          <Button variant="ghost" onClick={onShowHistory}>
            {t('importScreen.done.history')}
          </Button>
        }
        next={
          <>
            <Button onClick={wizard.reset}>{t('importScreen.done.more')}</Button>
            <Button variant="primary" icon="funnel" onClick={() => model.navigation.getState().navigate('funnel')}>
              {t('importScreen.done.toFunnel')}
            </Button>
          </>
        }
      />
    </>
  );
}

/** An import started without a check met invalid rows: nothing was written, and here is why. */
function Rejected({ wizard, result }: { wizard: ImportWizard; result: ImportResult }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const c = result.counts;
  return (
    <>
      <div className="callout callout-warning" role="status">
        <Icon name="alert" className="callout-icon" />
        <p>
          {t('importScreen.done.rejected', { rejected: formatInteger(locale, c.rowsRejected), count: c.rowsRejected })}
        </p>
      </div>
      <ReadingList result={result} />
      <div className="report-heading">
        <h3 className="subheading">
          {t('importScreen.report.title', { count: c.issues, n: formatInteger(locale, c.issues) })}
        </h3>
        {result.reportFile ? <DownloadReport file={result.reportFile} /> : null}
      </div>
      <IssuesTable issues={result.issues} total={c.issues} showFile={wizard.state.files.length > 1} />
      <WizardFooter
        back={
          <Button variant="ghost" onClick={() => wizard.goTo('mapping')}>
            {t('importScreen.check.backToMapping')}
          </Button>
        }
        next={
          <Button variant="primary" onClick={wizard.fixFileFirst}>
            {t('importScreen.check.startOver')}
          </Button>
        }
      />
    </>
  );
}

/** Step 5: the import as a job with progress and Cancel, then what it did. */
export function StepImport({ wizard, onShowHistory }: { wizard: ImportWizard; onShowHistory: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const job = wizard.state.job;
  const result = job?.state === 'done' ? job.result : null;
  return (
    <section className="card panel wizard-step" aria-labelledby="import-step-import">
      <header className="panel-header">
        <h2 id="import-step-import">{t('importScreen.done.title')}</h2>
        <p className="muted">{t('importScreen.done.description')}</p>
      </header>
      {job && jobRunning(wizard.state) ? <JobProgressView job={job} onCancel={wizard.cancel} /> : null}
      {job?.state === 'cancelled' ? (
        <>
          <div className="callout callout-info" role="status">
            <Icon name="info" className="callout-icon" />
            <p className="import-cancelled" data-rows={job.progress?.rows ?? 0}>
              {job.progress && job.progress.rows > 0
                ? `${t('importScreen.done.cancelledAfter', {
                    rows: formatInteger(locale, job.progress.rows),
                    percent: formatInteger(locale, Math.floor(job.progress.percent)),
                  })} `
                : ''}
              {t('importScreen.done.cancelled')}
            </p>
          </div>
          <WizardFooter
            back={
              <Button variant="ghost" onClick={() => wizard.goTo('mapping')}>
                {t('importScreen.check.backToMapping')}
              </Button>
            }
            next={<Button onClick={wizard.reset}>{t('importScreen.done.startOver')}</Button>}
          />
        </>
      ) : null}
      {job?.state === 'failed' && job.error ? (
        <>
          <ErrorNotice error={job.error} />
          <WizardFooter
            back={
              <Button variant="ghost" onClick={() => wizard.goTo('mapping')}>
                {t('importScreen.check.backToMapping')}
              </Button>
            }
          />
        </>
      ) : null}
      {result?.status === 'applied' ? <Applied wizard={wizard} result={result} onShowHistory={onShowHistory} /> : null}
      {result?.status === 'rejected' ? <Rejected wizard={wizard} result={result} /> : null}
    </section>
  );
}
