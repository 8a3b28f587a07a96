import type { Workspace } from '../workspace/workspace';
import { WorkspaceRepository } from '../workspace/repository';
import { AppError } from '../../shared/errors';
import type { BatchRef, LeadTimeline } from '../../shared/leads/types';
import { LeadsRepository } from './repository';

function parseCustom(json: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(
      Object.entries(parsed)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
    );
  } catch {
    return {};
  }
}

/** A lead's details, every stage event with its reason and batch, its touches, and the labels of the reasons used. */
export function leadTimeline(ws: Workspace, id: number): LeadTimeline {
  const repo = ws.repo(LeadsRepository);
  const lead = repo.detail(id);
  if (!lead) throw new AppError('leads.notFound', { id });
  const stages = new Map(
    ws
      .repo(WorkspaceRepository)
      .stages()
      .map((s) => [s.id, s.key]),
  );
  const batches = new Map<number, BatchRef | null>();
  const batch = (batchId: number | null): BatchRef | null => {
    if (batchId === null) return null;
    if (!batches.has(batchId)) batches.set(batchId, repo.batch(batchId) ?? null);
    return batches.get(batchId) ?? null;
  };
  const events = repo.events(id);
  const codes = new Set(
    [lead.outcome_reason_code, ...events.map((e) => e.reason_code)].filter((c): c is string => Boolean(c)),
  );
  return {
    lead: {
      id: lead.id,
      external_id: lead.external_id,
      created_at: lead.created_at,
      source: lead.source,
      campaign: lead.campaign,
      segment: lead.segment,
      country: lead.country,
      owner: lead.owner,
      score: lead.score,
      amount: lead.amount,
      currency: lead.currency,
      assigned_at: lead.assigned_at,
      outcome_reason_code: lead.outcome_reason_code,
      outcome_reason_text: lead.outcome_reason_text,
      custom: parseCustom(lead.custom),
      batch: batch(lead.batch_id),
      updated_batch: batch(lead.updated_batch_id),
    },
    events: events.map((e, i) => ({
      stage: stages.get(e.stage_id) ?? String(e.stage_id),
      entered_at: e.entered_at,
      reason_code: e.reason_code,
      reason_text: e.reason_text,
      left_at: events[i + 1]?.entered_at ?? null,
      batch: batch(e.batch_id),
    })),
    touches: repo.touches(id).map((t) => ({ touched_at: t.touched_at, channel: t.channel, batch: batch(t.batch_id) })),
    reasons: repo.reasons().filter((r) => codes.has(r.code)),
  };
}
