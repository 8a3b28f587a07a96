import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report, WinLossBreakdownField } from '../../../shared/metrics/types';
import { NO_REASON } from '../../../shared/metrics/types';
import { compare as compareProportions } from '../../../shared/metrics/stats';
import { useLocale } from '../../app-context';
import { ChartView } from '../../charts/ChartView';
import { paretoSpec, stackedReasonsSpec } from '../../charts/figure-specs';
import { useChartText } from '../../analysis/chart-text';
import { ComparisonChip } from '../../analysis/ComparisonChip';
import type { DrillRequest } from '../../analysis/drill';
import { FigureCard } from '../../analysis/FigureCard';
import { pct, reasonLabel, stageLabel, valueLabel, type ReasonName } from '../../analysis/figures';
import { CountTile, RateTile } from '../../analysis/RateTile';
import type { CompareMode } from '../../analysis/scope';
import { Segmented } from '../../analysis/Segmented';
import { formatInteger } from '../../format';
import { paretoRows, reasonChanges, reasonColors, reasonMatrix } from './reasons';

export interface WinLossViewProps {
  readonly report: Report;
  readonly compare: CompareMode;
  readonly onDrill: (request: DrillRequest) => void;
  /** The reason taxonomy with labels (leads.reasons), to show codes by name. */
  readonly reasons: readonly ReasonName[];
}

type Outcome = 'won' | 'lost';
type ByField = 'segment' | 'source' | 'owner';

/**
 * Win/loss reasons among leads closed in the period: Pareto of reasons, by segment and by the stage
 * where deals were lost, change against the comparison period, and the share closed without a reason.
 */
