import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../../shared/metrics/types';
import { useLocale } from '../../app-context';
import { ChartView } from '../../charts/ChartView';
import { waterfallSpec, waterfallSteps } from '../../charts/figure-specs';
import { useChartText } from '../../analysis/chart-text';
import type { DrillRequest } from '../../analysis/drill';
import { FigureCard } from '../../analysis/FigureCard';
import { funnelStages, stageLabel } from '../../analysis/figures';
import { Segmented } from '../../analysis/Segmented';
import { formatInteger } from '../../format';

/** How one stage's count changed over the period: every entry and exit accounts for the difference. */
export function WaterfallCard({ report, onDrill }: { report: Report; onDrill: (r: DrillRequest) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = useChartText(report.stages);
  const stages = useMemo(
    () => funnelStages(report.stages).filter((s) => report.waterfall.some((w) => w.stage === s.key)),
    [report],
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const key =
    chosen && stages.some((s) => s.key === chosen)
      ? chosen
      : (stages.find((s) => s.key === report.sla.handoff_stage) ?? stages[0])?.key;
  const row = report.waterfall.find((w) => w.stage === key);
  const spec = useMemo(() => (row ? waterfallSpec(row, report.stages, text) : null), [row, report.stages, text]);
  if (!row || !spec || !key) return null;
  const steps = waterfallSteps(row);
  const stage = stageLabel(report.stages, key, locale);
  return (
    <FigureCard
      wide
      title={t('funnel.waterfall.title')}
      explanation={t('analysis.explain.waterfall')}
      actions={
        <Segmented
          label={t('funnel.waterfall.stage')}
          value={key}
          onChange={setChosen}
          options={stages.map((s) => ({ value: s.key, label: stageLabel(report.stages, s.key, locale) }))}
        />
      }
      footnote={t('funnel.waterfall.footnote', {
        stage,
        start: formatInteger(locale, row.start),
        end: formatInteger(locale, row.end),
        stalledStart: formatInteger(locale, row.stalled_start),
        stalledEnd: formatInteger(locale, row.stalled_end),
      })}
    >
      <ChartView
        spec={spec}
        label={t('funnel.waterfall.title')}
        height={280}
        onSelect={(p) => {
          const step = steps[p.index]?.step;
          if (!step) return;
          onDrill({
            figure: { type: 'waterfall', stage: key, movement: step },
            title:
              step === 'start' || step === 'end'
                ? t(`funnel.waterfall.drill.${step}`, { stage })
                : t('funnel.waterfall.drill.step', { stage, movement: t(`meetings.movement.${step}`) }),
            explanation: t('analysis.explain.waterfall'),
          });
        }}
      />
    </FigureCard>
  );
}
