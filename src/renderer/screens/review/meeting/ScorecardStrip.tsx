import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../shared/domain/types';
import { compareSnapshots } from '../../../../shared/meetings/compare';
import type { ScorecardCell, ScorecardMeasure, Snapshot } from '../../../../shared/meetings/types';
import { useLocale } from '../../../app-context';
import { pct, points } from '../../../analysis/figures';
import { Sparkline, type SparkMark } from '../../../components/Sparkline';
import { formatDecimal, formatInteger } from '../../../format';
import { signedInteger } from '../labels';

const MARK: Record<ScorecardCell['status'], SparkMark> = { met: 'good', missed: 'bad', no_data: 'none' };
const SIGN: Record<ScorecardCell['status'], string> = { met: '✓', missed: '✕', no_data: '–' };

function valueText(locale: Locale, measure: ScorecardMeasure, v: number | null): string {
  if (v === null) return '—';
  return measure.unit === 'count' ? formatInteger(locale, v) : pct(locale, v);
}

function goalText(locale: Locale, measure: ScorecardMeasure, goal: number): string {
  return measure.unit === 'count' ? formatDecimal(locale, goal, goal % 1 === 0 ? 0 : 1) : pct(locale, goal);
}

/** This week against the previous meeting's week, in the measure's unit, with the test's verdict. */
function VsPrevious({
  snapshot,
  previous,
  measure,
}: {
  snapshot: Snapshot;
  previous: Snapshot;
  measure: ScorecardMeasure;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const c = compareSnapshots(snapshot, previous, { type: 'scorecard', measure: measure.key });
  if (c.diff === null) return <span className="muted">{t('review.scorecard.noComparison')}</span>;
  const change =
    measure.unit === 'count'
      ? signedInteger(locale, c.diff)
      : t('review.compare.points', { value: points(locale, c.diff) });
  return (
    <span className={c.significant ? 'review-vs significant' : 'review-vs'}>
      {t('review.scorecard.vsPrevious', { change })}{' '}
      <span className="muted">
        {t('review.scorecard.verdict', {
          verdict: c.significant ? t('review.compare.significant') : t('review.compare.notSignificant'),
        })}
      </span>
    </span>
  );
}

/**
 * The agreed weekly measures against their goals on every step: this week's value, the goal, the
 * verdict in words and a mark, and the last 13 weeks as a sparkline (all frozen with the meeting).
 */
export function ScorecardStrip({ snapshot, previous }: { snapshot: Snapshot; previous: Snapshot | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section className="scorecard-strip" aria-label={t('review.scorecard.title')}>
      {snapshot.scorecard.measures.map((m) => {
        const cell = m.cells.at(-1);
        const status = cell?.status ?? 'no_data';
        const name = t(`meetings.measure.${m.key}`);
        return (
          <div key={m.key} className={`scorecard-tile scorecard-${status}`}>
            <div className="scorecard-head">
              <span className="scorecard-name">{name}</span>
              <span className={`scorecard-verdict verdict-${status}`}>
                <span aria-hidden="true">{SIGN[status]}</span> {t(`meetings.cellStatus.${status}`)}
              </span>
            </div>
            <div className="scorecard-body">
              <div className="scorecard-figure">
                <span className="scorecard-value">{valueText(locale, m, cell?.value ?? null)}</span>
                <span className="scorecard-goal">
                  {t(m.unit === 'count' ? 'review.scorecard.goalCount' : 'review.scorecard.goalRate', {
                    goal: cell ? goalText(locale, m, cell.goal) : '—',
                  })}
                </span>
              </div>
              <Sparkline
                values={m.cells.map((c) => c.value)}
                marks={m.cells.map((c) => MARK[c.status])}
                goal={cell?.goal ?? null}
                titles={m.cells.map((c) =>
                  t('review.scorecard.pointTitle', {
                    week: c.week,
                    value: valueText(locale, m, c.value),
                    verdict: t(`meetings.cellStatus.${c.status}`),
                  }),
                )}
                label={t('review.scorecard.sparkLabel', { measure: name, weeks: m.cells.length })}
              />
            </div>
            {previous ? (
              <div className="scorecard-foot small">
                <VsPrevious snapshot={snapshot} previous={previous} measure={m} />
              </div>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}