export function WinLossView({ report, compare, onDrill, reasons }: WinLossViewProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = useChartText(report.stages);
  const other = compare === 'previous' ? report.previous : report.year_ago;
  const [by, setBy] = useState<ByField>('segment');
  const [byOutcome, setByOutcome] = useState<Outcome>('lost');
  const lost = paretoRows(report.winloss, 'lost');
  const won = paretoRows(report.winloss, 'won');
  const colors = { lost: reasonColors(lost.map((r) => r.reason)), won: reasonColors(won.map((r) => r.reason)) };
  const label = (outcome: Outcome, code: string) => reasonLabel(t, reasons, outcome, code, locale);
  const total = (outcome: Outcome) => (outcome === 'lost' ? lost : won).reduce((n, r) => n + r.count, 0);
  /** The closings behind a reason, or behind one cell of a breakdown (`by`, shown as `shown`). */
  const drill = (
    outcome: Outcome,
    reason?: string,
    by?: { field: WinLossBreakdownField; value: string | null; shown: string },
  ): DrillRequest => ({
    figure: {
      type: 'winloss',
      outcome,
      ...(reason !== undefined ? { reason } : {}),
      ...(by ? { by: { field: by.field, value: by.value } } : {}),
    },
    title:
      reason === undefined
        ? t(`winloss.drillAll.${outcome}`)
        : by
          ? t('winloss.drillReasonBy', { reason: label(outcome, reason), value: by.shown })
          : t('winloss.drillReason', { reason: label(outcome, reason) }),
    explanation: t('analysis.explain.winloss'),
  });
  const pareto = (outcome: Outcome) => {
    const rows = outcome === 'lost' ? lost : won;
    return paretoSpec(
      rows.map((r) => ({
        label: label(outcome, r.reason),
        count: r.count,
        color: colors[outcome].get(r.reason) ?? '#888',
      })),
      total(outcome),
      text,
    );
  };
  const lostSpec = pareto('lost');
  const wonSpec = pareto('won');
  const byRows = report.winloss_by[by];
  const byReasons = paretoRows(report.winloss, byOutcome).map((r) => r.reason);
  const matrix = reasonMatrix(byRows, byOutcome, byReasons);
  const bySpec = stackedReasonsSpec(
    matrix.values.map((v) => valueLabel(t, v)),
    byReasons.map((reason, i) => ({
      label: label(byOutcome, reason),
      color: colors[byOutcome].get(reason) ?? '#888',
      counts: matrix.counts[i] ?? [],
    })),
    text,
  );
  const lostReasons = lost.map((r) => r.reason);
  const stageMatrix = reasonMatrix(report.winloss_by.lost_at_stage, 'lost', lostReasons);
  const stageSpec = stackedReasonsSpec(
    stageMatrix.values.map((v) => (v === null ? t('analysis.noValue') : stageLabel(report.stages, v, locale))),
    lostReasons.map((reason, i) => ({
      label: label('lost', reason),
      color: colors.lost.get(reason) ?? '#888',
      counts: stageMatrix.counts[i] ?? [],
    })),
    text,
  );
  const noReasonChange = other ? compareProportions(report.no_reason, other.no_reason) : null;
  const closed = report.no_reason.denominator;
  return (
    <>
      <div className="tiles">
        <CountTile
          title={t('winloss.tiles.lost')}
          value={formatInteger(locale, total('lost'))}
          previous={
            other
              ? formatInteger(
                  locale,
                  other.winloss.filter((r) => r.outcome === 'lost').reduce((n, r) => n + r.count, 0),
                )
              : null
          }
          compareLabel={t(`analysis.compare.short.${compare}`)}
          onDrill={() => onDrill(drill('lost'))}
        />
        <CountTile
          title={t('winloss.tiles.won')}
          value={formatInteger(locale, total('won'))}
          previous={
            other
              ? formatInteger(
                  locale,
                  other.winloss.filter((r) => r.outcome === 'won').reduce((n, r) => n + r.count, 0),
                )
              : null
          }
          compareLabel={t(`analysis.compare.short.${compare}`)}
          onDrill={() => onDrill(drill('won'))}
        />
        <RateTile
          title={t('winloss.tiles.noReason')}
          figure={report.no_reason}
          change={noReasonChange}
          compare={compare}
          higherIsBetter={false}
          ratioLabel={t('winloss.tiles.noReasonRatio')}
          onDrill={() =>
            onDrill({
              ...drill('lost', NO_REASON),
              sides: [
                { label: t('winloss.outcome.lost'), figure: { type: 'winloss', outcome: 'lost', reason: NO_REASON } },
                { label: t('winloss.outcome.won'), figure: { type: 'winloss', outcome: 'won', reason: NO_REASON } },
              ],
            })
          }
        />
      </div>
      {closed === 0 ? <p className="muted">{t('winloss.noneClosed')}</p> : null}
      <div className="figure-grid">
        {(['lost', 'won'] as const).map((outcome) => (
          <FigureCard
            key={outcome}
            title={t(`winloss.pareto.${outcome}`)}
            explanation={t('winloss.pareto.explain')}
            footnote={t('winloss.pareto.footnote')}
          >
            {(outcome === 'lost' ? lost : won).length === 0 ? (
              <p className="muted">{t(`winloss.pareto.none.${outcome}`)}</p>
            ) : (
              <ChartView
                spec={outcome === 'lost' ? lostSpec : wonSpec}
                label={t(`winloss.pareto.${outcome}`)}
                height={300}
                onSelect={(p) => {
                  const row = (outcome === 'lost' ? lost : won)[p.index];
                  if (row && p.series === 0) onDrill(drill(outcome, row.reason));
                }}
              />
            )}
          </FigureCard>
        ))}
      </div>
      <FigureCard wide title={t('winloss.change.title')} explanation={t('winloss.change.explain')}>
        {(['lost', 'won'] as const).map((outcome) => {
          const changes = reasonChanges(report, other, outcome);
          if (changes.length === 0) return null;
          return (
            <div key={outcome} className="table-scroll">
              <table className="table figure-table compact">
                <thead>
                  <tr>
                    <th>{t(`winloss.change.reason.${outcome}`)}</th>
                    <th className="num">{t('winloss.change.now')}</th>
                    <th className="num">{t(`winloss.change.before.${compare}`)}</th>
                    <th>{t(`analysis.compare.column.${compare}`)}</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((c) => (
                    <tr key={c.reason}>
                      <td>
                        <span
                          className="swatch"
                          style={{ background: colors[outcome].get(c.reason) ?? '#888' }}
                          aria-hidden="true"
                        />
                        <button type="button" className="link-button" onClick={() => onDrill(drill(outcome, c.reason))}>
                          {label(outcome, c.reason)}
                        </button>
                      </td>
                      <td className="num">
                        <strong>{pct(locale, c.share)}</strong>{' '}
                        <span className="muted">({formatInteger(locale, c.count)})</span>
                      </td>
                      <td className="num">
                        {c.otherShare === null ? '—' : pct(locale, c.otherShare)}{' '}
                        <span className="muted">({formatInteger(locale, c.otherCount)})</span>
                      </td>
                      <td>
                        <ComparisonChip bare change={c.change} mode={compare} higherIsBetter={outcome === 'won'} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        })}
      </FigureCard>
      <FigureCard
        wide
        title={t('winloss.by.title', { field: t(`analysis.fields.${by}`) })}
        explanation={t('winloss.by.explain')}
        actions={
          <>
            <Segmented
              label={t('winloss.by.field')}
              value={by}
              onChange={setBy}
              options={(['segment', 'source', 'owner'] as const).map((f) => ({
                value: f,
                label: t(`analysis.fields.${f}`),
              }))}
            />
            <Segmented
              label={t('winloss.by.outcome')}
              value={byOutcome}
              onChange={setByOutcome}
              options={[
                { value: 'lost', label: t('winloss.outcome.lost') },
                { value: 'won', label: t('winloss.outcome.won') },
              ]}
            />
          </>
        }
      >
        {matrix.values.length === 0 ? (
          <p className="muted">{t(`winloss.pareto.none.${byOutcome}`)}</p>
        ) : (
          <ChartView
            spec={bySpec}
            label={t('winloss.by.title', { field: t(`analysis.fields.${by}`) })}
            height={Math.max(150, matrix.values.length * 42 + 90)}
            onSelect={(p) => {
              const reason = byReasons[p.series];
              const value = matrix.values[p.index];
              if (reason !== undefined && value !== undefined)
                onDrill(drill(byOutcome, reason, { field: by, value, shown: valueLabel(t, value) }));
            }}
          />
        )}
      </FigureCard>
      <FigureCard wide title={t('winloss.stage.title')} explanation={t('winloss.stage.explain')}>
        {stageMatrix.values.length === 0 ? (
          <p className="muted">{t('winloss.pareto.none.lost')}</p>
        ) : (
          <ChartView
            spec={stageSpec}
            label={t('winloss.stage.title')}
            height={Math.max(150, stageMatrix.values.length * 42 + 90)}
            onSelect={(p) => {
              const reason = lostReasons[p.series];
              const value = stageMatrix.values[p.index];
              if (reason !== undefined && value !== undefined)
                onDrill(
                  drill('lost', reason, {
                    field: 'lost_at_stage',
                    value,
                    shown: value === null ? t('analysis.noValue') : stageLabel(report.stages, value, locale),
                  }),
                );
            }}
          />
        )}
      </FigureCard>
    </>
  );
}
