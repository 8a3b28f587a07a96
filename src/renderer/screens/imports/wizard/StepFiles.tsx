import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../../shared/i18n';
import type { FilePreview } from '../../../../shared/imports/types';
import { useLocale } from '../../../app-context';
import { Button } from '../../../components/Button';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Icon } from '../../../components/Icon';
import { ProgressBar } from '../../../components/ProgressBar';
import { Spinner } from '../../../components/Spinner';
import { formatBytes, formatDate, formatInteger } from '../../../format';
import { delimiterLabel, encodingLabel, presetLabel } from '../labels';
import { filesReady, isUploading, previewCurrent, previewLoading, uploadShare, type ChosenFile } from './state';
import type { ImportWizard } from './use-import-wizard';
import { WizardFooter } from './WizardFooter';

/** What the services found in a file, in one line: kind, encoding, delimiter or sheet, and the export it looks like. */
function Detected({ preview }: { preview: FilePreview }) {
  const { t } = useTranslation();
  const f = preview.format;
  const parts = [
    f.kind === 'xlsx' ? t('importScreen.files.kindXlsx', { sheet: f.sheet ?? '' }) : t('importScreen.files.kindCsv'),
    ...(f.kind === 'csv' ? [encodingLabel(t, f.encoding), delimiterLabel(t, f.delimiter)] : []),
    preview.preset
      ? t('importScreen.files.looksLike', { preset: presetLabel(t, preview.preset) })
      : t('importScreen.files.noPreset'),
  ];
  return <span className="file-detected">{parts.join(' · ')}</span>;
}

function FileRow({
  file,
  preview,
  onRemove,
  removable,
}: {
  file: ChosenFile;
  preview: FilePreview | undefined;
  onRemove: () => void;
  removable: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const sending = file.ref === null && file.error === null;
  return (
    <li className={file.error ? 'file-row file-row-failed' : 'file-row'}>
      <Icon name={file.error ? 'alert' : file.ref ? 'check' : 'imports'} className="file-row-icon" />
      <div className="file-row-text">
        <span className="file-row-name break">{file.name}</span>
        <span className="file-row-meta">
          {formatBytes(locale, file.sizeBytes)}
          {preview ? (
            <>
              {' · '}
              <Detected preview={preview} />
            </>
          ) : null}
        </span>
        {sending ? (
          <span className="file-row-progress">
            <ProgressBar
              share={file.sizeBytes > 0 ? file.sentBytes / file.sizeBytes : 0}
              label={t('importScreen.files.sending', { name: file.name })}
            />
            <span className="muted">
              {t('importScreen.files.sent', {
                sent: formatBytes(locale, file.sentBytes),
                total: formatBytes(locale, file.sizeBytes),
              })}
            </span>
          </span>
        ) : null}
        {file.error ? <span className="file-row-error">{errorMessage(t, file.error)}</span> : null}
        {preview && preview.importedBefore.length > 0 ? (
          <span className="file-row-warning">
            {t('importScreen.files.importedBefore', {
              batch: preview.importedBefore[0]!.batchId,
              date: formatDate(locale, preview.importedBefore[0]!.createdAt),
            })}
          </span>
        ) : null}
      </div>
      <button
        type="button"
        className="icon-button"
        onClick={onRemove}
        disabled={!removable}
        aria-label={t('importScreen.files.remove', { name: file.name })}
        title={t('importScreen.files.remove', { name: file.name })}
      >
        <Icon name="x" />
      </button>
    </li>
  );
}

/** Step 1: drop or choose one or more exports; each is sent to the services with its progress, then read. */
export function StepFiles({ wizard, onChoose }: { wizard: ImportWizard; onChoose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { state } = wizard;
  const previews = new Map((state.preview?.files ?? []).map((p) => [p.fileId, p]));
  const uploading = isUploading(state);
  const loading = previewLoading(state);
  const ready = previewCurrent(state);
  const note =
    state.files.length === 0
      ? t('importScreen.files.noneYet')
      : uploading
        ? t('importScreen.files.waitUpload')
        : loading
          ? t('importScreen.files.reading')
          : null;
  return (
    <section className="card panel wizard-step" aria-labelledby="import-step-files">
      <header className="panel-header">
        <h2 id="import-step-files">{t('importScreen.files.title')}</h2>
        <p className="muted">{t('importScreen.files.description')}</p>
      </header>
      <div className="dropzone">
        <Icon name="imports" size={28} className="dropzone-icon" />
        <div className="dropzone-text">
          <p className="dropzone-title">{t('importScreen.files.drop')}</p>
          <p className="muted">{t('importScreen.files.formats')}</p>
        </div>
        <Button variant={state.files.length === 0 ? 'primary' : 'secondary'} icon="folderOpen" onClick={onChoose}>
          {t('importScreen.files.choose')}
        </Button>
      </div>
      {state.keptMapping ? (
        <div className="callout callout-info" role="status">
          <Icon name="info" className="callout-icon" />
          <p>{t('importScreen.files.keptMapping')}</p>
        </div>
      ) : null}
      {state.files.length > 0 ? (
        <>
          {uploading && state.files.length > 1 ? (
            <div className="upload-total">
              <span className="muted">
                {t('importScreen.files.sendingAll', {
                  percent: formatInteger(locale, Math.round(uploadShare(state) * 100)),
                })}
              </span>
              <ProgressBar share={uploadShare(state)} label={t('importScreen.files.sendingAllLabel')} />
            </div>
          ) : null}
          <ul className="file-list" aria-label={t('importScreen.files.listLabel')}>
            {state.files.map((f) => (
              <FileRow
                key={f.key}
                file={f}
                preview={f.ref ? previews.get(f.ref.id) : undefined}
                removable={!uploading || f.error !== null}
                onRemove={() => wizard.removeFile(f.key)}
              />
            ))}
          </ul>
          {state.files.length > 1 ? <p className="muted">{t('importScreen.files.joinHint')}</p> : null}
        </>
      ) : null}
      {loading ? <Spinner label={t('importScreen.files.reading')} /> : null}
      {state.previewError && !state.previewRequest?.keepMapping ? <ErrorNotice error={state.previewError} /> : null}
      <WizardFooter
        back={
          state.files.length > 0 ? (
            <Button variant="ghost" onClick={wizard.reset} disabled={uploading}>
              {t('importScreen.files.clear')}
            </Button>
          ) : null
        }
        note={note}
        next={
          <Button variant="primary" disabled={!ready || !filesReady(state)} onClick={() => wizard.goTo('format')}>
            {t('importScreen.files.next')}
          </Button>
        }
      />
    </section>
  );
}
