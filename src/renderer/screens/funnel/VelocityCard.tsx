import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report, VelocityFigure } from '../../../shared/metrics/types';
import { useLocale } from '../../app-context';
import { ChartView } from '../../charts/ChartView';
import { velocitySpec } from '../../charts/figure-specs';
import { useChartText } from '../../analysis/chart-text';
import type { DrillRequest } from '../../analysis/drill';
import { FigureCard } from '../../analysis/FigureCard';
import { days, funnelStages, stageLabel } from '../../analysis/figures';
import { formatInteger } from '../../format';
import { useConversionDrill } from './ConversionCard';

/** Velocity per consecutive stage pair: median and 75th percentile days, and the lead lifetime. */
export function VelocityCard({ report, onDrill }: { report: Report; onDrill: (r: DrillRequest) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = useChartText(report.stages);
  const rows = useMemo(() => {
    const funnel = funnelStages(report.stages);
    const won = report.stages.find((s) => s.kind === 'won')?.key;
    return funnel
      .map((s, i) => ({ from: s.key, to: funnel[i + 1]?.key ?? won }))
      .map((p) => report.velocity.find((v) => v.from === p.from && v.to === p.to))
      .filter((v): v is VelocityFigure => v !== undefined);
  }, [report]);
  const spec = useMemo(() => velocitySpec(rows, report.stages, text), [rows, report.stages, text]);
  const drill = useConversionDrill(report);
  const lifetime = report.kpis.lead_lifetime;
  return (
    <FigureCard
      title={t('funnel.velocity.title')}
      explanation={t('analysis.explain.velocity')}
      footnote={t('funnel.velocity.footnote')}
    >
      <ChartView
        spec={spec}
        label={t('funnel.velocity.title')}
        height={230}
        onSelect={(p) => rows[p.index] && onDrill(drill(rows[p.index]!, 'numerator'))}
      />
      <table className="table figure-table compact">
        <thead>
          <tr>
            <th>{t('funnel.conversion.pair')}</th>
            <th className="num">{t('analysis.columns.leads')}</th>
            <th className="num">{t('funnel.velocity.median')}</th>
            <th className="num">{t('funnel.velocity.p75')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.from}-${r.to}`}>
              <td>
                {stageLabel(report.stages, r.from, locale)} → {stageLabel(report.stages, r.to, locale)}
              </td>
              <td className="num">{formatInteger(locale, r.n)}</td>
              <td className="num">{days(locale, r.median_days)}</td>
              <td className="num">{days(locale, r.p75_days)}</td>
            </tr>
          ))}
          <tr className="row-total">
            <td>
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  onDrill({
                    figure: { type: 'lifetime' },
                    title: t('funnel.velocity.lifetime'),
                    explanation: t('analysis.explain.lifetime'),
                  })
                }
              >
                {t('funnel.velocity.lifetime')}
              </button>
            </td>
            <td className="num">{formatInteger(locale, lifetime.n)}</td>
            <td className="num">{days(locale, lifetime.median_days)}</td>
            <td className="num">{days(locale, lifetime.p75_days)}</td>
          </tr>
        </tbody>
      </table>
    </FigureCard>
  );
}
