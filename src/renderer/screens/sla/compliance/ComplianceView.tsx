import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import type { DrillPage, FigureRef, Report } from '../../../../shared/metrics/types';
import { useLocale } from '../../../app-context';
import { ChartView } from '../../../charts/ChartView';
import { targetRateSpec, volumeSpec } from '../../../charts/figure-specs';
import { stageColor } from '../../../charts/palette';
import { useChartText } from '../../../analysis/chart-text';
import type { DrillRequest } from '../../../analysis/drill';
import { FigureCard } from '../../../analysis/FigureCard';
import { changeOf, interval, pct, ratio, stageLabel } from '../../../analysis/figures';
import { CountTile, RateTile } from '../../../analysis/RateTile';
import type { CompareMode } from '../../../analysis/scope';
import { judgedFollowup, type TrendPoint } from '../../../analysis/trend';
import { formatDecimal, formatInteger } from '../../../format';
import { ArbitrationCard } from './ArbitrationCard';
import { OwnerCard } from './OwnerCard';
import { TermsLine } from './TermsLine';

export interface ComplianceViewProps {
  readonly report: Report;
  readonly compare: CompareMode;
  readonly onDrill: (request: DrillRequest) => void;
  /** The 13 weeks to the report's: hand-offs against the weekly target. Null while loading. */
  readonly weeks: readonly TrendPoint[] | null;
  readonly weeksLoading?: boolean;
  /** Leads of a figure, for the arbiter's list shown in place (live drill-down, or a snapshot's). */
  readonly loadLeads: (figure: FigureRef, offset: number, limit: number) => Promise<DrillPage>;
}

/**
 * SLA compliance: what each side committed to, against what happened in the period, judged with
 * the terms revision in force. Renders from a report (plus weekly points) only.
 */
