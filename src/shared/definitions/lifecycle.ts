import type { RevisionStatus } from './model';

/** What the lifecycle needs to know of a revision. */
export interface RevisionDates {
  readonly id: number;
  readonly version: number;
  readonly status: RevisionStatus;
  readonly effectiveFrom: number | null;
}

/** Agreed by both leaders: the only revisions that can ever be in force. */
export const AGREED: ReadonlySet<RevisionStatus> = new Set(['approved', 'effective', 'superseded']);
/** Still open for a decision. */
export const OPEN: ReadonlySet<RevisionStatus> = new Set(['draft', 'proposed']);

/**
 * The revision in force at an instant: the agreed revision with the latest effective date not
 * after it; on the same date the higher version (the later agreement) wins. Drafts, proposals,
 * rejected and withdrawn revisions never count. The same rule as src/main/documents.
 */
export function inForceAt<R extends RevisionDates>(revisions: readonly R[], at: number): R | null {
  let best: R | null = null;
  for (const r of revisions) {
    if (!AGREED.has(r.status) || r.effectiveFrom === null || r.effectiveFrom > at) continue;
    if (
      !best ||
      r.effectiveFrom > best.effectiveFrom! ||
      (r.effectiveFrom === best.effectiveFrom && r.version > best.version)
    )
      best = r;
  }
  return best;
}

/**
 * The status each agreed revision has at `now`: the one in force is `effective`, earlier ones
 * `superseded`, ones whose date has not come `approved`. Stored statuses are brought in line on
 * every write; readers use this so a read-only workspace shows the same.
 */
export function settledStatus(revisions: readonly RevisionDates[], r: RevisionDates, now: number): RevisionStatus {
  if (!AGREED.has(r.status)) return r.status;
  const current = inForceAt(revisions, now);
  if (current?.id === r.id) return 'effective';
  return r.effectiveFrom !== null && r.effectiveFrom <= now ? 'superseded' : 'approved';
}

/** One span of time during which one revision was in force, within [from, to). */
export interface InForceSpan<R> {
  readonly revision: R | null;
  readonly from: number;
  readonly to: number;
}

/** The revisions in force over [from, to), in order; null spans had no agreed revision. */
export function spansBetween<R extends RevisionDates>(
  revisions: readonly R[],
  from: number,
  to: number,
): Array<InForceSpan<R>> {
  const changes = [
    ...new Set(
      revisions
        .filter(
          (r) => AGREED.has(r.status) && r.effectiveFrom !== null && r.effectiveFrom > from && r.effectiveFrom < to,
        )
        .map((r) => r.effectiveFrom!),
    ),
  ].sort((a, b) => a - b);
  const bounds = [from, ...changes, to];
  const spans: Array<InForceSpan<R>> = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const revision = inForceAt(revisions, bounds[i]!);
    const last = spans[spans.length - 1];
    if (last && last.revision?.id === revision?.id) spans[spans.length - 1] = { ...last, to: bounds[i + 1]! };
    else spans.push({ revision, from: bounds[i]!, to: bounds[i + 1]! });
  }
  return spans;
}

/**
 * The agreed revisions that ever govern an instant, ascending by effective date, one per date
 * (the highest version): `inForceAt(t)` is the last entry whose date is not after t.
 */
export function governing<R extends RevisionDates>(revisions: readonly R[]): R[] {
  const byDate = new Map<number, R>();
  for (const r of revisions) {
    if (!AGREED.has(r.status) || r.effectiveFrom === null) continue;
    const other = byDate.get(r.effectiveFrom);
    if (!other || r.version > other.version) byDate.set(r.effectiveFrom, r);
  }
  return [...byDate.values()].sort((a, b) => a.effectiveFrom! - b.effectiveFrom!);
}
