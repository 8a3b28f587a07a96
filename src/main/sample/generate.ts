import { createHash } from 'node:crypto';
import type { Workspace } from '../workspace/workspace';
import { WorkspaceRepository } from '../workspace/repository';
import { IndexRepository } from '../imports/index-repository';
import { MetricsRefresh } from '../metrics/refresh';
import { AppError } from '../../shared/errors';
import { HOUR, dayNumber, defaultEndDay, isoDate } from './calendar';
import { WORKSPACE_NAME, WORKSPACE_TIME_ZONE } from './catalog';
import { insertDefinitions, insertReasons } from './definitions';
import { insertMeetings } from './meetings';
import { freezeSampleSnapshots } from './snapshots';
import { SampleRepository } from './repository';
import { simulateLead, type StageKey } from './story';
import { buildTimeline, type Timeline } from './timeline';
import { dailyCounts, draftLeadsOfDay } from './volume';
import { insertSpend } from './spend';

export interface SampleOptions {
  readonly seed: number;
  readonly leads: number;
  /** Last day (YYYY-MM-DD) of the generated 12 months; defaults to the Sunday ending last week. */
  readonly end?: string;
}

export interface SampleSummary {
  readonly leads: number;
  readonly stageEvents: number;
  readonly meetings: number;
}

const GENERATION_CACHE_KIB = -65_536;

function checkOptions(options: SampleOptions): number {
  const { seed, leads, end } = options;
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new AppError('sample.invalidOption', { option: 'seed', value: String(seed) });
  if (!Number.isSafeInteger(leads) || leads < 1)
    throw new AppError('sample.invalidOption', { option: 'leads', value: String(leads) });
  if (end === undefined) return defaultEndDay(Date.now());
  try {
    return dayNumber(end);
  } catch {
    throw new AppError('sample.invalidOption', { option: 'end', value: end });
  }
}

function stageIds(ws: Workspace): Record<StageKey, number> {
  const byKey = new Map(
    ws
      .repo(WorkspaceRepository)
      .stages()
      .map((s) => [s.key, s.id]),
  );
  const id = (key: StageKey): number => {
    const found = byKey.get(key);
    if (found === undefined) throw new AppError('sample.missingStage', { stage: key });
    return found;
  };
  return {
    lead: id('lead'),
    mql: id('mql'),
    sal: id('sal'),
    sql: id('sql'),
    opportunity: id('opportunity'),
    won: id('won'),
    lost: id('lost'),
    recycled: id('recycled'),
    disqualified: id('disqualified'),
  };
}

/**
 * Leads are generated day by day and written as soon as their story is known, so memory stays
 * bounded by one day's leads whatever the size of the sample.
 */
function insertLeads(
  repo: SampleRepository,
  timeline: Timeline,
  options: SampleOptions,
  stages: Record<StageKey, number>,
  batchId: number,
) {
  const counts = dailyCounts(timeline, options.leads, options.seed);
  let id = 0;
  let stageEvents = 0;
  let touches = 0;
  for (let i = 0; i < counts.length; i++) {
    const day = timeline.startDay + i;
    for (const draft of draftLeadsOfDay(day, counts[i] ?? 0, options.seed, timeline)) {
      id++;
      const story = simulateLead(draft, timeline);
      repo.insertLead({
        id,
        externalId: `ACME-${String(id).padStart(7, '0')}`,
        createdAt: draft.createdAt,
        source: draft.source.label,
        campaign: draft.campaign,
        segment: draft.segment.name,
        country: draft.country.name,
        owner: story.owner,
        score: draft.score,
        amount: story.amount,
        currency: story.currency,
        assignedAt: story.assignedAt,
        outcomeReasonCode: story.outcomeCode,
        outcomeReasonText: story.outcomeText,
        custom: JSON.stringify({ industry: draft.industry, employees: draft.employees }),
        batchId,
      });
      for (const t of story.touches) repo.insertTouch(id, t.at, t.channel, batchId);
      for (const e of story.events)
        repo.insertStageEvent(id, stages[e.stage], e.at, e.reasonCode, e.reasonText, batchId);
      stageEvents += story.events.length;
      touches += story.touches.length;
    }
  }
  return { leads: id, stageEvents, touches };
}

/**
 * Fills a freshly created workspace with the sample: a believable, seeded, deterministic year of a
 * B2B funnel ending on `end`, with definitions, reasons and three past meetings. One transaction:
 * a failure leaves the workspace as it was.
 */
export function generateSample(ws: Workspace, options: SampleOptions): SampleSummary {
  ws.assertWritable();
  const endDay = checkOptions(options);
  const repo = ws.repo(SampleRepository);
  if (repo.leadCount() > 0) throw new AppError('sample.notEmpty', { path: ws.path });
  const stages = stageIds(ws);
  const timeline = buildTimeline(endDay);

  // A larger page cache for this one big transaction (64 MiB, still bounded); restored afterwards.
  const cacheSize: unknown = ws.db.pragma('cache_size', { simple: true });
  ws.db.pragma(`cache_size = ${GENERATION_CACHE_KIB}`);
  try {
    return write(ws, repo, timeline, options, stages);
  } finally {
    ws.db.pragma(`cache_size = ${typeof cacheSize === 'number' ? cacheSize : -2000}`);
  }
}

function write(
  ws: Workspace,
  repo: SampleRepository,
  timeline: Timeline,
  options: SampleOptions,
  stages: Record<StageKey, number>,
): SampleSummary {
  const end = isoDate(timeline.endDay);
  return ws.db.transaction((): SampleSummary => {
    const settings = ws.repo(WorkspaceRepository);
    settings.setSetting('workspace.name', WORKSPACE_NAME);
    settings.setSetting('workspace.timeZone', WORKSPACE_TIME_ZONE);
    const batchId = repo.insertBatch({
      fileName: 'sample',
      fileHash: createHash('sha256')
        .update(`funnel-review-sample|${options.seed}|${end}|${options.leads}`)
        .digest('hex'),
      preset: 'sample',
      createdBy: 'Funnel Review',
      createdAt: timeline.office.at(timeline.endDay, 19),
    });
    insertReasons(repo);
    // As bulk imports do: secondary indexes built once at the end, inside this transaction.
    const indexes = ws.repo(IndexRepository);
    const deferred = indexes.drop();
    const figures = ws.repo(MetricsRefresh);
    figures.defer();
    const counts = insertLeads(repo, timeline, options, stages, batchId);
    indexes.rebuild(deferred);
    figures.refresh();
    insertSpend(ws, repo, timeline, options.seed);
    const meetings = insertMeetings(repo, timeline);
    insertDefinitions(repo, timeline, options.leads, meetings.lastEndedAt + 2 * HOUR);
    freezeSampleSnapshots(ws);
    repo.setBatchCounts(batchId, counts);
    return { leads: counts.leads, stageEvents: counts.stageEvents, meetings: meetings.count };
  })();
}
