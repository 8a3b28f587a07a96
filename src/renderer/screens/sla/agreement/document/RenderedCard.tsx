import { useTranslation } from 'react-i18next';
import { useLocale, useTransport } from '../../../../app-context';
import { Button } from '../../../../components/Button';
import { ErrorNotice } from '../../../../components/ErrorNotice';
import { Icon } from '../../../../components/Icon';
import { formatInteger, formatLanguageName } from '../../../../format';
import type { RenderedDocument } from '../../../../../shared/documents/types';
import { agreement } from '../store';
import { useAction } from '../use-async';

/** The PDF just rendered: which document it is, and what to do with it next. */
export function RenderedCard({ rendered }: { rendered: RenderedDocument }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const transport = useTransport();
  const download = useAction();
  return (
    <div className="callout callout-success agreement-rendered" role="status" data-testid="document-rendered">
      <Icon name="check" className="callout-icon" />
      <div className="callout-content">
        <p>
          {t('slaAgreement.document.rendered', {
            id: rendered.documentId,
            count: rendered.pages,
            pages: formatInteger(locale, rendered.pages),
            language: formatLanguageName(locale, rendered.terms.locale),
          })}
        </p>
        <p className="mono-line" title={rendered.fileSha256}>
          SHA-256 {rendered.fileSha256.slice(0, 16)}…
        </p>
        <div className="callout-actions">
          <Button
            icon="download"
            onClick={() => void download.run(() => transport.download(rendered.file))}
            busy={download.busy}
            data-testid="document-download"
          >
            {t('slaAgreement.document.download')}
          </Button>
          <Button variant="primary" icon="lock" onClick={() => agreement.go('sign')}>
            {t('slaAgreement.document.toSign')}
          </Button>
        </div>
        {download.error ? <ErrorNotice error={download.error} /> : null}
      </div>
    </div>
  );
}
