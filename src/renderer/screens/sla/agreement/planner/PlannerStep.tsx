import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useLocale } from '../../../../app-context';
import { useWorkspace } from '../../../../use-workspace';
import { ErrorNotice } from '../../../../components/ErrorNotice';
import { Spinner } from '../../../../components/Spinner';
import { agreement, useAgreement } from '../store';
import { useResource } from '../../../../analysis/use-resource';
import { initialForm, lookbackMonths, planSnapshot, plannerView, relocalize, todayIn, type PlannerForm } from './model';
import { PlanInputs } from './PlanInputs';
import { RatesTable } from './RatesTable';
import { ScenarioTable } from './ScenarioTable';
import { UseTargets } from './UseTargets';
import { useStageLabel } from '../labels';

/**
 * Step 1, the reverse funnel: revenue goal -> deals -> SQLs, SALs, MQLs and leads per week and
 * month, under the workspace's own rates, the benchmarks and custom rates, side by side.
 */
export function PlannerStep() {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useLocale();
  const workspace = useWorkspace();
  const period = useAgreement((s) => s.period)!;
  const form = useAgreement((s) => s.plannerForm);
  const lookback = form?.lookback ?? lookbackMonths(todayIn(workspace.timeZone), 12);
  const rates = useResource(`${lookback.from}|${lookback.to}|${workspace.counts.stageEvents}`, () =>
    api.documents.plannerRates({ from: lookback.from, to: lookback.to }),
  );
  const stageLabel = useStageLabel();

  // The first answer fills the form (history as custom rates, a baseline goal); later ones keep what people typed.
  useEffect(() => {
    if (rates.data && !form) agreement.setPlanner(initialForm(rates.data, period, lookback, locale), null);
  }, [rates.data, form, period, lookback, locale]);

  // The period is the agreement's (the document step may change it too); numbers follow the UI language.
  const current = useMemo(() => (form ? { ...relocalize(form, locale), period } : null), [form, period, locale]);
  const view = useMemo(
    () => (rates.data && current ? plannerView(rates.data, current, locale) : null),
    [rates.data, current, locale],
  );
  const plan = useMemo(
    () => (view?.chosen && rates.data ? planSnapshot(view, view.chosen, rates.data.currency) : null),
    [view, rates.data],
  );
  useEffect(() => {
    if (form && form.locale !== locale) agreement.setPlanner(relocalize(form, locale), plan);
  }, [form, locale, plan]);
  useEffect(() => agreement.setPlan(plan), [plan]);

  const change = (patch: Partial<PlannerForm>) => {
    if (!current) return;
    if (patch.period) agreement.setPeriod(patch.period);
    agreement.setPlanner({ ...current, ...patch }, plan);
  };

  if (rates.error && !rates.data) return <ErrorNotice error={rates.error} />;
  if (!rates.data || !current || !view) {
    return (
      <div className="agreement-loading" role="status">
        <Spinner /> {t('slaAgreement.planner.loading')}
      </div>
    );
  }
  return (
    <div className="agreement-stack">
      <PlanInputs rates={rates.data} form={current} view={view} onChange={change} loading={rates.loading} />
      {rates.error ? <ErrorNotice error={rates.error} /> : null}
      {/* Rates of the previous lookback, until the chosen one's arrive: shown, but marked and dimmed. */}
      <div className="agreement-stack busy-result" aria-busy={rates.stale} data-testid="planner-result">
        <RatesTable rates={rates.data} form={current} onChange={change} stageLabel={stageLabel} />
        <ScenarioTable rates={rates.data} form={current} view={view} onChange={change} stageLabel={stageLabel} />
        <UseTargets rates={rates.data} form={current} view={view} plan={plan} stageLabel={stageLabel} />
      </div>
    </div>
  );
}
