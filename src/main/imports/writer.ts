import type { CompiledFile } from '../../shared/imports/compile';
import { TEXT_FIELDS } from '../../shared/imports/fields';
import type { LeadRecord, RowIssue } from '../../shared/imports/types';
import {
  CHANGED,
  clearFlag,
  DATED_BY_EVENT,
  flagsOf,
  INSERTED,
  lastSeen,
  LeadIndex,
  markSeen,
  MATCHED,
  setFlag,
  type LeadSlot,
} from './lead-index';
import { type LeadRepository, type LeadRow, type LeadValues } from './lead-repository';

export interface WriterCounts {
  leadsInserted: number;
  leadsUpdated: number;
  stageEventsAdded: number;
  stageEventsExisting: number;
  touchesAdded: number;
}

function earliest(rec: LeadRecord): number | null {
  let min: number | null = rec.touchAt;
  for (const e of rec.events) if (min === null || e.at < min) min = e.at;
  return min;
}

function hasLeadFields(rec: LeadRecord): boolean {
  return (
    rec.createdAt !== null ||
    rec.source !== null ||
    rec.campaign !== null ||
    rec.segment !== null ||
    rec.country !== null ||
    rec.owner !== null ||
    rec.score !== null ||
    rec.amount !== null ||
    rec.currency !== null ||
    rec.assignedAt !== null ||
    rec.outcomeReasonText !== null ||
    rec.outcomeReasonCode !== null ||
    rec.custom !== null
  );
}

function rowValues(row: LeadRow): LeadValues {
  return {
    created_at: row.created_at,
    source: row.source,
    campaign: row.campaign,
    segment: row.segment,
    country: row.country,
    owner: row.owner,
    score: row.score,
    amount: row.amount,
    currency: row.currency,
    assigned_at: row.assigned_at,
    outcome_reason_code: row.outcome_reason_code,
    outcome_reason_text: row.outcome_reason_text,
    custom: row.custom,
    updated_batch_id: row.updated_batch_id,
  };
}

function parseCustom(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? { ...parsed } : {};
  } catch {
    return {};
  }
}

/** The stored values with the row's values laid over them; null when nothing would change. */
export function mergeLead(current: LeadRow, rec: LeadRecord): LeadValues | null {
  const v = rowValues(current);
  let changed = false;
  if (rec.createdAt !== null && rec.createdAt !== v.created_at) {
    v.created_at = rec.createdAt;
    changed = true;
  }
  for (const f of TEXT_FIELDS) {
    const value = rec[f];
    if (value !== null && value !== v[f]) {
      v[f] = value;
      changed = true;
    }
  }
  if (rec.score !== null && rec.score !== v.score) {
    v.score = rec.score;
    changed = true;
  }
  if (rec.amount !== null && rec.amount !== v.amount) {
    v.amount = rec.amount;
    changed = true;
  }
  if (rec.currency !== null && rec.currency !== v.currency) {
    v.currency = rec.currency;
    changed = true;
  }
  if (rec.assignedAt !== null && rec.assignedAt !== v.assigned_at) {
    v.assigned_at = rec.assignedAt;
    changed = true;
  }
  // A new reason text brings its own code (or none): an old code must not stay beside new text.
  if (
    rec.outcomeReasonText !== null &&
    (rec.outcomeReasonText !== v.outcome_reason_text || rec.outcomeReasonCode !== v.outcome_reason_code)
  ) {
    v.outcome_reason_text = rec.outcomeReasonText;
    v.outcome_reason_code = rec.outcomeReasonCode;
    changed = true;
  } else if (
    rec.outcomeReasonText === null &&
    rec.outcomeReasonCode !== null &&
    rec.outcomeReasonCode !== v.outcome_reason_code
  ) {
    v.outcome_reason_code = rec.outcomeReasonCode;
    changed = true;
  }
  if (rec.custom !== null) {
    const custom = parseCustom(v.custom);
    let customChanged = false;
    for (const [k, value] of Object.entries(rec.custom)) {
      if (custom[k] !== value) {
        custom[k] = value;
        customChanged = true;
      }
    }
    if (customChanged) {
      v.custom = JSON.stringify(custom);
      changed = true;
    }
  }
  return changed ? v : null;
}

