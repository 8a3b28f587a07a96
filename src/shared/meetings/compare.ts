import { compare, normalCdf, SIGNIFICANCE } from '../metrics/stats';
import type { PeriodFigures } from '../metrics/types';
import type { Scorecard, ScorecardMeasureKey, Snapshot } from './types';

/**
 * Any figure of a snapshot, compared with the same figure in another snapshot (usually the
 * previous meeting's). Rates use the report's two-proportion test; counts a test of two Poisson
 * counts (conditional on their sum, normal approximation); durations only their difference.
 */
export type SnapshotFigure =
  | { readonly type: 'flow'; readonly stage: string }
  | { readonly type: 'conversion'; readonly from: string; readonly to: string }
  | { readonly type: 'velocity'; readonly from: string; readonly to: string }
  | { readonly type: 'stalled'; readonly stage: string }
  | { readonly type: 'followup'; readonly owner?: string | null }
  | { readonly type: 'quality' }
  | { readonly type: 'recycling' }
  | { readonly type: 'volume' }
  | { readonly type: 'arbitration' }
  | { readonly type: 'winloss'; readonly outcome: 'won' | 'lost'; readonly reason: string }
  | { readonly type: 'no_reason' }
  | { readonly type: 'lifetime' }
  | { readonly type: 'scorecard'; readonly measure: ScorecardMeasureKey };

export type FigureValue =
  | {
      readonly kind: 'proportion';
      readonly numerator: number;
      readonly denominator: number;
      readonly rate: number | null;
    }
  | { readonly kind: 'count'; readonly value: number }
  | { readonly kind: 'duration'; readonly n: number; readonly medianDays: number | null };

export interface FigureComparison {
  readonly current: FigureValue | null;
  readonly previous: FigureValue | null;
  /** current - previous: rate points (as a share), a count, or days of the median. */
  readonly diff: number | null;
  readonly pValue: number | null;
  readonly significant: boolean;
}

const share = (numerator: number, denominator: number): FigureValue => ({
  kind: 'proportion',
  numerator,
  denominator,
  rate: denominator > 0 ? numerator / denominator : null,
});

function fromScorecard(card: Scorecard, measure: ScorecardMeasureKey): FigureValue | null {
  const cell = card.measures.find((m) => m.key === measure)?.cells.at(-1);
  if (!cell) return null;
  if (measure === 'volume') return cell.value === null ? null : { kind: 'count', value: cell.value };
  return cell.numerator === null || cell.denominator === null ? null : share(cell.numerator, cell.denominator);
}

/** Reads one figure of the reviewed week; null when the snapshot does not have it. */
export function readFigure(snapshot: Snapshot, figure: SnapshotFigure): FigureValue | null {
  const r: PeriodFigures = snapshot.report;
  switch (figure.type) {
    case 'flow':
      return figure.stage in r.flow ? { kind: 'count', value: r.flow[figure.stage]! } : null;
    case 'stalled':
      return figure.stage in r.stalled ? { kind: 'count', value: r.stalled[figure.stage]! } : null;
    case 'conversion': {
      const c = r.conversion.find((x) => x.from === figure.from && x.to === figure.to);
      return c ? share(c.numerator, c.denominator) : null;
    }
    case 'velocity': {
      const v = r.velocity.find((x) => x.from === figure.from && x.to === figure.to);
      return v ? { kind: 'duration', n: v.n, medianDays: v.median_days } : null;
    }
    case 'followup': {
      if (figure.owner === undefined) return share(r.sla.followup.met, r.sla.followup.met + r.sla.followup.breached);
      const o = r.sla.followup.by_owner.find((x) => x.owner === figure.owner);
      return o ? share(o.met, o.met + o.breached) : null;
    }
    case 'quality':
      return share(r.sla.quality.numerator, r.sla.quality.denominator);
    case 'recycling':
      return share(r.sla.recycling.numerator, r.sla.recycling.denominator);
    case 'volume':
      return { kind: 'count', value: r.sla.volume.actual };
    case 'arbitration':
      return { kind: 'count', value: r.sla.arbitration.count };
    case 'winloss': {
      const all = r.winloss.filter((w) => w.outcome === figure.outcome).reduce((a, w) => a + w.count, 0);
      const row = r.winloss.find((w) => w.outcome === figure.outcome && w.reason === figure.reason);
      return share(row?.count ?? 0, all);
    }
    case 'no_reason':
      return share(r.no_reason.numerator, r.no_reason.denominator);
    case 'lifetime':
      return { kind: 'duration', n: r.kpis.lead_lifetime.n, medianDays: r.kpis.lead_lifetime.median_days };
    case 'scorecard':
      return fromScorecard(snapshot.scorecard, figure.measure);
  }
}

/** Two values of one figure; mismatched kinds (a stage renamed into another kind) do not compare. */
export function compareValues(current: FigureValue | null, previous: FigureValue | null): FigureComparison {
  const none = { current, previous, diff: null, pValue: null, significant: false };
  if (!current || !previous || current.kind !== previous.kind) return none;
  if (current.kind === 'proportion' && previous.kind === 'proportion') {
    const c = compare(current, previous);
    return {
      current,
      previous,
      diff: c?.diff ?? null,
      pValue: c?.p_value ?? null,
      significant: c?.significant ?? false,
    };
  }
  if (current.kind === 'count' && previous.kind === 'count') {
    const sum = current.value + previous.value;
    const p =
      sum > 0 ? Math.min(1, 2 * (1 - normalCdf(Math.abs(current.value - previous.value) / Math.sqrt(sum)))) : null;
    return {
      current,
      previous,
      diff: current.value - previous.value,
      pValue: p,
      significant: p !== null && p < SIGNIFICANCE,
    };
  }
  if (current.kind === 'duration' && previous.kind === 'duration') {
    const diff =
      current.medianDays !== null && previous.medianDays !== null
        ? Math.round((current.medianDays - previous.medianDays) * 10) / 10
        : null;
    return { ...none, diff };
  }
  return none;
}

/** One figure of this meeting against the same figure in another meeting's snapshot. */
export function compareSnapshots(
  current: Snapshot,
  previous: Snapshot | null,
  figure: SnapshotFigure,
): FigureComparison {
  return compareValues(readFigure(current, figure), previous ? readFigure(previous, figure) : null);
}
