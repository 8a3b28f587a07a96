import { useTranslation } from 'react-i18next';
import type { CostFigure, FigureRef, Report } from '../../../shared/metrics/types';
import { costAttributable, costPer } from '../../../shared/metrics/cost';
import { useLocale } from '../../app-context';
import type { DrillRequest } from '../../analysis/drill';
import { FigureCard } from '../../analysis/FigureCard';
import { stageLabel } from '../../analysis/figures';
import { formatInteger, formatMoney } from '../../format';

/**
 * Cost per lead, per hand-off (MQL), per SQL and per won deal: imported marketing spend over the
 * period's entries from the same channels, by channel and for all of them, one table per currency.
 */
export function CostCard({ report, onDrill }: { report: Report; onDrill: (r: DrillRequest) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const stage = (key: string | undefined) => (key ? stageLabel(report.stages, key, locale) : '');
  const first = report.stages.find((s) => s.kind === 'funnel')?.key;
  const won = report.stages.find((s) => s.kind === 'won')?.key;
  const hasSql = report.stages.some((s) => s.key === 'sql');
  const flow = (key: string | undefined): FigureRef | null => (key ? { type: 'flow', stage: key } : null);
  // The won count is every won-kind stage's entries, as the service counts them.
  const columns = [
    { figure: flow(first), label: stage(first), n: (c: Count) => c.leads },
    { figure: flow(report.sla.handoff_stage), label: stage(report.sla.handoff_stage), n: (c: Count) => c.mqls },
    ...(hasSql ? [{ figure: flow('sql'), label: stage('sql'), n: (c: Count) => c.sqls }] : []),
    { figure: won ? ({ type: 'entries', kind: 'won' } as const) : null, label: stage(won), n: (c: Count) => c.won },
  ];
  const title = t('funnel.cost.title');
  if (report.cost.length === 0)
    return (
      <FigureCard title={title} explanation={t('analysis.explain.cost')} wide>
        <p className="muted">{!costAttributable(report.filters) ? t('funnel.cost.filtered') : t('funnel.cost.none')}</p>
      </FigureCard>
    );
  const money = (c: CostFigure, amount: number | null) =>
    amount === null ? '—' : formatMoney(locale, amount, c.currency);
  // The leads behind a count: that stage's entries from the channel's sources (as the leads spell them).
  const drill = (figure: FigureRef, label: string, channel: string, sources: readonly string[]) =>
    onDrill({
      figure,
      title: t('funnel.cost.drill', { stage: label, channel }),
      explanation: t('analysis.explain.cost'),
      scope: { filters: { ...report.filters, source: [...sources] } },
    });
  const row = (
    c: CostFigure,
    name: string,
    counts: Count & { spend: number; sources: readonly string[] },
    total = false,
  ) => (
    <tr key={name} className={total ? 'row-total' : undefined}>
      <td>{name}</td>
      <td className="num">{money(c, counts.spend)}</td>
      {columns.map((col) => {
        const n = col.n(counts);
        const figure = col.figure;
        return (
          <td key={col.label} className="num">
            <strong>{money(c, costPer(counts.spend, n))}</strong>{' '}
            {n > 0 && figure && counts.sources.length > 0 ? (
              <button
                type="button"
                className="link-button muted"
                onClick={() => drill(figure, col.label, name, counts.sources)}
              >
                ({formatInteger(locale, n)})
              </button>
            ) : (
              <span className="muted">({formatInteger(locale, n)})</span>
            )}
          </td>
        );
      })}
    </tr>
  );
  return (
    <FigureCard title={title} explanation={t('analysis.explain.cost')} footnote={t('funnel.cost.footnote')} wide>
      {report.cost.map((c) => (
        <div key={c.currency} className="table-scroll">
          <table className="table figure-table compact">
            <thead>
              <tr>
                <th>{t('funnel.cost.channel')}</th>
                <th className="num">{t('funnel.cost.spend', { currency: c.currency })}</th>
                {columns.map((col) => (
                  <th key={col.label} className="num">
                    {t('funnel.cost.per', { stage: col.label })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {c.by_channel.map((ch) => row(c, ch.channel, ch))}
              {row(c, t('funnel.cost.total'), { ...c, sources: c.by_channel.flatMap((ch) => ch.sources) }, true)}
            </tbody>
          </table>
        </div>
      ))}
    </FigureCard>
  );
}

type Count = Pick<CostFigure, 'leads' | 'mqls' | 'sqls' | 'won'>;
