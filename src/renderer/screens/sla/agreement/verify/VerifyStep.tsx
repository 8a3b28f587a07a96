import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../../app-context';
import { useWorkspace } from '../../../../use-workspace';
import { Button } from '../../../../components/Button';
import { DocumentSheet } from '../../../../components/DocumentSheet';
import { ErrorNotice } from '../../../../components/ErrorNotice';
import { FileDrop } from '../../../../components/FileDrop';
import { Spinner } from '../../../../components/Spinner';
import { createI18n } from '../../../../../shared/i18n';
import { renderSlaSheet } from '../../../../../shared/documents/template';
import type { TermsDocument } from '../../../../../shared/documents/terms';
import type { ApiErrorPayload } from '../../../../../shared/errors';
import { agreement, useAgreement } from '../store';
import { useResource } from '../../../../analysis/use-resource';
import { FileFacts, SignatureList, VerdictBanner } from './ReportView';
import { TermsSummary, WorkspaceMatch } from './TermsSummary';

/** The signed agreement itself, drawn from the terms embedded in the file (not from this workspace). */
function SignedDocument({ terms }: { terms: TermsDocument }) {
  const { t } = useTranslation();
  const sheet = useMemo(() => renderSlaSheet(terms, createI18n(terms.locale).t), [terms]);
  return (
    <div className="agreement-paper agreement-paper-inline">
      <DocumentSheet
        css={sheet.css}
        body={sheet.body}
        lang={sheet.lang}
        label={t('slaAgreement.verify.signedDocument')}
      />
    </div>
  );
}

/**
 * Step 5: any PDF, from anywhere. Every signature checked from the bytes, the terms read from the
 * signed part of the file, and compared with the definitions in force in this workspace.
 */
export function VerifyStep() {
  const { t } = useTranslation();
  const api = useApi();
  const workspace = useWorkspace();
  const current = useAgreement((s) => s.file);
  const file = useAgreement((s) => s.verifying);
  const setFile = agreement.verify;
  const [dropError, setDropError] = useState<ApiErrorPayload | null>(null);
  const [showDocument, setShowDocument] = useState(false);
  const report = useResource(file ? file.id : null, () => api.documents.verify({ file: file!.id }));
  const data = file && report.data?.fileName === file.name ? report.data : null;
  const zone = data?.terms?.timeZone ?? workspace.timeZone;

  return (
    <div className="agreement-stack">
      <section className="card panel" aria-labelledby="verify-title">
        <div className="agreement-card-head">
          <h2 id="verify-title" className="agreement-title">
            {t('slaAgreement.verify.title')}
          </h2>
          <p className="agreement-lead">{t('slaAgreement.verify.intro')}</p>
        </div>
        <FileDrop
          extensions={['pdf']}
          prompt={file ? file.name : t('slaAgreement.verify.drop')}
          chooseLabel={t('slaAgreement.verify.choose')}
          dialogTitle={t('slaAgreement.verify.choose')}
          onFile={(ref) => {
            setDropError(null);
            setShowDocument(false);
            setFile(ref);
          }}
          onError={setDropError}
          testId="verify-drop"
        />
        {current && current.ref.id !== file?.id ? (
          <div>
            <Button variant="ghost" size="sm" onClick={() => setFile(current.ref)}>
              {t('slaAgreement.verify.useCurrent', { file: current.ref.name })}
            </Button>
          </div>
        ) : null}
        {dropError ? <ErrorNotice error={dropError} /> : null}
      </section>
      {file && report.loading ? (
        <div className="agreement-loading" role="status">
          <Spinner /> {t('slaAgreement.verify.checking')}
        </div>
      ) : null}
      {file && report.error && !report.loading ? <ErrorNotice error={report.error} /> : null}
      {data && !report.loading && !report.error ? (
        <section className="card panel" aria-label={t('slaAgreement.verify.resultLabel')} data-testid="verify-report">
          <VerdictBanner report={data} />
          <SignatureList report={data} timeZone={zone} />
          <FileFacts report={data} />
          {data.terms ? (
            <>
              <h3 className="agreement-subtitle">{t('slaAgreement.verify.termsTitle')}</h3>
              {!data.ok && data.signatures.length > 0 ? (
                <p className="field-error">{t('slaAgreement.verify.termsUnverified')}</p>
              ) : null}
              <TermsSummary terms={data.terms} />
              {data.workspaceMatch ? <WorkspaceMatch match={data.workspaceMatch} /> : null}
              <div>
                <Button icon="review" onClick={() => setShowDocument((v) => !v)} aria-expanded={showDocument}>
                  {showDocument ? t('slaAgreement.verify.hideDocument') : t('slaAgreement.verify.showDocument')}
                </Button>
              </div>
              {showDocument ? <SignedDocument terms={data.terms} /> : null}
            </>
          ) : (
            <p className="muted">{t('slaAgreement.verify.noTerms')}</p>
          )}
        </section>
      ) : null}
    </div>
  );
}
