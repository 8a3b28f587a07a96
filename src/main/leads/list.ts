import type { Workspace } from '../workspace/workspace';
import { WorkspaceRepository } from '../workspace/repository';
import type { Stage } from '../../shared/domain/types';
import type { LeadPage, LeadRow, ParsedLeadQuery } from '../../shared/leads/types';
import { figureLeadIds } from './figure';
import { isRestricted, leadOrder, leadWhere } from './query';
import { LeadsRepository, type LeadRecordRow } from './repository';

const SNAPSHOT_TABLE = 'temp.leads_list';

/** What a connection remembers between pages: the current list's ids and the total of the whole table. */
interface ListState {
  /** Rows this module wrote to temp tables, which are not data changes. */
  ownChanges: number;
  snapshot: { readonly key: string; readonly stamp: string; readonly total: number } | null;
  count: { readonly stamp: string; readonly total: number } | null;
}

const states = new WeakMap<Workspace, ListState>();

export function stateOf(ws: Workspace): ListState {
  let state = states.get(ws);
  if (!state) {
    state = { ownChanges: 0, snapshot: null, count: null };
    states.set(ws, state);
  }
  return state;
}

/** The query without its page: two requests with the same key list the same leads in the same order. */
function queryKey(query: ParsedLeadQuery): string {
  return JSON.stringify([
    query.filters,
    query.stages,
    query.search,
    query.createdFrom,
    query.createdTo,
    query.figure,
    query.sort,
  ]);
}

function customValues(json: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== 'object' || parsed === null) return {};
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(parsed))
      if (v !== null && v !== undefined) out[k] = typeof v === 'string' ? v : JSON.stringify(v);
    return out;
  } catch {
    return {};
  }
}

/** A row for the wire; `withCustom: false` skips parsing the custom fields' JSON (an export without custom columns). */
export function toLeadRow(r: LeadRecordRow, stageKey: ReadonlyMap<number, string>, withCustom = true): LeadRow {
  return {
    id: r.id,
    external_id: r.external_id,
    created_at: r.created_at,
    stage: r.stage_id === null ? null : (stageKey.get(r.stage_id) ?? null),
    stage_at: r.stage_at,
    source: r.source,
    campaign: r.campaign,
    segment: r.segment,
    country: r.country,
    owner: r.owner,
    score: r.score,
    amount: r.amount,
    currency: r.currency,
    assigned_at: r.assigned_at,
    first_touch_at: r.first_touch_at,
    reason_code: r.reason_code,
    reason_text: r.reason_text,
    batch: r.batch,
    custom: withCustom ? customValues(r.custom) : {},
  };
}

/**
 * Builds the ordered id list of a restricted query into a temp table (the count comes with it),
 * so scrolling is a primary-key range read whatever the filters and the sort cost once.
 */
function buildSnapshot(
  ws: Workspace,
  repo: LeadsRepository,
  state: ListState,
  query: ParsedLeadQuery,
  stages: readonly Stage[],
  stamp: string,
): number {
  if (query.figure) state.ownChanges += repo.fillFigure(figureLeadIds(ws, query.figure));
  try {
    const total = repo.snapshot(
      SNAPSHOT_TABLE,
      leadWhere(query, stages, ws.settings().timeZone),
      leadOrder(query, { sortAfter: true }),
    );
    state.ownChanges += total;
    state.snapshot = { key: queryKey(query), stamp, total };
    return total;
  } finally {
    if (query.figure) repo.drop('temp.leads_figure');
  }
}

/**
 * A page of the whole table in index order. OFFSET still steps over the rows before the page, so
 * a page in the second half is read from the other end in the reverse order (the reverse of the
 * order is exact: ties are broken by id, and NULLs sort first ascending, last descending) and
 * turned around: the worst page is the middle one instead of the last.
 */
function pageFromNearerEnd(
  repo: LeadsRepository,
  query: ParsedLeadQuery,
  total: number,
  offset: number,
  limit: number,
): number[] {
  const count = Math.min(limit, total - offset);
  if (offset + count / 2 <= total / 2) return repo.orderedIds(leadOrder(query), offset, count);
  const reversed: ParsedLeadQuery = {
    ...query,
    sort: { ...query.sort, direction: query.sort.direction === 'asc' ? 'desc' : 'asc' },
  };
  return repo.orderedIds(leadOrder(reversed), total - offset - count, count).reverse();
}

/** One page of a lead query. An unrestricted list reads pages straight from the sort column's index. */
export function listLeads(ws: Workspace, query: ParsedLeadQuery, offset: number, limit: number): LeadPage {
  const repo = ws.repo(LeadsRepository);
  const stages = ws.repo(WorkspaceRepository).stages();
  const state = stateOf(ws);
  const stamp = repo.stamp(state.ownChanges);
  let total: number;
  let ids: number[];
  if (!isRestricted(query)) {
    if (state.count?.stamp !== stamp) state.count = { stamp, total: repo.countAll() };
    total = state.count.total;
    ids = offset < total ? pageFromNearerEnd(repo, query, total, offset, limit) : [];
  } else {
    const current = state.snapshot;
    total =
      current && current.key === queryKey(query) && current.stamp === stamp
        ? current.total
        : buildSnapshot(ws, repo, state, query, stages, stamp);
    ids = offset < total ? repo.snapshotIds(SNAPSHOT_TABLE, offset, limit) : [];
  }
  const stageKey = new Map(stages.map((s) => [s.id, s.key]));
  return { total, offset, rows: repo.rows(ids).map((r) => toLeadRow(r, stageKey)) };
}
