import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../../shared/metrics/types';
import { useLocale } from '../../app-context';
import { ChartView } from '../../charts/ChartView';
import { stalledSpec } from '../../charts/figure-specs';
import { useChartText } from '../../analysis/chart-text';
import type { DrillRequest } from '../../analysis/drill';
import { FigureCard } from '../../analysis/FigureCard';
import { funnelStages, stageLabel } from '../../analysis/figures';
import { formatDecimal } from '../../format';

/** Open leads sitting in a stage longer than its allowed age, at the period's end. */
export function StalledCard({
  report,
  allowedAgeDays,
  onDrill,
}: {
  report: Report;
  allowedAgeDays?: ReadonlyMap<string, number | null>;
  onDrill: (r: DrillRequest) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = useChartText(report.stages);
  const keys = useMemo(
    () =>
      funnelStages(report.stages)
        .map((s) => s.key)
        .filter((k) => k in report.stalled),
    [report],
  );
  const spec = useMemo(() => {
    const base = stalledSpec(report.stalled, keys, report.stages, text);
    if (!allowedAgeDays) return base;
    // Each stage says its allowed age under its name: "MQL / > 7 days".
    return {
      ...base,
      categories: keys.map((k) => [
        text.stage(k),
        allowedAgeDays.get(k)
          ? t('funnel.stalled.age', { days: formatDecimal(locale, allowedAgeDays.get(k) ?? 0, 0) })
          : '',
      ]),
    };
  }, [report, keys, text, allowedAgeDays, t, locale]);
  return (
    <FigureCard title={t('funnel.stalled.title')} explanation={t('analysis.explain.stalled')}>
      <ChartView
        spec={spec}
        label={t('funnel.stalled.title')}
        height={230}
        onSelect={(p) => {
          const key = keys[p.index];
          if (key)
            onDrill({
              figure: { type: 'stalled', stage: key },
              title: t('funnel.stalled.drillTitle', { stage: stageLabel(report.stages, key, locale) }),
              explanation: t('analysis.explain.stalled'),
            });
        }}
      />
    </FigureCard>
  );
}
