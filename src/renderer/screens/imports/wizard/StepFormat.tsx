import { useTranslation } from 'react-i18next';
import {
  DATE_ORDERS,
  DECIMAL_SEPARATORS,
  type DateOrderSetting,
  type DecimalSetting,
} from '../../../../shared/imports/mapping';
import type { FilePreview } from '../../../../shared/imports/types';
import { useLocale } from '../../../app-context';
import { Button } from '../../../components/Button';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { Icon } from '../../../components/Icon';
import { Spinner } from '../../../components/Spinner';
import { formatDate, formatInteger } from '../../../format';
import { ENCODINGS, dateDecisionText, decimalDecisionText, delimiterLabel, encodingLabel, quoteLabel } from '../labels';
import { FileSwitcher } from './FileSwitcher';
import { PreviewTable } from './PreviewTable';
import { DELIMITERS, previewCurrent, previewLoading, type ChosenFile, type Delimiter, type FileOptions } from './state';
import type { ImportWizard } from './use-import-wizard';
import { WizardFooter } from './WizardFooter';

function isDelimiter(value: string): value is Delimiter {
  return (DELIMITERS as readonly string[]).includes(value);
}

function isDateOrder(value: string): value is DateOrderSetting {
  return (DATE_ORDERS as readonly string[]).includes(value);
}

function isDecimal(value: string): value is DecimalSetting {
  return (DECIMAL_SEPARATORS as readonly string[]).includes(value);
}

