import { METRIC_STAGE_SLOTS } from '../db/migrations/003_metrics';

/** One stage event of a lead, as the refresh reads it. */
export interface HistoryEvent {
  readonly id: number;
  readonly stageId: number;
  readonly enteredAt: number;
}

/**
 * How the refresh relates a lead's events: `rank` gives a stage's place at one instant (position,
 * then id); `reached` lists the stages that get an r<id> value (those with a slot; the others'
 * slots would be NULL anyway).
 */
export interface HistoryShape {
  readonly rank: ReadonlyMap<number, number>;
  readonly reached: readonly number[];
}

export function historyShape(stages: ReadonlyArray<{ id: number; position: number }>): HistoryShape {
  const ranked = [...stages].sort((a, b) => a.position - b.position || a.id - b.id);
  return {
    rank: new Map(ranked.map((s, i) => [s.id, i])),
    reached: stages
      .map((s) => s.id)
      .filter((id) => id <= METRIC_STAGE_SLOTS)
      .sort((a, b) => a - b),
  };
}

/** The columns `appendHistory` writes, in order: one row per event. */
export function historyColumns(shape: HistoryShape): string[] {
  return [
    'event_id',
    'prev_same_at',
    'prev_stage_id',
    'next_stage_id',
    'left_at',
    ...shape.reached.map((id) => `r${id}`),
  ];
}

/**
 * Appends to `out`, for each event of one lead, the values of `historyColumns` as migration 3's
 * `metricEventsInsert` defines them:
 * - the lead's events go by time, then stage rank, which gives the previous and next stage and the
 *   time the span ends (`left_at`);
 * - `prev_same_at` is the previous entry into the same stage;
 * - r<s> is the first entry into stage s at or after the event's instant, events at the same
 *   instant included whatever their order.
 * `events` is sorted in place.
 */
export function appendHistory(events: HistoryEvent[], shape: HistoryShape, out: Array<number | null>): void {
  const { rank, reached } = shape;
  if (events.length > 1)
    events.sort((a, b) => a.enteredAt - b.enteredAt || rank.get(a.stageId)! - rank.get(b.stageId)!);
  const n = events.length;
  // Walking back from the last instant, `reach` holds r<s> for the events at one instant.
  const reach = new Array<number | null>(reached.length).fill(null);
  const reachAt = new Array<Array<number | null>>(n);
  for (let end = n - 1; end >= 0;) {
    let start = end;
    while (start > 0 && events[start - 1]!.enteredAt === events[end]!.enteredAt) start--;
    for (let k = start; k <= end; k++) {
      const slot = reached.indexOf(events[k]!.stageId);
      if (slot >= 0) reach[slot] = events[k]!.enteredAt;
    }
    const shared = reach.slice();
    for (let k = start; k <= end; k++) reachAt[k] = shared;
    end = start - 1;
  }
  for (let k = 0; k < n; k++) {
    const e = events[k]!;
    let prevSame: number | null = null;
    for (let j = k - 1; j >= 0; j--)
      if (events[j]!.stageId === e.stageId) {
        prevSame = events[j]!.enteredAt;
        break;
      }
    const prev = k > 0 ? events[k - 1]! : null;
    const next = k + 1 < n ? events[k + 1]! : null;
    out.push(e.id, prevSame, prev?.stageId ?? null, next?.stageId ?? null, next?.enteredAt ?? null);
    for (const r of reachAt[k]!) out.push(r);
  }
}
