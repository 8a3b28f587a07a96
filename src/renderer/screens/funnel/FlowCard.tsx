import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../../shared/metrics/types';
import { useLocale } from '../../app-context';
import { ChartView } from '../../charts/ChartView';
import { flowSpec } from '../../charts/figure-specs';
import { useChartText } from '../../analysis/chart-text';
import type { DrillRequest } from '../../analysis/drill';
import { FigureCard } from '../../analysis/FigureCard';
import { stageLabel } from '../../analysis/figures';
import type { CompareMode } from '../../analysis/scope';

/** Entries into every stage in the period (a count, not a rate), beside the comparison period's. */
export function FlowCard({
  report,
  compare,
  onDrill,
}: {
  report: Report;
  compare: CompareMode;
  onDrill: (r: DrillRequest) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = useChartText(report.stages);
  const keys = useMemo(
    () => [...report.stages].sort((a, b) => a.position - b.position).map((s) => s.key),
    [report.stages],
  );
  const other = compare === 'previous' ? report.previous : report.year_ago;
  const spec = useMemo(
    () => flowSpec(report, other, t(`analysis.compare.${compare}`), keys, report.stages, text),
    [report, other, compare, keys, text, t],
  );
  const drill = (key: string, earlier: boolean): DrillRequest => ({
    figure: { type: 'flow', stage: key },
    title: t('funnel.flow.drillTitle', { stage: stageLabel(report.stages, key, locale) }),
    explanation: t('analysis.explain.flow'),
    ...(earlier && other ? { scope: { from: other.period.from, to: other.period.to } } : {}),
  });
  return (
    <FigureCard
      title={t('funnel.flow.title')}
      explanation={t('analysis.explain.flow')}
      footnote={other ? t('funnel.flow.footnote') : undefined}
    >
      <ChartView
        spec={spec}
        label={t('funnel.flow.title')}
        height={Math.max(200, keys.length * (other ? 34 : 26) + 60)}
        onSelect={(p) => {
          const key = keys[p.index];
          if (key) onDrill(drill(key, other !== null && p.series === 0));
        }}
      />
    </FigureCard>
  );
}
