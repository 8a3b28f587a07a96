import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Locale } from '../../../../shared/domain/types';
import { compareSnapshots, type FigureValue, type SnapshotFigure } from '../../../../shared/meetings/compare';
import type { StepKind } from '../../../../shared/meetings/model';
import type { Snapshot } from '../../../../shared/meetings/types';
import { useLocale } from '../../../app-context';
import { days, funnelStages, pct, points, ratio, reasonLabel, stageLabel, valueLabel } from '../../../analysis/figures';
import { frozenReasons } from '../state/frozen';
import { signedDays, signedInteger } from '../labels';
import { formatInteger } from '../../../format';

interface Row {
  readonly key: string;
  readonly label: string;
  readonly figure: SnapshotFigure;
}

/** The figures a step shows, as `compareSnapshots` names them. */
export function stepFigures(kind: StepKind, snapshot: Snapshot, t: TFunction, locale: Locale): Row[] {
  const r = snapshot.report;
  const stage = (key: string) => stageLabel(r.stages, key, locale);
  const row = (label: string, figure: SnapshotFigure): Row => ({ key: JSON.stringify(figure), label, figure });
  if (kind === 'sla') {
    return [
      row(t('review.compare.followup'), { type: 'followup' }),
      row(t('review.compare.volume', { stage: stage(r.sla.handoff_stage) }), { type: 'volume' }),
      row(t('review.compare.quality', { from: stage(r.sla.handoff_stage), to: stage(r.sla.accepted_stage) }), {
        type: 'quality',
      }),
      row(t('review.compare.recycling'), { type: 'recycling' }),
      row(t('review.compare.arbitration'), { type: 'arbitration' }),
      ...r.sla.followup.by_owner.map((o) =>
        row(t('review.compare.followupOwner', { owner: valueLabel(t, o.owner) }), { type: 'followup', owner: o.owner }),
      ),
    ];
  }
  if (kind === 'funnel') {
    return [
      ...funnelStages(r.stages).map((s) =>
        row(t('review.compare.flow', { stage: stage(s.key) }), { type: 'flow', stage: s.key }),
      ),
      ...r.conversion.map((c) =>
        row(t('review.compare.conversion', { from: stage(c.from), to: stage(c.to) }), {
          type: 'conversion',
          from: c.from,
          to: c.to,
        }),
      ),
      ...r.velocity.map((v) =>
        row(t('review.compare.velocity', { from: stage(v.from), to: stage(v.to) }), {
          type: 'velocity',
          from: v.from,
          to: v.to,
        }),
      ),
      ...Object.keys(r.stalled).map((s) =>
        row(t('review.compare.stalled', { stage: stage(s) }), { type: 'stalled', stage: s }),
      ),
      row(t('review.compare.lifetime'), { type: 'lifetime' }),
    ];
  }
  if (kind === 'winloss') {
    const reasons = frozenReasons(snapshot);
    return [
      row(t('review.compare.noReason'), { type: 'no_reason' }),
      ...r.winloss.map((w) =>
        row(
          t('review.compare.reason', {
            outcome: t(`meetings.figure.${w.outcome}`),
            reason: reasonLabel(t, reasons, w.outcome, w.reason, locale),
          }),
          { type: 'winloss', outcome: w.outcome, reason: w.reason },
        ),
      ),
    ];
  }
  return [];
}

function show(t: TFunction, locale: Locale, v: FigureValue | null): string {
  if (!v) return '—';
  if (v.kind === 'proportion') return `${pct(locale, v.rate)} (${ratio(locale, v.numerator, v.denominator)})`;
  if (v.kind === 'count') return formatInteger(locale, v.value);
  return v.medianDays === null ? '—' : t('review.compare.days', { value: days(locale, v.medianDays) });
}

/**
 * Every figure of a step against the same figure in the previous meeting's snapshot, with the
 * verdict of the test where there is one (rates: two proportions; counts: two Poisson counts).
 */
export function CompareWithPrevious({
  kind,
  snapshot,
  previous,
}: {
  kind: StepKind;
  snapshot: Snapshot;
  previous: Snapshot | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!previous) return <p className="muted review-compare-none">{t('review.compare.noPrevious')}</p>;
  const rows = stepFigures(kind, snapshot, t, locale);
  return (
    <section className="card review-compare" aria-label={t('review.compare.title')}>
      <h3>{t('review.compare.title')}</h3>
      <p className="muted small">
        {t('review.compare.explain', { current: snapshot.week.week, previous: previous.week.week })}
      </p>
      <div className="table-scroll">
        <table className="table compact">
          <thead>
            <tr>
              <th>{t('review.compare.figure')}</th>
              <th className="num">{snapshot.week.week}</th>
              <th className="num">{previous.week.week}</th>
              <th className="num">{t('review.compare.change')}</th>
              <th>{t('review.compare.verdict')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const c = compareSnapshots(snapshot, previous, row.figure);
              const change =
                c.diff === null || !c.current
                  ? '—'
                  : c.current.kind === 'proportion'
                    ? t('review.compare.points', { value: points(locale, c.diff) })
                    : c.current.kind === 'count'
                      ? signedInteger(locale, c.diff)
                      : t('review.compare.days', { value: signedDays(locale, c.diff) });
              const verdict =
                c.diff === null
                  ? t('review.compare.nothing')
                  : c.current?.kind === 'duration'
                    ? t('review.compare.noTest')
                    : c.significant
                      ? t('review.compare.significant')
                      : t('review.compare.notSignificant');
              return (
                <tr key={row.key} className={c.significant ? 'review-significant' : undefined}>
                  <th scope="row">{row.label}</th>
                  <td className="num">{show(t, locale, c.current)}</td>
                  <td className="num">{show(t, locale, c.previous)}</td>
                  <td className="num nowrap">{change}</td>
                  <td>{c.significant ? <strong>{verdict}</strong> : verdict}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
