import { DateTime } from 'luxon';
import type { WorkspaceInfo } from '../../../shared/domain/types';

/**
 * The last `weeks` complete ISO weeks of the workspace's data (ending with the week of its last
 * stage event), in the workspace zone: figures about "recent" leads mean the data's recent past,
 * not the calendar's, so an older export still shows something.
 */
export function recentWeeks(
  workspace: WorkspaceInfo,
  weeks: number,
): { from: string; to: string; fromMs: number; lastMs: number } | null {
  if (workspace.lastEventAt === null) return null;
  const last = DateTime.fromMillis(workspace.lastEventAt, { zone: workspace.timeZone });
  const sunday = last.startOf('week').plus({ days: 6 });
  const monday = sunday.minus({ days: 7 * weeks - 1 }).startOf('day');
  return {
    from: monday.toISODate()!,
    to: sunday.toISODate()!,
    fromMs: monday.toMillis(),
    lastMs: sunday.startOf('day').toMillis(),
  };
}

/** Local midnight of a YYYY-MM-DD date in the workspace zone, as epoch ms. */
export function startOfDate(date: string, zone: string): number {
  return DateTime.fromISO(date, { zone }).startOf('day').toMillis();
}

export function dateOf(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISODate()!;
}
