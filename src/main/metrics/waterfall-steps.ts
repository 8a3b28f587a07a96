import type { Stage } from '../../shared/domain/types';
import type { WATERFALL_STEPS } from '../../shared/metrics/types';

type Step = (typeof WATERFALL_STEPS)[number];
export type EntryStep = Extract<Step, `in_${string}`>;
export type ExitStep = Extract<Step, `out_${string}`>;

/**
 * The waterfall step of an entry into `stage` from `prev` (undefined: the lead's first event). The
 * report counts by it and the drill-down lists by it, so a step's leads are the ones it counts.
 */
export function entryStep(stage: Stage, prev: Stage | undefined): EntryStep {
  if (!prev) return 'in_new';
  if (prev.kind === 'funnel') return prev.position < stage.position ? 'in_advanced' : 'in_moved_back';
  return prev.kind === 'recycled' ? 'in_returned' : 'in_reopened';
}

/** The waterfall step of an exit from `stage` to `next`. */
export function exitStep(stage: Stage, next: Stage): ExitStep {
  switch (next.kind) {
    case 'funnel':
      return next.position > stage.position ? 'out_advanced' : 'out_moved_back';
    case 'recycled':
      return 'out_recycled';
    case 'won':
      return 'out_won';
    case 'lost':
      return 'out_lost';
    case 'disqualified':
      return 'out_disqualified';
  }
}
