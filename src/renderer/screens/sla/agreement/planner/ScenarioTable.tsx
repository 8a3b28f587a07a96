import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../../app-context';
import { formatInteger } from '../../../../format';
import type { PlannerRates } from '../../../../../shared/documents/types';
import { needOf, weeklyRange, type PlannerForm, type PlannerView, type ScenarioColumn } from './model';

interface Props {
  readonly rates: PlannerRates;
  readonly form: PlannerForm;
  readonly view: PlannerView;
  readonly stageLabel: (key: string) => string;
  onChange(patch: Partial<PlannerForm>): void;
}

/** Why a scenario has no plan: the inputs above, or a step without a usable rate. */
function Unavailable({
  column,
  view,
  stageLabel,
}: {
  column: ScenarioColumn;
  view: PlannerView;
  stageLabel: (key: string) => string;
}) {
  const { t } = useTranslation();
  if (view.errors.length > 0) return <span className="muted">{t('slaAgreement.scenarios.needInputs')}</span>;
  const steps = column.missing.map((k) => k.split('>').map(stageLabel).join(' → ')).join(', ');
  return <span className="muted">{t(`slaAgreement.scenarios.missing.${column.id}`, { steps })}</span>;
}

/** The three scenarios side by side: entries needed per week, per month and over the whole period, stage by stage. */
export function ScenarioTable({ rates, form, view, stageLabel, onChange }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const n = (x: number) => formatInteger(locale, x);
  const won = view.stages.at(-1);
  const handoff = rates.sla.handoffStage;
  const cls = (c: ScenarioColumn, extra = '') =>
    [extra, c.id === form.chosen ? 'chosen' : ''].filter(Boolean).join(' ') || undefined;
  return (
    <section className="card panel" aria-labelledby="planner-scenarios-title">
      <div className="agreement-card-head">
        <h2 id="planner-scenarios-title" className="agreement-title">
          {t('slaAgreement.scenarios.title')}
        </h2>
        <p className="agreement-lead">{t('slaAgreement.scenarios.intro')}</p>
      </div>
      <div className="table-scroll">
        <table className="table agreement-table scenario-table" data-testid="planner-scenarios">
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t('slaAgreement.scenarios.stage')}
              </th>
              {view.columns.map((c) => (
                <th key={c.id} scope="colgroup" colSpan={3} className={cls(c, 'scenario-head')}>
                  <label className="radio scenario-choice">
                    <input
                      type="radio"
                      name="planner-scenario"
                      value={c.id}
                      checked={form.chosen === c.id}
                      onChange={() => onChange({ chosen: c.id })}
                    />
                    <span>{t(`slaAgreement.scenarios.name.${c.id}`)}</span>
                  </label>
                </th>
              ))}
            </tr>
            <tr>
              {view.columns.map((c) => (
                <Fragment key={c.id}>
                  <th scope="col" className={cls(c, 'num')}>
                    {t('slaAgreement.scenarios.perWeek')}
                  </th>
                  <th scope="col" className={cls(c, 'num')}>
                    {t('slaAgreement.scenarios.perMonth')}
                  </th>
                  <th scope="col" className={cls(c, 'num')}>
                    {t('slaAgreement.scenarios.total')}
                  </th>
                </Fragment>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.stages.map((stage, row) => (
              <tr key={stage} className={stage === handoff ? 'handoff-row' : undefined} data-stage={stage}>
                <th scope="row">
                  {stage === won ? t('slaAgreement.scenarios.deals', { stage: stageLabel(stage) }) : stageLabel(stage)}
                  {stage === handoff ? <span className="tag">{t('slaAgreement.scenarios.slaTarget')}</span> : null}
                </th>
                {view.columns.map((c) => {
                  if (!c.plan) {
                    return row === 0 ? (
                      <td key={c.id} colSpan={3} rowSpan={view.stages.length} className={cls(c, 'unavailable')}>
                        <Unavailable column={c} view={view} stageLabel={stageLabel} />
                      </td>
                    ) : null;
                  }
                  const need = needOf(c.plan, stage);
                  if (!need) {
                    return (
                      <td
                        key={c.id}
                        colSpan={3}
                        className={cls(c, 'not-split muted')}
                        title={t('slaAgreement.scenarios.notSplit')}
                      >
                        {t('slaAgreement.scenarios.notSplitShort')}
                      </td>
                    );
                  }
                  const range = weeklyRange(need, c.plan.weeks);
                  return (
                    <Fragment key={c.id}>
                      <td className={cls(c, 'num')}>
                        <strong>{n(need.perWeek)}</strong>
                        {range && range.fewest !== range.most ? (
                          <span className="rate-detail">
                            {t('slaAgreement.scenarios.range', { fewest: n(range.fewest), most: n(range.most) })}
                          </span>
                        ) : null}
                      </td>
                      <td className={cls(c, 'num')}>{n(need.perMonth)}</td>
                      <td className={cls(c, 'num')}>{n(need.total)}</td>
                    </Fragment>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="note">{t('slaAgreement.scenarios.rounding')}</p>
    </section>
  );
}
