import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../../shared/imports/types';
import { useLocale } from '../../../app-context';
import { Button } from '../../../components/Button';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Icon } from '../../../components/Icon';
import { formatInteger } from '../../../format';
import { dateDecisionText, decimalDecisionText } from '../labels';
import { JobProgressView } from './JobProgressView';
import { CountsGrid, DownloadReport, IssuesTable, UnmappedNotice } from './ResultParts';
import { jobRunning } from './state';
import type { ImportWizard } from './use-import-wizard';
import { WizardFooter } from './WizardFooter';

/** How dates and numbers were read across the whole files, as the import will read them. */
export function ReadingList({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const lines = [
    ...result.dateDecisions.map((d) => `${d.file}: ${dateDecisionText(t, d)}`),
    ...result.decimalDecisions.map((d) => `${d.file}: ${decimalDecisionText(t, d)}`),
  ];
  if (lines.length === 0) return null;
  return (
    <div className="findings">
      <h3 className="subheading">{t('importScreen.check.reading')}</h3>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

function CheckReport({
  wizard,
  result,
  readOnly,
}: {
  wizard: ImportWizard;
  result: ImportResult;
  readOnly: string | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const c = result.counts;
  const hasIssues = c.rowsRejected > 0 || c.issues > 0;
  const nothingValid = c.rowsImported === 0;
  const fixFirst = wizard.state.onInvalid === 'reject' || nothingValid;
  const n = (v: number) => formatInteger(locale, v);
  return (
    <>
      <p className={hasIssues ? 'check-summary warning-text' : 'check-summary success-text'}>
        <Icon name={hasIssues ? 'alert' : 'check'} />
        {hasIssues
          ? t('importScreen.check.withIssues', {
              rejected: n(c.rowsRejected),
              rows: n(c.rowsRead),
              count: c.rowsRejected,
            })
          : t('importScreen.check.clean', { rows: n(c.rowsRead), count: c.rowsRead })}
      </p>
      <CountsGrid
        counts={c}
        mode="check"
        keys={['rowsRead', 'leadsInserted', 'leadsUpdated', 'stageEventsAdded', 'rowsRejected']}
      />
      <UnmappedNotice values={result.unmappedStages} kind="stages" onMap={() => wizard.goTo('mapping')} />
      <UnmappedNotice values={result.unknownReasons} kind="reasons" onMap={() => wizard.goTo('mapping')} />
      <ReadingList result={result} />
      {hasIssues ? (
        <section className="report-section" aria-labelledby="import-check-issues">
          <div className="report-heading">
            <h3 id="import-check-issues" className="subheading">
              {t('importScreen.report.title', { count: c.issues, n: n(c.issues) })}
            </h3>
            {result.reportFile ? <DownloadReport file={result.reportFile} /> : null}
          </div>
          <IssuesTable issues={result.issues} total={c.issues} showFile={wizard.state.files.length > 1} />
          <fieldset className="choice">
            <legend className="field-label">{t('importScreen.check.choice')}</legend>
            <label className={nothingValid ? 'radio choice-option disabled' : 'radio choice-option'}>
              <input
                type="radio"
                name="on-invalid"
                disabled={nothingValid}
                checked={!fixFirst}
                onChange={() => wizard.setOnInvalid('skipInvalid')}
              />
              <span>
                {t('importScreen.check.skipInvalid', {
                  valid: n(c.rowsImported),
                  rejected: n(c.rowsRejected),
                  count: c.rowsImported,
                })}
              </span>
            </label>
            <label className="radio choice-option">
              <input type="radio" name="on-invalid" checked={fixFirst} onChange={() => wizard.setOnInvalid('reject')} />
              <span>{t('importScreen.check.reject')}</span>
            </label>
          </fieldset>
        </section>
      ) : null}
      <WizardFooter
        back={
          <Button variant="ghost" onClick={() => wizard.goTo('mapping')}>
            {t('importScreen.check.backToMapping')}
          </Button>
        }
        note={readOnly}
        next={
          hasIssues && fixFirst ? (
            <Button variant="primary" onClick={wizard.fixFileFirst}>
              {t('importScreen.check.startOver')}
            </Button>
          ) : (
            <Button
              variant="primary"
              icon="imports"
              disabled={readOnly !== null}
              onClick={() => wizard.start('import', hasIssues ? 'skipInvalid' : 'reject')}
            >
              {hasIssues
                ? t('importScreen.check.importValid', { count: c.rowsImported, n: n(c.rowsImported) })
                : t('importScreen.check.importAll', { count: c.rowsImported, n: n(c.rowsImported) })}
            </Button>
          )
        }
      />
    </>
  );
}

/** Step 4: the whole import run and rolled back: what it would change and every problem, row by row. */
export function StepCheck({ wizard, readOnly }: { wizard: ImportWizard; readOnly: string | null }) {
  const { t } = useTranslation();
  const job = wizard.state.job;
  return (
    <section className="card panel wizard-step" aria-labelledby="import-step-check">
      <header className="panel-header">
        <h2 id="import-step-check">{t('importScreen.check.title')}</h2>
        <p className="muted">{t('importScreen.check.description')}</p>
      </header>
      {job && jobRunning(wizard.state) ? <JobProgressView job={job} onCancel={wizard.cancel} /> : null}
      {job?.state === 'cancelled' ? (
        <div className="callout callout-info" role="status">
          <Icon name="info" className="callout-icon" />
          <p>{t('importScreen.check.cancelled')}</p>
        </div>
      ) : null}
      {job?.state === 'failed' && job.error ? <ErrorNotice error={job.error} /> : null}
      {job?.state === 'done' && job.result ? (
        <CheckReport wizard={wizard} result={job.result} readOnly={readOnly} />
      ) : null}
      {job?.state === 'cancelled' || job?.state === 'failed' ? (
        <WizardFooter
          back={
            <Button variant="ghost" onClick={() => wizard.goTo('mapping')}>
              {t('importScreen.check.backToMapping')}
            </Button>
          }
          next={
            <Button variant="primary" disabled={readOnly !== null} onClick={() => wizard.start('check')}>
              {t('importScreen.check.again')}
            </Button>
          }
        />
      ) : null}
    </section>
  );
}