export function ComplianceView({
  report,
  compare,
  onDrill,
  weeks,
  weeksLoading = false,
  loadLeads,
}: ComplianceViewProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = useChartText(report.stages);
  const sla = report.sla;
  const f = sla.followup;
  const handoff = stageLabel(report.stages, sla.handoff_stage, locale);
  const accepted = stageLabel(report.stages, sla.accepted_stage, locale);
  const hoursText = formatDecimal(locale, f.business_hours, f.business_hours % 1 === 0 ? 0 : 1);
  const other = compare === 'previous' ? report.previous : report.year_ago;
  const judged = judgedFollowup(f);
  const followupDrill = (side: 'met' | 'breached' | 'pending' | 'denominator'): DrillRequest => {
    const figure = (s: typeof side) => ({ type: 'followup' as const, side: s });
    return {
      figure: figure(side),
      title: t('slaCompliance.followup.drillTitle'),
      explanation: t('analysis.explain.followup'),
      sides: (['breached', 'met', 'pending', 'denominator'] as const).map((s) => ({
        label: t(`slaCompliance.side.${s}`),
        figure: figure(s),
      })),
    };
  };
  const qualityDrill = (side: 'numerator' | 'denominator'): DrillRequest => ({
    figure: { type: 'quality', side },
    title: t('slaCompliance.quality.drillTitle', { stage: accepted }),
    explanation: t('analysis.explain.quality', { from: handoff, to: accepted }),
    sides: [
      {
        label: t('slaCompliance.quality.sideNumerator', { stage: accepted }),
        figure: { type: 'quality', side: 'numerator' },
      },
      {
        label: t('slaCompliance.quality.sideDenominator', { stage: handoff }),
        figure: { type: 'quality', side: 'denominator' },
      },
    ],
  });
  const recyclingDrill = (side: 'numerator' | 'denominator'): DrillRequest => ({
    figure: { type: 'recycling', side },
    title: t('slaCompliance.recycling.title'),
    explanation: t('analysis.explain.recycling'),
    sides: [
      { label: t('slaCompliance.recycling.sideNumerator'), figure: { type: 'recycling', side: 'numerator' } },
      { label: t('slaCompliance.recycling.sideDenominator'), figure: { type: 'recycling', side: 'denominator' } },
    ],
  });
  const volumeChart = useMemo(() => {
    const points = weeks ?? [];
    return volumeSpec(
      points.map((p) =>
        t('analysis.period.weekShort', { week: DateTime.fromISO(p.period.from, { zone: 'UTC' }).weekNumber }),
      ),
      points.map((p) => p.handedOver),
      sla.volume.weekly_target,
      text,
    );
  }, [weeks, sla.volume.weekly_target, text, t]);
  const qualityChart = useMemo(
    () =>
      targetRateSpec(
        t('slaCompliance.quality.short', { stage: accepted }),
        sla.quality,
        sla.quality.target,
        stageColor(sla.accepted_stage, report.stages),
        text,
      ),
    [sla.quality, sla.accepted_stage, report.stages, accepted, text, t],
  );
  const qualityVerdict =
    sla.quality.rate === null
      ? t('slaCompliance.quality.noData')
      : sla.quality.met
        ? t('slaCompliance.quality.met')
        : sla.quality.below_target_significant
          ? t('slaCompliance.quality.belowSignificant')
          : t('slaCompliance.quality.belowNotSignificant');
  const r = sla.recycling;
  return (
    <>
      <TermsLine report={report} />
      <div className="tiles">
        <RateTile
          title={t('slaCompliance.followup.tile', { hours: hoursText })}
          figure={judged}
          change={changeOf(f, compare)}
          compare={compare}
          ratioLabel={t('slaCompliance.followup.ratio')}
          onDrill={() => onDrill(followupDrill('breached'))}
        />
        <CountTile
          title={t('slaCompliance.volume.tile', { stage: handoff })}
          value={t('slaCompliance.volume.value', {
            actual: formatInteger(locale, sla.volume.actual),
            target: formatDecimal(locale, sla.volume.target, sla.volume.target % 1 === 0 ? 0 : 1),
          })}
          note={sla.volume.met ? t('slaCompliance.volume.met') : t('slaCompliance.volume.missed')}
          tone={sla.volume.met ? 'good' : 'bad'}
          previous={other ? formatInteger(locale, other.sla.volume.actual) : null}
          compareLabel={t(`analysis.compare.short.${compare}`)}
          onDrill={() =>
            onDrill({
              figure: { type: 'flow', stage: sla.handoff_stage },
              title: t('slaCompliance.volume.drillTitle', { stage: handoff }),
              explanation: t('analysis.explain.volume'),
            })
          }
        />
        <RateTile
          title={t('slaCompliance.quality.tile', { stage: accepted })}
          figure={sla.quality}
          change={changeOf(sla.quality, compare)}
          compare={compare}
          target={{ value: sla.quality.target, met: sla.quality.met }}
          onDrill={() => onDrill(qualityDrill('numerator'))}
        />
        <RateTile
          title={t('slaCompliance.recycling.tile')}
          figure={r}
          change={changeOf(r, compare)}
          compare={compare}
          onDrill={() => onDrill(recyclingDrill('numerator'))}
        />
        <CountTile
          title={t('slaCompliance.arbitration.tile')}
          value={formatInteger(locale, sla.arbitration.count)}
          previous={other ? formatInteger(locale, other.sla.arbitration.count) : null}
          compareLabel={t(`analysis.compare.short.${compare}`)}
          onDrill={() =>
            onDrill({
              figure: { type: 'arbitration' },
              title: t('slaCompliance.arbitration.title'),
              explanation: t('analysis.explain.arbitration'),
            })
          }
        />
      </div>
      <p className="muted small pending-note">
        {t('slaCompliance.followup.pendingNote', {
          count: f.pending,
          n: formatInteger(locale, f.pending),
          handed: formatInteger(locale, f.handed_over),
        })}
      </p>
      <OwnerCard report={report} onDrill={onDrill} />
      <div className="figure-grid">
        <FigureCard
          title={t('slaCompliance.volume.title')}
          explanation={t('analysis.explain.volume')}
          loading={weeksLoading}
          footnote={t('slaCompliance.volume.footnote', { n: formatInteger(locale, sla.volume.weekly_target) })}
        >
          <ChartView
            spec={volumeChart}
            label={t('slaCompliance.volume.title')}
            height={240}
            onSelect={(p) => {
              const week = weeks?.[p.index];
              if (week)
                onDrill({
                  figure: { type: 'flow', stage: sla.handoff_stage },
                  title: t('slaCompliance.volume.drillTitle', { stage: handoff }),
                  explanation: t('analysis.explain.volume'),
                  scope: { from: week.period.from, to: week.period.to },
                });
            }}
          />
        </FigureCard>
        <FigureCard
          title={t('slaCompliance.quality.title', { stage: accepted })}
          explanation={t('analysis.explain.quality', { from: handoff, to: accepted })}
          footnote={qualityVerdict}
        >
          <ChartView
            spec={qualityChart}
            label={t('slaCompliance.quality.title', { stage: accepted })}
            height={130}
            onSelect={() => onDrill(qualityDrill('numerator'))}
          />
          <p>
            <strong>{pct(locale, sla.quality.rate)}</strong> (
            {ratio(locale, sla.quality.numerator, sla.quality.denominator)}) ·{' '}
            {t('analysis.interval', { range: interval(locale, sla.quality.ci_low, sla.quality.ci_high) })}
          </p>
        </FigureCard>
      </div>
      <FigureCard wide title={t('slaCompliance.recycling.title')} explanation={t('analysis.explain.recycling')}>
        <table className="table figure-table compact">
          <thead>
            <tr>
              <th className="num">{t('slaCompliance.recycling.rejected')}</th>
              <th className="num">{t('slaCompliance.recycling.withReason')}</th>
              <th className="num">
                {t('slaCompliance.recycling.inWindow', {
                  hours: formatDecimal(locale, r.business_hours, r.business_hours % 1 === 0 ? 0 : 1),
                })}
              </th>
              <th className="num">{t('slaCompliance.recycling.compliant')}</th>
              <th className="num">{t('analysis.columns.rate')}</th>
              <th className="num">{t('analysis.columns.interval')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td className="num">
                <button type="button" className="link-button" onClick={() => onDrill(recyclingDrill('denominator'))}>
                  {formatInteger(locale, r.rejected)}
                </button>
              </td>
              <td className="num">{formatInteger(locale, r.with_reason)}</td>
              <td className="num">{formatInteger(locale, r.within_window)}</td>
              <td className="num">
                <button type="button" className="link-button" onClick={() => onDrill(recyclingDrill('numerator'))}>
                  {formatInteger(locale, r.numerator)}
                </button>
              </td>
              <td className="num strong">{pct(locale, r.rate)}</td>
              <td className="num muted">{interval(locale, r.ci_low, r.ci_high)}</td>
            </tr>
          </tbody>
        </table>
      </FigureCard>
      <ArbitrationCard report={report} onDrill={onDrill} loadLeads={loadLeads} />
    </>
  );
}
