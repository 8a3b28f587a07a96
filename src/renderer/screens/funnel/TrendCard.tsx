import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import type { Report } from '../../../shared/metrics/types';
import { useLocale } from '../../app-context';
import { ChartView } from '../../charts/ChartView';
import { trendSpec, type TrendTargets } from '../../charts/figure-specs';
import { useChartText } from '../../analysis/chart-text';
import type { DrillRequest } from '../../analysis/drill';
import { FigureCard } from '../../analysis/FigureCard';
import { pct, stageLabel } from '../../analysis/figures';
import { Segmented } from '../../analysis/Segmented';
import { keyPairs, type TrendPoint } from '../../analysis/trend';
import { useConversionDrill } from './ConversionCard';

export type KeyConversion = 'qualification' | 'close';

/** The targets a key conversion is read against: the SLA's quality target and DESIGN.md's benchmark lines. */
export function targetsFor(report: Pick<Report, 'sla' | 'benchmarks'>, which: KeyConversion): TrendTargets {
  return which === 'qualification'
    ? {
        target: report.sla.quality.target,
        average: report.benchmarks.qualification.average,
        best: report.benchmarks.qualification.best,
      }
    : { target: null, average: report.benchmarks.close.average, best: report.benchmarks.close.best };
}

/** A key conversion week by week over a quarter, with its intervals, the target band and the benchmarks. */
export function TrendCard({
  report,
  trend,
  loading,
  onDrill,
}: {
  report: Report;
  trend: readonly TrendPoint[] | null;
  loading: boolean;
  onDrill: (r: DrillRequest) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [which, setWhich] = useState<KeyConversion>('qualification');
  const pairs = keyPairs(report);
  const pair = which === 'qualification' ? pairs.qualification : pairs.close;
  const text = useChartText(report.stages);
  const targets = targetsFor(report, which);
  const name = pair
    ? `${stageLabel(report.stages, pair.from, locale)} → ${stageLabel(report.stages, pair.to, locale)}`
    : '';
  const spec = useMemo(() => {
    const points = trend ?? [];
    const weeks = points.map((p) =>
      t('analysis.period.weekShort', { week: DateTime.fromISO(p.period.from, { zone: 'UTC' }).weekNumber }),
    );
    return trendSpec(
      weeks,
      points.map((p) => p[which]),
      name,
      targets,
      text,
    );
  }, [trend, which, name, targets, text, t]);
  const drill = useConversionDrill(report);
  return (
    <FigureCard
      wide
      title={t('funnel.trend.title', { pair: name })}
      explanation={t(`funnel.trend.explain.${which}`, { pair: name })}
      loading={loading}
      actions={
        <Segmented
          label={t('funnel.trend.which')}
          value={which}
          onChange={setWhich}
          options={[
            { value: 'qualification', label: t('funnel.trend.qualification') },
            ...(pairs.close ? [{ value: 'close' as const, label: t('funnel.trend.close') }] : []),
          ]}
        />
      }
      footnote={
        targets.target !== null
          ? t('funnel.trend.footnoteTarget', {
              target: pct(locale, targets.target),
              average: pct(locale, targets.average),
              best: pct(locale, targets.best),
            })
          : t('funnel.trend.footnote', { average: pct(locale, targets.average), best: pct(locale, targets.best) })
      }
    >
      <ChartView
        spec={spec}
        label={t('funnel.trend.title', { pair: name })}
        height={280}
        onSelect={(p) => {
          const point = trend?.[p.index];
          if (point && pair) onDrill(drill(pair, 'numerator', { from: point.period.from, to: point.period.to }));
        }}
      />
    </FigureCard>
  );
}
