import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../../shared/domain/types';
import { localized } from '../../../../shared/i18n';
import type { FileMapping } from '../../../../shared/imports/mapping';
import type { ReasonRef } from '../../../../shared/imports/reasons';
import { useLocale } from '../../../app-context';
import { formatInteger } from '../../../format';
import { explicitReason, explicitStage, setReasonValue, setStageValue } from './mapping-editor';
import type { ReasonRow, StageRow } from './value-rows';

/** "No stage event": the value is known but means no stage (a select cannot hold null). */
const NO_STAGE = '__none__';
const NOT_MAPPED = '';

/**
 * CRM stage values found in the file and the workspace stage each becomes. Values nobody mapped are
 * listed first and marked: their rows would be rejected, so they are never silently dropped.
 */
export function StageValuesTable({
  rows,
  fm,
  stages,
  onChange,
}: {
  rows: readonly StageRow[];
  fm: FileMapping;
  stages: readonly Stage[];
  onChange: (fm: FileMapping) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (rows.length === 0) return null;
  const unmapped = rows.filter((r) => r.stage === undefined).length;
  return (
    <section className="value-section" aria-labelledby="import-stage-values">
      <header className="value-header">
        <h3 id="import-stage-values" className="subheading">
          {t('importScreen.stageValues.title')}
        </h3>
        <p className={unmapped > 0 ? 'value-status warning-text' : 'value-status muted'}>
          {unmapped > 0
            ? t('importScreen.stageValues.unmapped', { count: unmapped })
            : t('importScreen.stageValues.allMapped')}
        </p>
      </header>
      <div className="table-scroll">
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">{t('importScreen.stageValues.value')}</th>
              <th scope="col">{t('importScreen.stageValues.column')}</th>
              <th scope="col" className="num">
                {t('importScreen.stageValues.rows')}
              </th>
              <th scope="col">{t('importScreen.stageValues.stage')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const value = r.stage === undefined ? NOT_MAPPED : r.stage === null ? NO_STAGE : r.stage;
              return (
                <tr key={`${r.column}|${r.value}`} className={r.stage === undefined ? 'row-warning' : undefined}>
                  <th scope="row" className="break">
                    {r.value}
                  </th>
                  <td className="muted break">{r.column}</td>
                  <td className="num">{r.count === null ? '—' : formatInteger(locale, r.count)}</td>
                  <td>
                    <select
                      className="select"
                      aria-label={t('importScreen.stageValues.mapLabel', { value: r.value })}
                      value={value}
                      onChange={(e) => {
                        const v = e.currentTarget.value;
                        onChange(setStageValue(fm, r.value, v === NOT_MAPPED ? undefined : v === NO_STAGE ? null : v));
                      }}
                    >
                      {value === NOT_MAPPED || explicitStage(fm, r.value) === undefined ? (
                        <option value={NOT_MAPPED} disabled={value !== NOT_MAPPED}>
                          {t('importScreen.stageValues.notMapped')}
                        </option>
                      ) : null}
                      {stages.map((s) => (
                        <option key={s.key} value={s.key}>
                          {localized(s.labels, locale)}
                        </option>
                      ))}
                      <option value={NO_STAGE}>{t('importScreen.stageValues.noStage')}</option>
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Free-text reasons found in the file and the taxonomy code each gets; the text itself is always kept. */
export function ReasonValuesTable({
  rows,
  fm,
  reasons,
  onChange,
}: {
  rows: readonly ReasonRow[];
  fm: FileMapping;
  reasons: readonly ReasonRef[];
  onChange: (fm: FileMapping) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (rows.length === 0) return null;
  const withoutCode = rows.filter((r) => r.code === null).length;
  return (
    <section className="value-section" aria-labelledby="import-reason-values">
      <header className="value-header">
        <h3 id="import-reason-values" className="subheading">
          {t('importScreen.reasonValues.title')}
        </h3>
        <p className="value-status muted">
          {reasons.length === 0
            ? t('importScreen.reasonValues.noTaxonomy')
            : withoutCode > 0
              ? t('importScreen.reasonValues.withoutCode', { count: withoutCode })
              : t('importScreen.reasonValues.allCoded')}
        </p>
      </header>
      <div className="table-scroll">
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">{t('importScreen.reasonValues.text')}</th>
              <th scope="col">{t('importScreen.stageValues.column')}</th>
              <th scope="col" className="num">
                {t('importScreen.stageValues.rows')}
              </th>
              <th scope="col">{t('importScreen.reasonValues.code')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.column}|${r.value}`}>
                <th scope="row" className="break">
                  {r.value}
                </th>
                <td className="muted break">{r.column}</td>
                <td className="num">{r.count === null ? '—' : formatInteger(locale, r.count)}</td>
                <td>
                  <select
                    className="select"
                    aria-label={t('importScreen.reasonValues.mapLabel', { value: r.value })}
                    value={explicitReason(fm, r.value) ?? r.code ?? ''}
                    disabled={reasons.length === 0}
                    onChange={(e) => onChange(setReasonValue(fm, r.value, e.currentTarget.value || null))}
                  >
                    <option value="">{t('importScreen.reasonValues.textOnly')}</option>
                    {reasons.map((reason) => (
                      <option key={`${reason.kind}|${reason.code}`} value={reason.code}>
                        {t('importScreen.reasonValues.option', {
                          label: reason.labels[locale] ?? reason.labels.en ?? reason.code,
                          code: reason.code,
                          kind: t(`importScreen.reasonKind.${reason.kind}`, { defaultValue: reason.kind }),
                        })}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
