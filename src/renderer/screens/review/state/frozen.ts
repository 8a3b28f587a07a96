import type { ReasonName } from '../../../analysis/figures';
import type { TrendPoint } from '../../../analysis/trend';
import type { Snapshot } from '../../../../shared/meetings/types';

/**
 * What the analysis views need, read from a meeting's snapshot instead of the live data: the
 * weekly SLA points of the scorecard and the reason names as they were.
 */

const REASON_KINDS = ['win', 'loss', 'rejection', 'recycle'] as const;
const isReasonKind = (k: string): k is ReasonName['kind'] => (REASON_KINDS as readonly string[]).includes(k);

export function frozenReasons(snapshot: Pick<Snapshot, 'reasons'>): ReasonName[] {
  return snapshot.reasons.flatMap((r) =>
    isReasonKind(r.kind) ? [{ kind: r.kind, code: r.code, labels: r.labels }] : [],
  );
}

/**
 * The 13 scorecard weeks as the SLA view's weekly points: hand-offs against the weekly target and
 * follow-up, exactly as frozen. The key conversions are not part of the scorecard (null).
 */
export function scorecardWeeks(snapshot: Pick<Snapshot, 'scorecard'>): TrendPoint[] {
  const measure = (key: string) => snapshot.scorecard.measures.find((m) => m.key === key)?.cells ?? [];
  const volume = measure('volume');
  const followup = measure('followup');
  return snapshot.scorecard.weeks.map((w, i) => {
    const v = volume[i];
    const f = followup[i];
    return {
      period: { kind: 'week', from: w.from, to: w.to },
      qualification: null,
      close: null,
      handedOver: v?.value ?? 0,
      weeklyTarget: v?.goal ?? 0,
      followup: {
        numerator: f?.numerator ?? 0,
        denominator: f?.denominator ?? 0,
        rate: f?.value ?? null,
        ci_low: f?.ciLow ?? null,
        ci_high: f?.ciHigh ?? null,
        small: f?.small ?? false,
      },
    };
  });
}