function newValues(rec: LeadRecord, createdAt: number): LeadValues {
  return {
    created_at: createdAt,
    source: rec.source,
    campaign: rec.campaign,
    segment: rec.segment,
    country: rec.country,
    owner: rec.owner,
    score: rec.score,
    amount: rec.amount,
    currency: rec.currency,
    assigned_at: rec.assignedAt,
    outcome_reason_code: rec.outcomeReasonCode,
    outcome_reason_text: rec.outcomeReasonText,
    custom: rec.custom === null ? '{}' : JSON.stringify(rec.custom),
    updated_batch_id: null,
  };
}

/**
 * Applies records to the workspace inside the batch's transaction: upsert by external id (an empty
 * cell never erases), stage events and first touches added once, and for every lead that existed
 * before the batch, a note of its previous values so undo can put them back.
 *
 * Rule for repeated ids: in a wide file (one row per lead) an id may appear once per file; a repeat
 * is rejected, naming the first row. Long files (one row per stage change) repeat ids by design, and
 * several files of one batch join on the id.
 */
export class BatchWriter {
  readonly counts: WriterCounts = {
    leadsInserted: 0,
    leadsUpdated: 0,
    stageEventsAdded: 0,
    stageEventsExisting: 0,
    touchesAdded: 0,
  };
  private readonly index = new LeadIndex();

  constructor(
    private readonly repo: LeadRepository,
    private readonly batchId: number,
  ) {}

  /** Existing leads the batch met and left as they were. */
  get leadsUnchanged(): number {
    return this.index.countFlags(MATCHED, CHANGED);
  }

  apply(rec: LeadRecord, file: CompiledFile, fileIndex: number, row: number, issues: RowIssue[]): boolean {
    const createdAt = rec.createdAt ?? earliest(rec);
    // New leads (the common case of a large import) cost one statement: the unique index on the
    // external id says whether the lead exists.
    if (createdAt !== null) {
      const leadId = this.repo.insertIfNew(rec.externalId, this.batchId, newValues(rec, createdAt));
      if (leadId !== null) {
        this.index.add(leadId, INSERTED | (rec.createdAt === null ? DATED_BY_EVENT : 0), fileIndex, row);
        this.counts.leadsInserted++;
        this.addEvents(leadId, rec);
        return true;
      }
    }
    const leadId = this.repo.findId(rec.externalId);
    if (leadId === undefined) {
      issues.push({
        file: file.fileName,
        row,
        column: file.id.column,
        value: rec.externalId,
        code: 'missingCreatedAt',
        params: {},
      });
      return false;
    }
    let slot = this.index.find(leadId);
    if (slot === null) {
      slot = this.index.add(leadId, MATCHED, fileIndex, row);
      this.repo.recordMatch(this.batchId, leadId);
    } else {
      const seen = lastSeen(slot);
      if (file.layout === 'wide' && seen.file === fileIndex) {
        issues.push({
          file: file.fileName,
          row,
          column: file.id.column,
          value: rec.externalId,
          code: 'duplicateId',
          params: { firstRow: seen.row },
        });
        return false;
      }
      markSeen(slot, fileIndex, row);
    }
    this.update(slot, leadId, rec);
    this.addEvents(leadId, rec);
    return true;
  }

  private update(slot: LeadSlot, leadId: number, rec: LeadRecord): void {
    const flags = flagsOf(slot);
    if (flags & DATED_BY_EVENT) {
      if (rec.createdAt !== null) clearFlag(slot, DATED_BY_EVENT);
      else {
        const at = earliest(rec);
        if (at !== null) this.repo.lowerCreatedAt(leadId, at);
      }
    }
    if (!hasLeadFields(rec)) return;
    const current = this.repo.get(leadId);
    if (!current) return;
    const next = mergeLead(current, rec);
    if (next === null) return;
    if (!(flags & INSERTED)) {
      if (!(flags & CHANGED)) {
        this.repo.recordChange(this.batchId, leadId, rowValues(current));
        setFlag(slot, CHANGED);
        this.counts.leadsUpdated++;
      }
      next.updated_batch_id = this.batchId;
    }
    this.repo.update(leadId, next);
  }

  private addEvents(leadId: number, rec: LeadRecord): void {
    // In time order: derived tables kept by triggers (metrics) then take their cheap append path.
    if (rec.events.length > 1) rec.events.sort((a, b) => a.at - b.at);
    for (const e of rec.events) {
      if (this.repo.insertEvent(leadId, e.stageId, e.at, e.reasonCode, e.reasonText, this.batchId))
        this.counts.stageEventsAdded++;
      else this.counts.stageEventsExisting++;
    }
    if (rec.touchAt !== null && this.repo.insertTouch(leadId, rec.touchAt, rec.touchChannel, this.batchId))
      this.counts.touchesAdded++;
  }
}
