import type { Workspace } from '../workspace/workspace';
import { drilldown } from '../metrics/drilldown';
import { AppError } from '../../shared/errors';
import { figureKey } from '../../shared/meetings/figure-key';
import type { MeetingDrillPage } from '../../shared/meetings/types';
import type { FigureRef } from '../../shared/metrics/types';
import { requireMeeting } from './access';
import { readSnapshot } from './snapshot';
import { SnapshotRepository } from './snapshot-repository';

/**
 * The leads behind a figure of a meeting's week. Frozen lists are served from the snapshot, so an
 * import of back-dated history or an edited lead after the start changes nothing here. A figure
 * whose list was too long to store (or that the snapshot does not list) is read with
 * `metrics.drilldown` as of the snapshot's instant, and says so.
 */
export function meetingDrilldown(
  ws: Workspace,
  input: { id: number; figure: FigureRef; offset: number; limit: number },
): MeetingDrillPage {
  const m = requireMeeting(ws, input.id);
  const snapshot = readSnapshot(ws, m.id);
  if (!snapshot) throw new AppError('meetings.notStarted', { title: m.title });
  const frozen = ws.repo(SnapshotRepository).drill(m.id, figureKey(input.figure));
  if (frozen?.complete) {
    return {
      total: frozen.total,
      offset: input.offset,
      limit: input.limit,
      leads: frozen.leads.slice(input.offset, input.offset + input.limit),
      source: 'snapshot',
      frozenTotal: frozen.total,
      asOf: snapshot.asOf,
    };
  }
  const live = drilldown(ws, {
    from: snapshot.week.from,
    to: snapshot.week.to,
    filters: {},
    withinDays: null,
    asOf: snapshot.asOf,
    figure: input.figure,
    offset: input.offset,
    limit: input.limit,
  });
  return { ...live, source: 'live', frozenTotal: frozen?.total ?? null, asOf: snapshot.asOf };
}
