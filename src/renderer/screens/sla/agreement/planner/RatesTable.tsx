import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../../app-context';
import { formatInteger, formatPercent } from '../../../../format';
import { dayRange } from '../labels';
import {
  benchmarkScenario,
  BENCHMARK_LEVELS,
  stepKey,
  type BenchmarkLevel,
} from '../../../../../shared/documents/scenarios';
import type { PlannerRates, PlannerStepRate } from '../../../../../shared/documents/types';
import { parsePercent, type PlannerForm } from './model';

interface Props {
  readonly rates: PlannerRates;
  readonly form: PlannerForm;
  readonly stageLabel: (key: string) => string;
  onChange(patch: Partial<PlannerForm>): void;
}

/** Where each step's benchmark cell sits: its own rate, a share of a merged MQL -> SQL cell, or nothing. */
function benchmarkCells(
  rates: PlannerRates,
  level: BenchmarkLevel,
): Map<string, { rate: number; from: string; to: string; rows: number; history: boolean } | 'merged'> {
  const cells = new Map<
    string,
    { rate: number; from: string; to: string; rows: number; history: boolean } | 'merged'
  >();
  const scenario = benchmarkScenario(rates, level);
  if (!scenario.steps) return cells;
  const keys = rates.stages.map((s) => s.key);
  for (const b of scenario.steps) {
    const first = keys.indexOf(b.from);
    const last = keys.indexOf(b.to);
    const covered = rates.steps.slice(first, last);
    const history = covered.length === 1 && rates.steps[first]?.rate === b.rate.value;
    cells.set(stepKey(covered[0]!), { rate: b.rate.value, from: b.from, to: b.to, rows: covered.length, history });
    for (const s of covered.slice(1)) cells.set(stepKey(s), 'merged');
  }
  return cells;
}

/** Each step's measured rate with its 95% interval, the benchmark, and the custom rate people set. */
export function RatesTable({ rates, form, stageLabel, onChange }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pct = (x: number) => formatPercent(locale, x, 1);
  const bench = benchmarkCells(rates, form.benchmark);

  const measured = (s: PlannerStepRate): ReactNode =>
    s.rate === null || s.rate === 0 ? (
      <span className="muted">
        {s.denominator === 0
          ? t('slaAgreement.rates.noCohort')
          : t('slaAgreement.rates.noneConverted', { count: s.denominator, n: formatInteger(locale, s.denominator) })}
      </span>
    ) : (
      <>
        <strong className="rate-value">{pct(s.rate)}</strong>
        <span className="rate-detail">
          {t('slaAgreement.rates.ofCohort', {
            numerator: formatInteger(locale, s.numerator),
            denominator: formatInteger(locale, s.denominator),
          })}
        </span>
        {s.small ? <span className="tag tag-warning">{t('slaAgreement.rates.small')}</span> : null}
        {s.open_share !== null && s.open_share >= 0.05 ? (
          <span className="rate-detail">{t('slaAgreement.rates.open', { share: pct(s.open_share) })}</span>
        ) : null}
      </>
    );

  return (
    <section className="card panel" aria-labelledby="planner-rates-title">
      <div className="agreement-card-head">
        <h2 id="planner-rates-title" className="agreement-title">
          {t('slaAgreement.rates.title')}
        </h2>
        <p className="agreement-lead">
          {t('slaAgreement.rates.intro', { period: dayRange(locale, rates.from, rates.to) })}
        </p>
      </div>
      <div className="table-scroll">
        <table className="table agreement-table" data-testid="planner-rates">
          <thead>
            <tr>
              <th scope="col">{t('slaAgreement.rates.step')}</th>
              <th scope="col">{t('slaAgreement.rates.current')}</th>
              <th scope="col">{t('slaAgreement.rates.interval')}</th>
              <th scope="col">
                <span className="th-with-control">
                  {t('slaAgreement.rates.benchmark')}
                  <select
                    className="select select-sm"
                    value={form.benchmark}
                    onChange={(e) =>
                      onChange({ benchmark: BENCHMARK_LEVELS.find((l) => l === e.target.value) ?? 'average' })
                    }
                    aria-label={t('slaAgreement.rates.benchmarkLevel')}
                  >
                    {BENCHMARK_LEVELS.map((l) => (
                      <option key={l} value={l}>
                        {t(`slaAgreement.rates.level.${l}`)}
                      </option>
                    ))}
                  </select>
                </span>
              </th>
              <th scope="col">{t('slaAgreement.rates.custom')}</th>
            </tr>
          </thead>
          <tbody>
            {rates.steps.map((s) => {
              const key = stepKey(s);
              const b = bench.get(key);
              const typed = form.custom[key] ?? '';
              const invalid = parsePercent(typed, locale) === null;
              return (
                <tr key={key} data-step={key}>
                  <th scope="row" className="step-name">
                    {stageLabel(s.from)} → {stageLabel(s.to)}
                  </th>
                  <td className="rate-cell">{measured(s)}</td>
                  <td className="num interval">
                    {s.ci_low !== null && s.ci_high !== null && s.rate ? `${pct(s.ci_low)} – ${pct(s.ci_high)}` : '—'}
                  </td>
                  {b === 'merged' ? null : (
                    <td rowSpan={b ? b.rows : 1} className={b && b.rows > 1 ? 'merged-cell' : undefined}>
                      {b ? (
                        <>
                          <strong className="rate-value">{pct(b.rate)}</strong>
                          <span className="rate-detail">
                            {b.history
                              ? t('slaAgreement.rates.benchmarkHistory')
                              : b.rows > 1
                                ? t('slaAgreement.rates.benchmarkMerged', {
                                    from: stageLabel(b.from),
                                    to: stageLabel(b.to),
                                  })
                                : t(`slaAgreement.rates.benchmarkLine.${b.to === 'sql' ? 'qualification' : 'close'}`)}
                          </span>
                        </>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  )}
                  <td>
                    <span className="percent-input">
                      <input
                        className="input num-input"
                        inputMode="decimal"
                        value={typed}
                        aria-invalid={invalid}
                        aria-label={t('slaAgreement.rates.customFor', {
                          from: stageLabel(s.from),
                          to: stageLabel(s.to),
                        })}
                        onChange={(e) => onChange({ custom: { ...form.custom, [key]: e.target.value } })}
                      />
                      <span aria-hidden="true">%</span>
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="note">{t('slaAgreement.rates.note')}</p>
    </section>
  );
}
