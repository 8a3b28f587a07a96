import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../../shared/domain/types';
import type { ImportMapping } from '../../../../shared/imports/mapping';
import { PRESET_IDS } from '../../../../shared/imports/presets';
import type { FilePreview, PresetInfo } from '../../../../shared/imports/types';
import { useApi, useApp, useLocale } from '../../../app-context';
import { Button } from '../../../components/Button';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { Icon } from '../../../components/Icon';
import type { ApiErrorPayload } from '../../../../shared/errors';
import { asAppError } from '../../../transport/envelope';
import { presetLabel, stageLabel } from '../labels';
import { idColumn, setIdColumn, type Layout, type MappingProblem } from './mapping-editor';
import type { ImportWizard } from './use-import-wizard';

/** The preset the mapping starts from: detected from the headers, a built-in one, or one saved here. */
export function PresetPicker({
  wizard,
  presets,
  detected,
}: {
  wizard: ImportWizard;
  presets: readonly PresetInfo[];
  detected: string | null;
}) {
  const { t } = useTranslation();
  const saved = presets.filter((p) => !p.builtIn);
  return (
    <Field
      label={t('importScreen.mapping.preset')}
      hint={
        detected
          ? t('importScreen.mapping.presetDetected', { preset: presetLabel(t, detected) })
          : t('importScreen.mapping.presetNone')
      }
    >
      <select
        className="select"
        value={wizard.state.preset ?? ''}
        onChange={(e) => wizard.choosePreset(e.currentTarget.value || null)}
      >
        <option value="">{t('importScreen.mapping.presetAuto')}</option>
        <optgroup label={t('importScreen.mapping.presetBuiltIn')}>
          {PRESET_IDS.map((id) => (
            <option key={id} value={id}>
              {presetLabel(t, id)}
            </option>
          ))}
        </optgroup>
        {saved.length > 0 ? (
          <optgroup label={t('importScreen.mapping.presetSaved')}>
            {saved.map((p) => (
              <option key={p.id} value={p.id}>
                {p.id}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
    </Field>
  );
}

/** Wide (a date column per stage) or long (a row per stage change), said in words rather than jargon. */
export function LayoutPicker({
  layout,
  onChange,
  name,
}: {
  layout: Layout;
  onChange: (layout: Layout) => void;
  name: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="field layout-picker">
      <legend className="field-label">{t('importScreen.mapping.layout')}</legend>
      {(['wide', 'long'] as const).map((l) => (
        <label key={l} className="radio layout-option">
          <input type="radio" name={name} checked={layout === l} onChange={() => onChange(l)} />
          <span>
            <span className="layout-title">{t(`importScreen.mapping.layout_${l}`)}</span>
            <span className="layout-hint">{t(`importScreen.mapping.layout_${l}Hint`)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** Several files describe the same leads: each file's id column is the key they are joined on. */
export function JoinPanel({ wizard, previews }: { wizard: ImportWizard; previews: readonly FilePreview[] }) {
  const { t } = useTranslation();
  const mapping = wizard.state.mapping;
  if (!mapping || previews.length < 2) return null;
  return (
    <section className="join-panel" aria-labelledby="import-join">
      <h3 id="import-join" className="subheading">
        {t('importScreen.join.title')}
      </h3>
      <p className="muted">{t('importScreen.join.description')}</p>
      <div className="join-grid">
        {previews.map((p, i) => {
          const fm = mapping.files[i];
          if (!fm) return null;
          const current = idColumn(fm, p.headers);
          return (
            <Field key={p.fileId} label={p.name}>
              <select
                className="select"
                aria-label={t('importScreen.join.columnOf', { name: p.name })}
                value={current < 0 ? '' : String(current)}
                onChange={(e) => {
                  const index = Number(e.currentTarget.value);
                  if (e.currentTarget.value !== '' && Number.isInteger(index))
                    wizard.editFileMapping(i, setIdColumn(fm, p.headers, index));
                }}
              >
                {current < 0 ? <option value="">{t('importScreen.join.choose')}</option> : null}
                {p.headers.map((h, k) => (
                  <option key={`${k}-${h}`} value={String(k)}>
                    {h}
                  </option>
                ))}
              </select>
            </Field>
          );
        })}
      </div>
    </section>
  );
}

export function problemText(
  t: (key: string, options?: Record<string, unknown>) => string,
  p: MappingProblem,
  stages: readonly Stage[],
  locale: Parameters<typeof stageLabel>[2],
): string {
  switch (p.code) {
    case 'noId':
      return t('importScreen.problems.noId');
    case 'missingColumns':
      return t('importScreen.problems.missingColumns', { columns: p.columns.join(', '), count: p.columns.length });
    case 'longIncomplete':
      return t(`importScreen.problems.longIncomplete_${p.missing}`);
    case 'statusDateWithoutStatus':
      return t('importScreen.problems.statusDateWithoutStatus', { column: p.column });
    case 'unknownStage':
      return t('importScreen.problems.unknownStage', { stage: stageLabel(stages, p.stage, locale) });
  }
}

/** What has to change before the files can be checked, with the one repair that needs no choice. */
export function ProblemList({
  problems,
  stages,
  onDropMissing,
}: {
  problems: readonly MappingProblem[];
  stages: readonly Stage[];
  onDropMissing: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (problems.length === 0) return null;
  return (
    <div className="callout callout-warning" role="alert">
      <Icon name="alert" className="callout-icon" />
      <div className="callout-content">
        <p>{t('importScreen.problems.title')}</p>
        <ul className="issues">
          {problems.map((p) => (
            <li key={JSON.stringify(p)}>{problemText(t, p, stages, locale)}</li>
          ))}
        </ul>
        {problems.some((p) => p.code === 'missingColumns') ? (
          <div className="callout-actions">
            <Button size="sm" onClick={onDropMissing}>
              {t('importScreen.problems.dropMissing')}
            </Button>
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** Keeps the mapping under a name for next month's export of the same kind. */
export function SavePreset({
  mapping,
  readOnly,
  onSaved,
}: {
  mapping: ImportMapping;
  readOnly: string | null;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const model = useApp();
  const [name, setName] = useState(mapping.name ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorPayload | null>(null);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const saved = await api.imports.savePreset({ name: name.trim(), mapping: { ...mapping, name: name.trim() } });
      model.ui.getState().notify('importScreen.savePreset.saved', { name: saved.id });
      onSaved();
    } catch (e) {
      setError(asAppError(e).toPayload());
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="save-preset"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Field label={t('importScreen.savePreset.name')} hint={readOnly ?? t('importScreen.savePreset.hint')}>
        <input
          className="input"
          value={name}
          maxLength={120}
          disabled={readOnly !== null}
          onChange={(e) => setName(e.currentTarget.value)}
        />
      </Field>
      <Button type="submit" icon="check" busy={busy} disabled={readOnly !== null || name.trim() === ''}>
        {t('importScreen.savePreset.save')}
      </Button>
      {error ? <ErrorNotice error={error} /> : null}
    </form>
  );
}
