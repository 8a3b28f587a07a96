import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpOwner, Report } from '../../../../shared/metrics/types';
import { useLocale } from '../../../app-context';
import { ChartView } from '../../../charts/ChartView';
import { followupSpec } from '../../../charts/figure-specs';
import { useChartText } from '../../../analysis/chart-text';
import type { DrillRequest } from '../../../analysis/drill';
import { FigureCard, SmallSample } from '../../../analysis/FigureCard';
import { interval, pct, valueLabel } from '../../../analysis/figures';
import { formatDecimal, formatInteger } from '../../../format';

type Side = 'met' | 'breached' | 'pending' | 'denominator';

/** Follow-up met / breached / pending per owner, in business hours, and where the delay comes from. */
export function OwnerCard({ report, onDrill }: { report: Report; onDrill: (r: DrillRequest) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = useChartText(report.stages);
  const f = report.sla.followup;
  const owners = useMemo(
    () => [...f.by_owner].sort((a, b) => b.handed_over - a.handed_over || (a.owner ?? '').localeCompare(b.owner ?? '')),
    [f.by_owner],
  );
  const names = owners.map((o) => valueLabel(t, o.owner));
  const spec = useMemo(() => followupSpec(owners, names, text), [owners, names, text]);
  const sides: Side[] = ['met', 'breached', 'pending'];
  const drill = (o: FollowUpOwner, side: Side): DrillRequest => {
    const name = valueLabel(t, o.owner);
    const figure = (s: Side) => ({ type: 'followup' as const, side: s, owner: o.owner });
    return {
      figure: figure(side),
      title: t('slaCompliance.owner.drillTitle', { owner: name }),
      explanation: t('analysis.explain.followup'),
      sides: (['breached', 'met', 'pending', 'denominator'] as const).map((s) => ({
        label: t(`slaCompliance.side.${s}`),
        figure: figure(s),
      })),
    };
  };
  const hours = (v: number | null) => (v === null ? '—' : formatDecimal(locale, v, 1));
  return (
    <FigureCard
      wide
      title={t('slaCompliance.owner.title')}
      explanation={t('analysis.explain.followup')}
      footnote={t('slaCompliance.owner.footnote')}
    >
      {owners.length === 0 ? (
        <p className="muted">{t('slaCompliance.owner.none')}</p>
      ) : (
        <ChartView
          spec={spec}
          label={t('slaCompliance.owner.title')}
          height={Math.max(150, owners.length * 44 + 70)}
          onSelect={(p) => owners[p.index] && onDrill(drill(owners[p.index]!, sides[p.series] ?? 'denominator'))}
        />
      )}
      <div className="table-scroll">
        <table className="table figure-table compact">
          <thead>
            <tr>
              <th>{t('slaCompliance.owner.owner')}</th>
              <th className="num">{t('slaCompliance.owner.handedOver')}</th>
              <th className="num">{t('slaCompliance.side.met')}</th>
              <th className="num">{t('slaCompliance.side.breached')}</th>
              <th className="num">{t('slaCompliance.side.pending')}</th>
              <th className="num">{t('analysis.columns.rate')}</th>
              <th className="num">{t('analysis.columns.interval')}</th>
            </tr>
          </thead>
          <tbody>
            {owners.map((o) => (
              <tr key={o.owner ?? ''}>
                <td>
                  {valueLabel(t, o.owner)} {o.small ? <SmallSample /> : null}
                </td>
                <td className="num">
                  <button type="button" className="link-button" onClick={() => onDrill(drill(o, 'denominator'))}>
                    {formatInteger(locale, o.handed_over)}
                  </button>
                </td>
                <td className="num">{formatInteger(locale, o.met)}</td>
                <td className="num">
                  {o.breached > 0 ? (
                    <button
                      type="button"
                      className="link-button text-bad"
                      onClick={() => onDrill(drill(o, 'breached'))}
                    >
                      {formatInteger(locale, o.breached)}
                    </button>
                  ) : (
                    formatInteger(locale, 0)
                  )}
                </td>
                <td className="num">{formatInteger(locale, o.pending)}</td>
                <td className="num strong">{pct(locale, o.rate)}</td>
                <td className="num muted">{interval(locale, o.ci_low, o.ci_high)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="subhead">{t('slaCompliance.delay.title')}</h3>
      <p className="muted small">{t('slaCompliance.delay.explain')}</p>
      <table className="table figure-table compact">
        <thead>
          <tr>
            <th>{t('slaCompliance.delay.kind')}</th>
            <th className="num">{t('analysis.columns.leads')}</th>
            <th className="num">{t('slaCompliance.delay.median')}</th>
            <th className="num">{t('slaCompliance.delay.p75')}</th>
          </tr>
        </thead>
        <tbody>
          {(
            [
              ['routing', f.routing_delay],
              ['rep', f.rep_delay],
            ] as const
          ).map(([kind, d]) => (
            <tr key={kind}>
              <td>{t(`slaCompliance.delay.${kind}`)}</td>
              <td className="num">{formatInteger(locale, d.n)}</td>
              <td className="num">{hours(d.median_hours)}</td>
              <td className="num">{hours(d.p75_hours)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </FigureCard>
  );
}
