import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../../app-context';
import { useWorkspace } from '../../../../use-workspace';
import { Button } from '../../../../components/Button';
import { ErrorNotice } from '../../../../components/ErrorNotice';
import { FileDrop } from '../../../../components/FileDrop';
import { Spinner } from '../../../../components/Spinner';
import type { ApiErrorPayload } from '../../../../../shared/errors';
import { agreement, useAgreement } from '../store';
import { useResource } from '../../../../analysis/use-resource';
import { SignatureList, VerdictBanner } from '../verify/ReportView';
import { TermsSummary } from '../verify/TermsSummary';
import { SignForm } from './SignForm';
import { SignedVersions } from './SignedVersions';

/**
 * Step 4: sign the rendered document, or a file someone sent. Before signing, the file is
 * verified and its terms shown, so the second leader sees the first signature hold and what they
 * countersign. Each signature is appended; the earlier one stays valid.
 */
export function SignStep() {
  const { t } = useTranslation();
  const api = useApi();
  const workspace = useWorkspace();
  const file = useAgreement((s) => s.file);
  const rendered = useAgreement((s) => s.rendered);
  const [dropError, setDropError] = useState<ApiErrorPayload | null>(null);
  const [versions, setVersions] = useState(0);
  const report = useResource(file ? file.ref.id : null, () => api.documents.verify({ file: file!.ref.id }));
  const data = file && !report.loading && !report.error ? report.data : null;
  const zone = data?.terms?.timeZone ?? workspace.timeZone;

  return (
    <div className="agreement-stack">
      <div className="agreement-columns">
        <section className="card panel" aria-labelledby="sign-document-title">
          <div className="agreement-card-head">
            <h2 id="sign-document-title" className="agreement-title">
              {t('slaAgreement.sign.documentTitle')}
            </h2>
            <p className="agreement-lead">{t('slaAgreement.sign.documentIntro')}</p>
          </div>
          <FileDrop
            extensions={['pdf']}
            prompt={
              file ? t(`slaAgreement.sign.origin.${file.origin}`, { file: file.ref.name }) : t('slaAgreement.sign.drop')
            }
            chooseLabel={t('slaAgreement.sign.choose')}
            dialogTitle={t('slaAgreement.sign.choose')}
            compact
            onFile={(ref) => {
              setDropError(null);
              agreement.useFile({ ref, origin: 'opened' });
            }}
            onError={setDropError}
            testId="sign-drop"
          />
          {rendered && file?.ref.id !== rendered.file.id ? (
            <Button
              variant="ghost"
              size="sm"
              onClick={() => agreement.useFile({ ref: rendered.file, origin: 'rendered' })}
            >
              {t('slaAgreement.sign.useRendered', { id: rendered.documentId })}
            </Button>
          ) : null}
          {dropError ? <ErrorNotice error={dropError} /> : null}
          {file && report.loading ? (
            <div className="agreement-loading" role="status">
              <Spinner /> {t('slaAgreement.verify.checking')}
            </div>
          ) : null}
          {file && report.error && !report.loading ? <ErrorNotice error={report.error} /> : null}
          {data ? (
            <div className="sign-status" data-testid="sign-status">
              <VerdictBanner report={data} />
              <SignatureList report={data} timeZone={zone} compact />
              {data.terms ? <TermsSummary terms={data.terms} /> : null}
            </div>
          ) : null}
          {!file ? <p className="muted">{t('slaAgreement.sign.noFile')}</p> : null}
        </section>
        <section className="card panel" aria-labelledby="sign-form-title">
          <div className="agreement-card-head">
            <h2 id="sign-form-title" className="agreement-title">
              {t('slaAgreement.sign.formTitle')}
            </h2>
          </div>
          <SignForm report={data} onSigned={() => setVersions((v) => v + 1)} />
        </section>
      </div>
      <SignedVersions generation={versions} />
    </div>
  );
}
