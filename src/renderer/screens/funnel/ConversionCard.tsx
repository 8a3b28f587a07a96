import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversionFigure, Report } from '../../../shared/metrics/types';
import { useLocale } from '../../app-context';
import { ChartView } from '../../charts/ChartView';
import { conversionSpec } from '../../charts/figure-specs';
import { useChartText } from '../../analysis/chart-text';
import { ComparisonChip } from '../../analysis/ComparisonChip';
import type { DrillRequest } from '../../analysis/drill';
import { FigureCard, SmallSample } from '../../analysis/FigureCard';
import { changeOf, funnelStages, interval, pct, ratio, stageLabel } from '../../analysis/figures';
import type { CompareMode } from '../../analysis/scope';
import { Segmented } from '../../analysis/Segmented';
import { formatInteger } from '../../format';

export type ConversionTarget = 'next' | 'won';

/** The stage pairs shown: each funnel stage to the next one (the last to won), or each to won. */
export function conversionRows(
  report: Pick<Report, 'conversion' | 'stages'>,
  target: ConversionTarget,
): ConversionFigure[] {
  const funnel = funnelStages(report.stages);
  const won = report.stages.find((s) => s.kind === 'won')?.key;
  const pairs = funnel.map((s, i) => ({ from: s.key, to: target === 'won' ? won : (funnel[i + 1]?.key ?? won) }));
  return pairs
    .map((p) => report.conversion.find((c) => c.from === p.from && c.to === p.to))
    .filter((c): c is ConversionFigure => c !== undefined);
}

/** The drill-down of a conversion, offering its three sides. */
export function useConversionDrill(
  report: Pick<Report, 'stages'>,
): (
  row: { from: string; to: string },
  side: 'numerator' | 'denominator' | 'open',
  scope?: DrillRequest['scope'],
) => DrillRequest {
  const { t } = useTranslation();
  const locale = useLocale();
  return (row, side, scope) => {
    const from = stageLabel(report.stages, row.from, locale);
    const to = stageLabel(report.stages, row.to, locale);
    const figure = (s: 'numerator' | 'denominator' | 'open') => ({
      type: 'conversion' as const,
      from: row.from,
      to: row.to,
      side: s,
    });
    return {
      figure: figure(side),
      title: t('funnel.conversion.drillTitle', { from, to }),
      explanation: t('analysis.explain.conversion', { from, to }),
      sides: [
        { label: t('funnel.conversion.sideNumerator', { to }), figure: figure('numerator') },
        { label: t('funnel.conversion.sideDenominator', { from }), figure: figure('denominator') },
        { label: t('funnel.conversion.sideOpen'), figure: figure('open') },
      ],
      ...(scope ? { scope } : {}),
    };
  };
}

/** The funnel: cohort conversion per stage with 95% whiskers, and the exact figures beneath. */
export function ConversionCard({
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
  const [target, setTarget] = useState<ConversionTarget>('next');
  const rows = useMemo(() => conversionRows(report, target), [report, target]);
  const text = useChartText(report.stages);
  const spec = useMemo(() => conversionSpec(rows, report.stages, text), [rows, report.stages, text]);
  const drill = useConversionDrill(report);
  const name = (r: ConversionFigure) =>
    `${stageLabel(report.stages, r.from, locale)} → ${stageLabel(report.stages, r.to, locale)}`;
  return (
    <FigureCard
      wide
      id="funnel-conversion"
      title={t('funnel.conversion.title')}
      explanation={t('funnel.conversion.explain')}
      actions={
        <Segmented
          label={t('funnel.conversion.target')}
          value={target}
          onChange={setTarget}
          options={[
            { value: 'next', label: t('funnel.conversion.toNext') },
            { value: 'won', label: t('funnel.conversion.toWon') },
          ]}
        />
      }
      footnote={t('funnel.conversion.footnote')}
    >
      <ChartView
        spec={spec}
        label={t('funnel.conversion.title')}
        height={300}
        onSelect={(p) => rows[p.index] && onDrill(drill(rows[p.index]!, 'numerator'))}
      />
      <div className="table-scroll">
        <table className="table figure-table">
          <thead>
            <tr>
              <th>{t('funnel.conversion.pair')}</th>
              <th className="num">{t('analysis.columns.rate')}</th>
              <th className="num">{t('analysis.columns.interval')}</th>
              <th className="num">{t('analysis.columns.leads')}</th>
              <th className="num">{t('funnel.conversion.open')}</th>
              <th>{t(`analysis.compare.column.${compare}`)}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.from}-${r.to}`}>
                <td>
                  {name(r)} {r.small ? <SmallSample /> : null}
                </td>
                <td className="num">
                  <button type="button" className="link-button strong" onClick={() => onDrill(drill(r, 'numerator'))}>
                    {pct(locale, r.rate)}
                  </button>
                </td>
                <td className="num muted">{interval(locale, r.ci_low, r.ci_high)}</td>
                <td className="num">
                  <button type="button" className="link-button" onClick={() => onDrill(drill(r, 'denominator'))}>
                    {ratio(locale, r.numerator, r.denominator)}
                  </button>
                </td>
                <td className="num">
                  <button type="button" className="link-button" onClick={() => onDrill(drill(r, 'open'))}>
                    {formatInteger(locale, r.open)}
                  </button>
                  {r.open_share !== null ? <span className="muted"> ({pct(locale, r.open_share)})</span> : null}
                </td>
                <td>
                  <ComparisonChip bare change={changeOf(r, compare)} mode={compare} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </FigureCard>
  );
}
