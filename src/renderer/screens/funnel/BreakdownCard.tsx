import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../../shared/metrics/types';
import { useLocale } from '../../app-context';
import { ChartView } from '../../charts/ChartView';
import { breakdownSpec, trendReferences } from '../../charts/figure-specs';
import { useChartText } from '../../analysis/chart-text';
import type { DrillRequest } from '../../analysis/drill';
import { FigureCard, SmallSample } from '../../analysis/FigureCard';
import { pct, ratio, stageLabel } from '../../analysis/figures';
import { Segmented } from '../../analysis/Segmented';
import { BREAKDOWN_FIELDS, keyPairs, type Breakdown, type BreakdownField } from '../../analysis/trend';
import { formatInteger } from '../../format';
import { useConversionDrill } from './ConversionCard';
import { targetsFor, type KeyConversion } from './TrendCard';

export interface BreakdownCardProps {
  readonly report: Report;
  readonly breakdown: Breakdown | null;
  readonly field: BreakdownField;
  readonly onField: (field: BreakdownField) => void;
  readonly loading: boolean;
  readonly sourceColors: ReadonlyMap<string, string>;
  readonly onDrill: (r: DrillRequest) => void;
}

/** The key conversions by source, segment or owner: where the funnel leaks, per value. */
export function BreakdownCard({
  report,
  breakdown,
  field,
  onField,
  loading,
  sourceColors,
  onDrill,
}: BreakdownCardProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [which, setWhich] = useState<KeyConversion>('qualification');
  const pairs = keyPairs(report);
  const pair = which === 'qualification' ? pairs.qualification : pairs.close;
  const text = useChartText(report.stages);
  const rows = useMemo(() => (breakdown?.field === field ? breakdown.rows : []), [breakdown, field]);
  const spec = useMemo(
    () =>
      breakdownSpec(
        rows.map((r) => r.value),
        rows.map((r) => r[which]),
        field === 'source' ? sourceColors : null,
        text,
        trendReferences({ ...targetsFor(report, which), target: null }, text),
      ),
    [rows, which, field, sourceColors, text, report],
  );
  const drill = useConversionDrill(report);
  const drillValue = (value: string, side: 'numerator' | 'denominator') =>
    pair && onDrill(drill(pair, side, { filters: { ...report.filters, [field]: [value] } }));
  const name = (p: { from: string; to: string } | null) =>
    p ? `${stageLabel(report.stages, p.from, locale)} → ${stageLabel(report.stages, p.to, locale)}` : '';
  return (
    <FigureCard
      wide
      title={t('funnel.breakdown.title', { field: t(`analysis.fields.${field}`) })}
      explanation={t('funnel.breakdown.explain', { pair: name(pair) })}
      loading={loading}
      actions={
        <>
          <Segmented
            label={t('funnel.breakdown.by')}
            value={field}
            onChange={onField}
            options={BREAKDOWN_FIELDS.map((f) => ({ value: f, label: t(`analysis.fields.${f}`) }))}
          />
          <Segmented
            label={t('funnel.trend.which')}
            value={which}
            onChange={setWhich}
            options={[
              { value: 'qualification', label: t('funnel.trend.qualification') },
              ...(pairs.close ? [{ value: 'close' as const, label: t('funnel.trend.close') }] : []),
            ]}
          />
        </>
      }
      footnote={t('funnel.breakdown.footnote')}
    >
      {rows.length === 0 && !loading ? <p className="muted">{t('funnel.breakdown.none')}</p> : null}
      {rows.length > 0 ? (
        <>
          <ChartView
            spec={spec}
            label={t('funnel.breakdown.title', { field: t(`analysis.fields.${field}`) })}
            height={Math.max(160, rows.length * 46 + 40)}
            onSelect={(p) => rows[p.index] && drillValue(rows[p.index]!.value, 'numerator')}
          />
          <div className="table-scroll">
            <table className="table figure-table compact">
              <thead>
                <tr>
                  <th>{t(`analysis.fields.${field}`)}</th>
                  <th className="num">
                    {t('funnel.breakdown.handedOver', {
                      stage: stageLabel(report.stages, pairs.qualification.from, locale),
                    })}
                  </th>
                  <th className="num">{name(pairs.qualification)}</th>
                  {pairs.close ? <th className="num">{name(pairs.close)}</th> : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.value}>
                    <td>{r.value}</td>
                    <td className="num">{formatInteger(locale, r.handedOver)}</td>
                    {[r.qualification, ...(pairs.close ? [r.close] : [])].map((f, i) => (
                      <td key={i} className="num">
                        {f ? (
                          <>
                            <strong>{pct(locale, f.rate)}</strong>{' '}
                            <span className="muted">({ratio(locale, f.numerator, f.denominator)})</span>{' '}
                            {f.small ? <SmallSample /> : null}
                          </>
                        ) : (
                          '—'
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </FigureCard>
  );
}
