import { useTranslation } from 'react-i18next';
import type { Report } from '../../../shared/metrics/types';
import { useLocale } from '../../app-context';
import type { DrillRequest } from '../../analysis/drill';
import { changeOf, days, stageLabel } from '../../analysis/figures';
import { CountTile, RateTile } from '../../analysis/RateTile';
import { wholeFigures } from '../../components/WholeFigures';
import type { CompareMode } from '../../analysis/scope';
import { keyPairs, type Breakdown, type BreakdownField, type TrendPoint } from '../../analysis/trend';
import { formatInteger } from '../../format';
import { BreakdownCard } from './BreakdownCard';
import { ConversionCard, useConversionDrill } from './ConversionCard';
import { CostCard } from './CostCard';
import { FlowCard } from './FlowCard';
import { StalledCard } from './StalledCard';
import { TrendCard } from './TrendCard';
import { VelocityCard } from './VelocityCard';
import { WaterfallCard } from './WaterfallCard';

export interface FunnelViewProps {
  readonly report: Report;
  readonly compare: CompareMode;
  readonly onDrill: (request: DrillRequest) => void;
  /** The key conversions week by week (13 weeks to the report's); null while they load. */
  readonly trend: readonly TrendPoint[] | null;
  readonly trendLoading?: boolean;
  /** The key conversions by `breakdownField`; null while it loads. */
  readonly breakdown: Breakdown | null;
  readonly breakdownField: BreakdownField;
  readonly onBreakdownField: (field: BreakdownField) => void;
  readonly breakdownLoading?: boolean;
  /** Source colours shared by every screen (useSourceColors). */
  readonly sourceColors: ReadonlyMap<string, string>;
  /** Allowed age per stage, shown with the stalled counts. */
  readonly allowedAgeDays?: ReadonlyMap<string, number | null>;
}

/**
 * Stage conversion and velocity: headline rates, the funnel with intervals, period flow, velocity,
 * the weekly trend against target and benchmarks, breakdowns, stalled leads and the waterfall.
 * Renders from a report (plus trend and breakdown) only: a meeting step reuses it on a snapshot.
 */
export function FunnelView(props: FunnelViewProps) {
  const { report, compare, onDrill } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const pairs = keyPairs(report);
  const find = (p: { from: string; to: string } | null) =>
    p ? report.conversion.find((c) => c.from === p.from && c.to === p.to) : undefined;
  const qualification = find(pairs.qualification);
  const close = find(pairs.close);
  const drill = useConversionDrill(report);
  const other = compare === 'previous' ? report.previous : report.year_ago;
  const pairName = (p: { from: string; to: string }) =>
    `${stageLabel(report.stages, p.from, locale)} → ${stageLabel(report.stages, p.to, locale)}`;
  const won = report.stages.find((s) => s.kind === 'won');
  return (
    <>
      <div className="tiles">
        {qualification ? (
          <RateTile
            title={t('funnel.kpi.qualification', { pair: pairName(pairs.qualification) })}
            figure={qualification}
            change={changeOf(qualification, compare)}
            compare={compare}
            target={{
              value: report.sla.quality.target,
              met: qualification.rate === null ? null : qualification.rate >= report.sla.quality.target,
            }}
            onDrill={() => onDrill(drill(pairs.qualification, 'numerator'))}
          />
        ) : null}
        {close && pairs.close ? (
          <RateTile
            title={t('funnel.kpi.close', { pair: pairName(pairs.close) })}
            figure={close}
            change={changeOf(close, compare)}
            compare={compare}
            onDrill={() => onDrill(drill(pairs.close!, 'numerator'))}
          />
        ) : null}
        <CountTile
          title={t('funnel.kpi.won')}
          value={formatInteger(locale, report.kpis.deals_won)}
          previous={other ? formatInteger(locale, other.kpis.deals_won) : null}
          compareLabel={t(`analysis.compare.short.${compare}`)}
          onDrill={
            won
              ? () =>
                  onDrill({
                    figure: { type: 'entries', kind: 'won' },
                    title: t('funnel.kpi.won'),
                    explanation: t('analysis.explain.flow'),
                  })
              : undefined
          }
        />
        <CountTile
          title={t('funnel.kpi.lifetime')}
          value={t('funnel.kpi.days', { value: days(locale, report.kpis.lead_lifetime.median_days) })}
          previous={other ? t('funnel.kpi.days', { value: days(locale, other.kpis.lead_lifetime.median_days) }) : null}
          compareLabel={t(`analysis.compare.short.${compare}`)}
          note={wholeFigures(
            (values) => t('funnel.kpi.lifetimeNote', { ...values, count: report.kpis.lead_lifetime.n }),
            { n: formatInteger(locale, report.kpis.lead_lifetime.n) },
            ['n'],
          )}
          onDrill={() =>
            onDrill({
              figure: { type: 'lifetime' },
              title: t('funnel.velocity.lifetime'),
              explanation: t('analysis.explain.lifetime'),
            })
          }
        />
      </div>
      <ConversionCard report={report} compare={compare} onDrill={onDrill} />
      <TrendCard report={report} trend={props.trend} loading={props.trendLoading ?? false} onDrill={onDrill} />
      <FlowCard report={report} compare={compare} onDrill={onDrill} />
      <BreakdownCard
        report={report}
        breakdown={props.breakdown}
        field={props.breakdownField}
        onField={props.onBreakdownField}
        loading={props.breakdownLoading ?? false}
        sourceColors={props.sourceColors}
        onDrill={onDrill}
      />
      <div className="figure-grid">
        <VelocityCard report={report} onDrill={onDrill} />
        <StalledCard report={report} allowedAgeDays={props.allowedAgeDays} onDrill={onDrill} />
      </div>
      <WaterfallCard report={report} onDrill={onDrill} />
      <CostCard report={report} onDrill={onDrill} />
    </>
  );
}