/** Options without the keys left to detection, so the services detect them again. */
function withOption<K extends keyof FileOptions>(
  options: FileOptions,
  key: K,
  value: FileOptions[K] | '',
): FileOptions {
  const next: FileOptions = { ...options };
  if (value === '' || value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** What was found, in sentences: encoding and why, separators, rows, footers, dates and numbers. */
function Findings({ preview }: { preview: FilePreview }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const f = preview.format;
  const encoding = encodingLabel(t, f.encoding);
  const lines: string[] = [];
  if (f.kind === 'csv') {
    lines.push(
      f.encodingBasis === 'detected' && f.encodingConfidence !== null
        ? t('importScreen.format.encodingDetectedSure', {
            encoding,
            confidence: formatInteger(locale, f.encodingConfidence),
          })
        : t(`importScreen.format.encoding_${f.encodingBasis}`, { encoding }),
    );
    lines.push(
      t('importScreen.format.dialect', { delimiter: delimiterLabel(t, f.delimiter), quote: quoteLabel(t, f.quote) }),
    );
  } else {
    lines.push(t('importScreen.format.workbook', { sheet: f.sheet ?? '', count: f.sheets.length }));
  }
  lines.push(
    t('importScreen.format.rows', { count: preview.sampledRows, n: formatInteger(locale, preview.sampledRows) }),
  );
  if (preview.footerRows > 0) lines.push(t('importScreen.format.footer', { count: preview.footerRows }));
  for (const d of preview.dateDecisions) lines.push(dateDecisionText(t, d));
  for (const d of preview.decimalDecisions) lines.push(decimalDecisionText(t, d));
  if (preview.dateDecisions.length === 0) lines.push(t('importScreen.format.noDates'));
  return (
    <div className="findings">
      <h3 className="subheading">{t('importScreen.format.found')}</h3>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {preview.importedBefore.length > 0 ? (
        <div className="callout callout-warning" role="status">
          <Icon name="alert" className="callout-icon" />
          <p>
            {t('importScreen.files.importedBefore', {
              batch: preview.importedBefore[0]!.batchId,
              date: formatDate(locale, preview.importedBefore[0]!.createdAt),
            })}
          </p>
        </div>
      ) : null}
    </div>
  );
}

function FormatControls({
  wizard,
  file,
  index,
  preview,
}: {
  wizard: ImportWizard;
  file: ChosenFile;
  index: number;
  preview: FilePreview;
}) {
  const { t } = useTranslation();
  const fm = wizard.state.mapping?.files[index];
  const f = preview.format;
  const detectedEncoding = t('importScreen.format.asDetected', { value: encodingLabel(t, f.encoding) });
  return (
    <div className="format-grid">
      {f.kind === 'csv' ? (
        <>
          <Field label={t('importScreen.format.encoding')} hint={t('importScreen.format.encodingHint')}>
            <select
              className="select"
              value={file.options.encoding ?? ''}
              onChange={(e) =>
                wizard.setFileOptions(file.key, withOption(file.options, 'encoding', e.currentTarget.value))
              }
            >
              <option value="">
                {file.options.encoding ? t('importScreen.format.detectAgain') : detectedEncoding}
              </option>
              {ENCODINGS.map((enc) => (
                <option key={enc} value={enc}>
                  {encodingLabel(t, enc)}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label={t('importScreen.format.delimiter')}
            hint={t('importScreen.format.quoteIs', { quote: quoteLabel(t, f.quote) })}
          >
            <select
              className="select"
              value={file.options.delimiter ?? ''}
              onChange={(e) => {
                const v = e.currentTarget.value;
                wizard.setFileOptions(file.key, withOption(file.options, 'delimiter', isDelimiter(v) ? v : ''));
              }}
            >
              <option value="">
                {file.options.delimiter
                  ? t('importScreen.format.detectAgain')
                  : t('importScreen.format.asDetected', { value: delimiterLabel(t, f.delimiter) })}
              </option>
              {DELIMITERS.map((d) => (
                <option key={d} value={d}>
                  {delimiterLabel(t, d)}
                </option>
              ))}
            </select>
          </Field>
        </>
      ) : (
        <Field
          label={t('importScreen.format.sheet')}
          hint={t('importScreen.format.sheetHint', { count: f.sheets.length })}
        >
          <select
            className="select"
            value={file.options.sheet ?? f.sheet ?? ''}
            onChange={(e) => wizard.setFileOptions(file.key, withOption(file.options, 'sheet', e.currentTarget.value))}
          >
            {f.sheets.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </Field>
      )}
      {fm ? (
        <>
          <Field label={t('importScreen.format.dateOrder')} hint={t('importScreen.format.dateOrderHint')}>
            <select
              className="select"
              value={fm.dateOrder}
              onChange={(e) => {
                const v = e.currentTarget.value;
                if (isDateOrder(v)) wizard.editFileMapping(index, { ...fm, dateOrder: v });
              }}
            >
              {DATE_ORDERS.map((o) => (
                <option key={o} value={o}>
                  {t(`importScreen.format.dateOrderOption.${o}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('importScreen.format.decimal')} hint={t('importScreen.format.decimalHint')}>
            <select
              className="select"
              value={fm.decimalSeparator}
              onChange={(e) => {
                const v = e.currentTarget.value;
                if (isDecimal(v)) wizard.editFileMapping(index, { ...fm, decimalSeparator: v });
              }}
            >
              {DECIMAL_SEPARATORS.map((o) => (
                <option key={o} value={o}>
                  {t(`importScreen.format.decimalOption.${o === '.' ? 'point' : o === ',' ? 'comma' : 'auto'}`)}
                </option>
              ))}
            </select>
          </Field>
        </>
      ) : null}
    </div>
  );
}

/** Step 2: how each file is read (encoding, separators, sheet, dates, numbers), with its first rows to check by eye. */
export function StepFormat({ wizard }: { wizard: ImportWizard }) {
  const { t } = useTranslation();
  const { state } = wizard;
  const index = state.activeFile;
  const file = state.files[index];
  const preview = state.preview?.files.find((p) => p.fileId === file?.ref?.id);
  const loading = previewLoading(state);
  return (
    <section className="card panel wizard-step" aria-labelledby="import-step-format">
      <header className="panel-header">
        <h2 id="import-step-format">{t('importScreen.format.title')}</h2>
        <p className="muted">{t('importScreen.format.description')}</p>
      </header>
      <FileSwitcher files={state.files} active={index} onChange={wizard.showFile} />
      {file && preview ? (
        <>
          <FormatControls wizard={wizard} file={file} index={index} preview={preview} />
          <Findings preview={preview} />
          <div className="preview-heading">
            <h3 className="subheading">{t('importScreen.preview.title', { count: preview.rows.length })}</h3>
            {loading ? <Spinner label={t('importScreen.files.reading')} /> : null}
          </div>
          <PreviewTable
            headers={preview.headers}
            rows={preview.rows}
            caption={t('importScreen.preview.caption', { name: preview.name })}
          />
        </>
      ) : loading ? (
        <Spinner label={t('importScreen.files.reading')} />
      ) : null}
      {state.previewError && !state.previewRequest?.keepMapping ? <ErrorNotice error={state.previewError} /> : null}
      <WizardFooter
        back={
          <Button variant="ghost" onClick={() => wizard.goTo('files')}>
            {t('importScreen.back')}
          </Button>
        }
        note={loading ? t('importScreen.files.reading') : null}
        next={
          <Button variant="primary" disabled={!previewCurrent(state) || loading} onClick={() => wizard.goTo('mapping')}>
            {t('importScreen.format.next')}
          </Button>
        }
      />
    </section>
  );
}
