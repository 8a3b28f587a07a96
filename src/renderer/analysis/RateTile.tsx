import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Proportion, ProportionChange } from '../../shared/metrics/stats';
import { useLocale } from '../app-context';
import { wholeFigures } from '../components/WholeFigures';
import { ComparisonChip } from './ComparisonChip';
import { SmallSample } from './FigureCard';
import { interval, pct, ratio } from './figures';
import type { CompareMode } from './scope';

export interface RateTileProps {
  readonly title: string;
  readonly figure: Proportion;
  readonly change?: ProportionChange | null;
  readonly compare: CompareMode;
  /** e.g. "target 50%": shown under the rate, coloured by whether it is met. */
  readonly target?: { readonly value: number; readonly met: boolean | null };
  readonly higherIsBetter?: boolean;
  /** Opens the leads behind the rate. */
  readonly onDrill?: () => void;
  /** What numerator and denominator are ("touched in time / judged"). */
  readonly ratioLabel?: string;
}

/** A headline rate: the value, its leads, its 95% interval, its change and the small-sample mark. */
export function RateTile({
  title,
  figure,
  change,
  compare,
  target,
  higherIsBetter = true,
  onDrill,
  ratioLabel,
}: RateTileProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const body = (
    <>
      <span className="tile-title">{title}</span>
      <span className="tile-value">{pct(locale, figure.rate)}</span>
      <span className="tile-line">
        {ratioLabel ?? t('analysis.ratio')}{' '}
        <span className="whole-figure">{ratio(locale, figure.numerator, figure.denominator)}</span>
      </span>
      {figure.rate !== null ? (
        <span className="tile-line muted">
          {wholeFigures((values) => t('analysis.interval', values), {
            range: interval(locale, figure.ci_low, figure.ci_high),
          })}
        </span>
      ) : null}
      {target ? (
        <span
          className={
            target.met === null ? 'tile-line muted' : target.met ? 'tile-line text-good' : 'tile-line text-bad'
          }
        >
          {wholeFigures((values) => t('analysis.target', values), { value: pct(locale, target.value) })}
          {target.met === null ? '' : ` · ${target.met ? t('analysis.targetMet') : t('analysis.targetMissed')}`}
        </span>
      ) : null}
    </>
  );
  return (
    <div className="tile">
      {onDrill ? (
        <button type="button" className="tile-main" onClick={onDrill} title={t('analysis.drill.hint')}>
          {body}
        </button>
      ) : (
        <div className="tile-main">{body}</div>
      )}
      <div className="tile-badges">
        <ComparisonChip change={change} mode={compare} higherIsBetter={higherIsBetter} stacked />
        {figure.small ? <SmallSample /> : null}
      </div>
    </div>
  );
}

/** A headline count (not a rate: no interval, no test), with the comparison period's count beside it. */
export function CountTile({
  title,
  value,
  previous,
  compareLabel,
  onDrill,
  note,
  tone,
}: {
  title: string;
  value: string;
  previous: string | null;
  compareLabel: string;
  onDrill?: () => void;
  /** A line under the value; {@link wholeFigures} keeps a figure in it on one line. */
  note?: ReactNode;
  /** Colours the note: a target met or missed. */
  tone?: 'good' | 'bad';
}) {
  const body = (
    <>
      <span className="tile-title">{title}</span>
      <span className="tile-value">{value}</span>
      {note ? <span className={tone ? `tile-line tile-note-${tone}` : 'tile-line'}>{note}</span> : null}
    </>
  );
  return (
    <div className="tile">
      {onDrill ? (
        <button type="button" className="tile-main" onClick={onDrill}>
          {body}
        </button>
      ) : (
        <div className="tile-main">{body}</div>
      )}
      {previous !== null ? (
        <div className="tile-badges">
          <span className="chip chip-none">
            {compareLabel}: {previous}
          </span>
        </div>
      ) : null}
    </div>
  );
}
