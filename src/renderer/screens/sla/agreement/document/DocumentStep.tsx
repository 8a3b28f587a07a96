import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../../app-context';
import { useWorkspace } from '../../../../use-workspace';
import { Button } from '../../../../components/Button';
import { DocumentSheet } from '../../../../components/DocumentSheet';
import { ErrorNotice } from '../../../../components/ErrorNotice';
import { Spinner } from '../../../../components/Spinner';
import { agreement, useAgreement } from '../store';
import { useAction } from '../use-async';
import { useResource } from '../../../../analysis/use-resource';
import { composeInput } from './compose-input';
import { DocumentForm } from './DocumentForm';
import { RenderedCard } from './RenderedCard';

/**
 * Step 2: the agreement as it will be printed, composed by the service from the definitions in
 * force and what people set here, previewed live in the document's language, and rendered to PDF.
 */
export function DocumentStep() {
  const { t } = useTranslation();
  const api = useApi();
  const workspace = useWorkspace();
  const period = useAgreement((s) => s.period)!;
  const plan = useAgreement((s) => s.plan);
  const edits = useAgreement((s) => s.edits);
  const rendered = useAgreement((s) => s.rendered);
  const input = useMemo(() => composeInput(edits, period, plan), [edits, period, plan]);
  const key = JSON.stringify(input);
  const preview = useResource(key, () => api.documents.preview(input), 350);
  const render = useAction();

  const doRender = () =>
    void render.run(async () => {
      agreement.rendered(await api.documents.render(input));
    });

  return (
    <div className="agreement-document">
      <div className="card panel agreement-document-form">
        <div className="agreement-card-head">
          <h2 className="agreement-title">{t('slaAgreement.document.formTitle')}</h2>
          <p className="agreement-lead">{t('slaAgreement.document.formIntro')}</p>
        </div>
        <DocumentForm
          edits={edits}
          terms={preview.data?.terms ?? null}
          period={period}
          hasPlan={plan !== null}
          onEdit={agreement.edit}
          onPeriod={agreement.setPeriod}
        />
      </div>
      <div className="agreement-document-preview">
        <div className="agreement-toolbar">
          <span className="agreement-toolbar-title">
            {t('slaAgreement.document.previewTitle')}
            {preview.loading ? <Spinner /> : null}
          </span>
          <Button
            variant="primary"
            icon="download"
            onClick={doRender}
            busy={render.busy}
            disabled={workspace.readOnly || preview.error !== null || !preview.data}
            data-testid="document-render"
          >
            {t('slaAgreement.document.render')}
          </Button>
        </div>
        {workspace.readOnly ? <p className="field-hint">{t('slaAgreement.common.readOnly')}</p> : null}
        {render.error ? <ErrorNotice error={render.error} /> : null}
        {rendered ? <RenderedCard rendered={rendered} /> : null}
        {preview.error ? <ErrorNotice error={preview.error} /> : null}
        {/* The preview of the previous edits stays in place until the new one is composed, marked and dimmed. */}
        <div className="agreement-paper busy-result" aria-busy={preview.stale} data-testid="document-preview">
          {preview.data ? (
            <DocumentSheet
              css={preview.data.sheet.css}
              body={preview.data.sheet.body}
              lang={preview.data.sheet.lang}
              label={t('slaAgreement.document.previewLabel')}
            />
          ) : (
            <div className="agreement-loading" role="status">
              <Spinner /> {t('slaAgreement.document.composing')}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
