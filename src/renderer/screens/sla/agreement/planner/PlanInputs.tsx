import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../../app-context';
import { Button } from '../../../../components/Button';
import { Spinner } from '../../../../components/Spinner';
import { formatDecimal, formatInteger, formatMoney } from '../../../../format';
import type { PlannerRates } from '../../../../../shared/documents/types';
import { useWorkspace } from '../../../../use-workspace';
import { PeriodFields } from '../PeriodFields';
import { lookbackMonths, todayIn, type PlannerForm, type PlannerView } from './model';

interface Props {
  readonly rates: PlannerRates;
  readonly form: PlannerForm;
  readonly view: PlannerView;
  readonly loading: boolean;
  onChange(patch: Partial<PlannerForm>): void;
}

/** The goal, the deal size, the plan period and the history the rates come from. */
export function PlanInputs({ rates, form, view, loading, onChange }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (n: number) => formatMoney(locale, n, rates.currency);
  const avg = rates.averageDealSize;
  const today = todayIn(useWorkspace().timeZone);
  return (
    <section className="card panel" aria-labelledby="planner-goal-title">
      <div className="agreement-card-head">
        <h2 id="planner-goal-title" className="agreement-title">
          {t('slaAgreement.planner.goalTitle')}
        </h2>
        <p className="agreement-lead">{t('slaAgreement.planner.goalIntro')}</p>
      </div>
      <div className="agreement-grid agreement-goal-grid">
        <div className="field">
          <label className="field-control">
            <span className="field-label">{t('slaAgreement.planner.revenueGoal', { currency: rates.currency })}</span>
            <input
              className="input num-input"
              inputMode="decimal"
              value={form.goal}
              onChange={(e) => onChange({ goal: e.target.value })}
              aria-invalid={view.errors.includes('goal')}
              data-testid="planner-goal"
            />
          </label>
          <span className={view.errors.includes('goal') ? 'field-error' : 'field-hint'}>
            {view.goal !== null && view.goal > 0 ? money(view.goal) : t('slaAgreement.planner.amountNeeded')}
          </span>
        </div>
        <div className="field">
          <label className="field-control">
            <span className="field-label">{t('slaAgreement.planner.dealSize', { currency: rates.currency })}</span>
            <input
              className="input num-input"
              inputMode="decimal"
              value={form.dealSize}
              onChange={(e) => onChange({ dealSize: e.target.value })}
              aria-invalid={view.errors.includes('dealSize')}
              data-testid="planner-deal-size"
            />
          </label>
          <span className={view.errors.includes('dealSize') ? 'field-error' : 'field-hint'}>
            {avg
              ? t('slaAgreement.planner.dealSizeHistory', {
                  amount: money(avg.amount),
                  count: avg.deals,
                  deals: formatInteger(locale, avg.deals),
                  currency: rates.currency,
                })
              : t('slaAgreement.planner.dealSizeNoHistory')}
            {avg && form.dealSize !== formatInteger(locale, Math.round(avg.amount)) ? (
              <Button
                variant="ghost"
                size="sm"
                className="inline-action"
                onClick={() => onChange({ dealSize: formatInteger(locale, Math.round(avg.amount)) })}
              >
                {t('slaAgreement.planner.useHistory')}
              </Button>
            ) : null}
          </span>
        </div>
        <div className="field">
          <PeriodFields
            legend={t('slaAgreement.planner.period')}
            value={form.period}
            onChange={(period) => onChange({ period })}
            testId="planner-period"
          />
          <span className={view.errors.includes('period') ? 'field-error' : 'field-hint'}>
            {view.days !== null
              ? t('slaAgreement.planner.periodLength', {
                  count: view.days,
                  days: formatInteger(locale, view.days),
                  weeks: formatDecimal(locale, view.days / 7, 1),
                })
              : t('slaAgreement.planner.periodInvalid')}
          </span>
        </div>
        <div className="field">
          <PeriodFields
            legend={t('slaAgreement.planner.lookback')}
            value={form.lookback}
            onChange={(lookback) => onChange({ lookback })}
            testId="planner-lookback"
          />
          <span className="field-hint agreement-presets">
            {[3, 6, 12].map((months) => (
              <Button
                key={months}
                variant="ghost"
                size="sm"
                onClick={() => onChange({ lookback: lookbackMonths(today, months) })}
              >
                {t('slaAgreement.planner.lastMonths', { count: months })}
              </Button>
            ))}
            {loading ? <Spinner /> : null}
          </span>
        </div>
      </div>
      <p className="agreement-deals" data-testid="planner-deals">
        {view.dealsExact !== null && view.deals !== null && view.goal !== null && view.dealSize !== null ? (
          <>
            {t('slaAgreement.planner.dealsLine', {
              goal: money(view.goal),
              dealSize: money(view.dealSize),
              exact: formatDecimal(locale, view.dealsExact, 2),
            })}{' '}
            <strong>
              {t('slaAgreement.planner.dealsRounded', { count: view.deals, deals: formatInteger(locale, view.deals) })}
            </strong>{' '}
            <span className="muted">{t('slaAgreement.planner.roundingNote')}</span>
          </>
        ) : (
          t('slaAgreement.planner.dealsMissing')
        )}
      </p>
    </section>
  );
}
