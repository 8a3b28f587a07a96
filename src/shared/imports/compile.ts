import { AppError } from '../errors';
import { restoreCell } from '../export/formula';
import { findColumn } from './columns';
import { dateFormatsFor, parseDate, type DateOrder, type ZoneClock } from './dates';
import {
  CUSTOM_TARGET_PREFIX,
  REASON_CODE_PATTERN,
  STAGE_TARGET_PREFIX,
  TEXT_FIELDS,
  customTarget,
  isRepeatable,
  type Target,
  type TextField,
} from './fields';
import type { FormatDecisions } from './formats';
import type { FileMapping } from './mapping';
import { currencyCode, parseNumber, type DecimalSeparator } from './numbers';
import { reasonResolver, type ReasonRef } from './reasons';
import { isClosingKind, stageResolver, type StageRef, type StageResolver } from './stages';
import type { IssueCode, LeadRecord, RowIssue, StageEventRecord, UnmappedValue } from './types';

/** What a mapping is compiled against: the workspace's stages, reasons, time zone and currency. */
export interface CompileContext {
  readonly stages: readonly StageRef[];
  readonly reasons: readonly ReasonRef[];
  readonly clock: ZoneClock;
  readonly currency: string;
}

/** Where a target's value comes from: a column of the row, or a constant of the mapping. */
interface Source {
  readonly index: number;
  readonly column: string;
  readonly constant: string;
}

interface DateSource extends Source {
  readonly order: DateOrder;
  readonly expected: string;
  readonly cache: Map<string, number>;
}

interface NumberSource extends Source {
  readonly decimal: DecimalSeparator;
}

const MAX_ID_LENGTH = 200;
const MAX_UNMAPPED = 1000;

function emptyRecord(externalId: string): LeadRecord {
  return {
    externalId,
    createdAt: null,
    source: null,
    campaign: null,
    segment: null,
    country: null,
    owner: null,
    score: null,
    amount: null,
    currency: null,
    assignedAt: null,
    outcomeReasonText: null,
    outcomeReasonCode: null,
    custom: null,
    events: [],
    touchAt: null,
    touchChannel: null,
  };
}

function isTextField(t: Target): t is TextField {
  return (TEXT_FIELDS as readonly string[]).includes(t);
}

/**
 * A file mapping bound to one file's headers and one workspace: turns each row (cells as text) into a
 * `LeadRecord`, or into issues naming the row, column, value and what was expected. Compiling fails
 * with a specific error (and changes nothing) when the mapping cannot fit the file at all.
 */
export class CompiledFile {
  readonly layout: 'wide' | 'long';
  readonly id: Source;
  private idSource: Source | null = null;
  private readonly texts: Array<{ field: TextField; src: Source }> = [];
  private readonly customs: Array<{ name: string; src: Source }> = [];
  private created: DateSource | null = null;
  private assigned: DateSource | null = null;
  private touch: DateSource | null = null;
  private touchChannel: Source | null = null;
  private score: NumberSource | null = null;
  private amount: NumberSource | null = null;
  private currency: Source | null = null;
  private outcomeText: Source | null = null;
  private outcomeCode: Source | null = null;
  private readonly stageDates: Array<{ stage: StageRef; src: DateSource }> = [];
  private status: Source | null = null;
  private statusAt: DateSource | null = null;
  private stage: Source | null = null;
  private enteredAt: DateSource | null = null;
  private eventText: Source | null = null;
  private eventCode: Source | null = null;
  private readonly resolveStage: StageResolver;
  private readonly resolveReason: (text: string) => string | null;
  private readonly nulls: ReadonlySet<string>;
  private readonly unescape: boolean;
  private readonly unmappedStageCounts = new Map<string, { column: string; value: string; count: number }>();
  private readonly unknownReasonCounts = new Map<string, { column: string; value: string; count: number }>();

  constructor(
    readonly fileName: string,
    readonly mapping: FileMapping,
    readonly headers: readonly string[],
    private readonly ctx: CompileContext,
    formats: FormatDecisions,
  ) {
    this.resolveStage = stageResolver(ctx.stages, mapping.stageValues);
    this.resolveReason = reasonResolver(ctx.reasons, mapping.reasonValues);
    this.nulls = new Set(mapping.nullValues.map((v) => v.trim().toLowerCase()));
    this.unescape = mapping.unescapeFormulas;
    for (const [value, key] of Object.entries(mapping.stageValues)) {
      if (key !== null && !ctx.stages.some((s) => s.key === key))
        throw new AppError('imports.unknownStageKey', { file: fileName, stage: key, value });
    }

    const used = new Map<Target, string>();
    const mappedColumns = new Set<number>();
    const bind = (target: Target, src: Source): void => {
      const previous = used.get(target);
      if (previous !== undefined && !isRepeatable(target) && !target.startsWith(STAGE_TARGET_PREFIX)) {
        throw new AppError('imports.duplicateTarget', {
          file: fileName,
          target,
          columns: `${previous}, ${src.column}`,
        });
      }
      used.set(target, src.column);
      this.bindTarget(target, src, formats);
    };
    for (const { column, target } of mapping.columns) {
      const index = findColumn(headers, column);
      if (index < 0) {
        throw new AppError('imports.columnNotFound', {
          file: fileName,
          column,
          available: headers.slice(0, 12).join(', '),
        });
      }
      mappedColumns.add(index);
      if (target !== 'ignore') bind(target, { index, column: headers[index]!, constant: '' });
    }
    for (const { target, value } of mapping.constants) {
      if (target !== 'ignore') bind(target, { index: -1, column: `= ${value}`, constant: value });
    }
    if (mapping.unmappedColumns === 'custom') {
      headers.forEach((h, index) => {
        const name = h.trim();
        if (!mappedColumns.has(index) && name !== '' && !used.has(customTarget(name)))
          bind(customTarget(name), { index, column: h, constant: '' });
      });
    }
    const id = this.idSource;
    if (!id) throw new AppError('imports.noIdColumn', { file: fileName, headers: headers.slice(0, 12).join(', ') });
    this.id = id;
    if ((this.stage === null) !== (this.enteredAt === null)) {
      throw new AppError('imports.longLayoutIncomplete', {
        file: fileName,
        missing: this.stage === null ? 'stage' : 'entered_at',
      });
    }
    if (this.statusAt !== null && this.status === null)
      throw new AppError('imports.statusDateWithoutStatus', { file: fileName, column: this.statusAt.column });
    this.layout = this.stage !== null ? 'long' : 'wide';
    this.checkConstants();
  }

  private dateSource(src: Source, formats: FormatDecisions): DateSource {
    const order =
      formats.dates.find((d) => d.column === src.column)?.order ?? (this.mapping.dateOrder === 'mdy' ? 'mdy' : 'dmy');
    return { ...src, order, expected: dateFormatsFor(order), cache: new Map() };
  }

  private numberSource(src: Source, formats: FormatDecisions): NumberSource {
    const decimal =
      formats.decimals.find((d) => d.column === src.column)?.decimal ??
      (this.mapping.decimalSeparator === ',' ? ',' : '.');
    return { ...src, decimal };
  }

  private bindTarget(target: Target, src: Source, formats: FormatDecisions): void {
    if (isTextField(target)) {
      this.texts.push({ field: target, src });
      return;
    }
    if (target.startsWith(CUSTOM_TARGET_PREFIX)) {
      this.customs.push({ name: target.slice(CUSTOM_TARGET_PREFIX.length), src });
      return;
    }
    if (target.startsWith(STAGE_TARGET_PREFIX)) {
      const key = target.slice(STAGE_TARGET_PREFIX.length);
      const stage = this.ctx.stages.find((s) => s.key === key);
      if (!stage) throw new AppError('imports.unknownStageKey', { file: this.fileName, stage: key, value: src.column });
      this.stageDates.push({ stage, src: this.dateSource(src, formats) });
      return;
    }
    switch (target) {
      case 'lead_id':
        this.idSource = src;
        break;
      case 'created_at':
        this.created = this.dateSource(src, formats);
        break;
      case 'assigned_at':
        this.assigned = this.dateSource(src, formats);
        break;
      case 'first_touch_at':
        this.touch = this.dateSource(src, formats);
        break;
      case 'first_touch_channel':
        this.touchChannel = src;
        break;
      case 'score':
        this.score = this.numberSource(src, formats);
        break;
      case 'amount':
        this.amount = this.numberSource(src, formats);
        break;
      case 'currency':
        this.currency = src;
        break;
      case 'outcome_reason':
        this.outcomeText = src;
        break;
      case 'outcome_reason_code':
        this.outcomeCode = src;
        break;
      case 'status':
        this.status = src;
        break;
      case 'status_at':
        this.statusAt = this.dateSource(src, formats);
        break;
      case 'stage':
        this.stage = src;
        break;
      case 'entered_at':
        this.enteredAt = this.dateSource(src, formats);
        break;
      case 'event_reason':
        this.eventText = src;
        break;
      case 'event_reason_code':
        this.eventCode = src;
        break;
      default:
        break;
    }
  }

  /** A constant that cannot be read is a mapping error, not a problem of every row. */
  private checkConstants(): void {
    const probe: RowIssue[] = [];
    this.transform([], 0, probe, true);
    const bad = probe.find((i) => i.column.startsWith('= '));
    if (bad)
      throw new AppError('imports.badConstant', {
        file: this.fileName,
        value: bad.value,
        expected: String(bad.params.expected ?? ''),
      });
  }

  /** The row's lead id, as `transform` reads it. */
  externalIdOf(cells: readonly string[]): string {
    return this.cell(cells, this.id);
  }

  private cell(cells: readonly string[], src: Source): string {
    let v = src.index >= 0 ? cells[src.index] : src.constant;
    if (v === undefined || v === '') return '';
    v = v.trim();
    if (v === '') return v;
    if (this.nulls.size > 0 && this.nulls.has(v.toLowerCase())) return '';
    if (this.unescape && v.charCodeAt(0) === 39) v = restoreCell(v);
    return v;
  }

  private issue(
    issues: RowIssue[],
    row: number,
    src: Source,
    value: string,
    code: IssueCode,
    params: Record<string, string | number> = {},
  ): void {
    issues.push({
      file: this.fileName,
      row,
      column: src.column,
      value: value.length > 200 ? `${value.slice(0, 200)}…` : value,
      code,
      params,
    });
  }

  private date(cells: readonly string[], src: DateSource, row: number, issues: RowIssue[]): number | null {
    const v = this.cell(cells, src);
    if (v === '') return null;
    let ms = src.cache.get(v);
    if (ms === undefined) {
      ms = parseDate(v, src.order, this.ctx.clock);
      // Dates without a time repeat a lot (one value per day); timestamps rarely do.
      if (v.length <= 10 && src.cache.size < 20_000) src.cache.set(v, ms);
    }
    if (Number.isNaN(ms)) {
      this.issue(issues, row, src, v, 'badDate', { expected: src.expected });
      return null;
    }
    return ms;
  }

  private number(
    cells: readonly string[],
    src: NumberSource,
    row: number,
    issues: RowIssue[],
    rec: LeadRecord,
  ): number | null {
    const v = this.cell(cells, src);
    if (v === '') return null;
    const n = parseNumber(v, src.decimal, this.ctx.currency);
    if (n === null) {
      this.issue(issues, row, src, v, 'badNumber', { expected: src.decimal === ',' ? '1.234,56' : '1,234.56' });
      return null;
    }
    if (n.currency !== null && rec.currency === null) rec.currency = n.currency;
    return n.value;
  }

  private reasonCode(cells: readonly string[], src: Source, row: number, issues: RowIssue[]): string | null {
    const v = this.cell(cells, src);
    if (v === '') return null;
    if (!REASON_CODE_PATTERN.test(v)) {
      this.issue(issues, row, src, v, 'badReasonCode', { expected: 'a-z, 0-9, _' });
      return null;
    }
    return v;
  }

  private countUnmapped(
    map: Map<string, { column: string; value: string; count: number }>,
    column: string,
    value: string,
  ): void {
    const key = `${column}\u0000${value}`;
    const hit = map.get(key);
    if (hit) hit.count++;
    else if (map.size < MAX_UNMAPPED) map.set(key, { column, value, count: 1 });
  }

  private addEvent(rec: LeadRecord, event: StageEventRecord, earliest: boolean): void {
    if (earliest) {
      // Several columns for one stage (e.g. three HubSpot deal stages mapped to "opportunity"): the earliest is the entry.
      const i = rec.events.findIndex((e) => e.stageId === event.stageId);
      if (i >= 0) {
        if (event.at < rec.events[i]!.at) rec.events[i] = event;
        return;
      }
    }
    rec.events.push(event);
  }

  /**
   * One row (`row` numbered as a spreadsheet shows it) to a record, or null with the row's issues
   * appended to `issues`. `probe` checks constants without a real row.
   */
  transform(cells: readonly string[], row: number, issues: RowIssue[], probe = false): LeadRecord | null {
    const before = issues.length;
    const externalId = probe ? 'probe' : this.cell(cells, this.id);
    if (externalId === '') {
      this.issue(issues, row, this.id, '', 'missingId');
      return null;
    }
    if (externalId.length > MAX_ID_LENGTH)
      this.issue(issues, row, this.id, externalId, 'badId', { expected: `1–${MAX_ID_LENGTH}` });
    const rec = emptyRecord(externalId);
    for (const { field, src } of this.texts) {
      const v = this.cell(cells, src);
      if (v !== '') rec[field] = v;
    }
    if (this.currency) {
      const v = this.cell(cells, this.currency);
      if (v !== '') {
        const code = currencyCode(v, this.ctx.currency);
        if (code === null)
          this.issue(issues, row, this.currency, v, 'badCurrency', { expected: 'ISO 4217 (USD, BRL, EUR…)' });
        else rec.currency = code;
      }
    }
    if (this.score) rec.score = this.number(cells, this.score, row, issues, rec);
    if (this.amount) rec.amount = this.number(cells, this.amount, row, issues, rec);
    if (this.created) rec.createdAt = this.date(cells, this.created, row, issues);
    if (this.assigned) rec.assignedAt = this.date(cells, this.assigned, row, issues);
    if (this.touch) rec.touchAt = this.date(cells, this.touch, row, issues);
    if (this.touchChannel) {
      const v = this.cell(cells, this.touchChannel);
      if (v !== '') rec.touchChannel = v;
    }
    if (this.outcomeText) {
      const v = this.cell(cells, this.outcomeText);
      if (v !== '') {
        rec.outcomeReasonText = v;
        rec.outcomeReasonCode = this.resolveReason(v);
        if (rec.outcomeReasonCode === null && !probe)
          this.countUnmapped(this.unknownReasonCounts, this.outcomeText.column, v);
      }
    }
    if (this.outcomeCode) {
      const code = this.reasonCode(cells, this.outcomeCode, row, issues);
      if (code !== null) rec.outcomeReasonCode = code;
    }
    for (const { stage, src } of this.stageDates) {
      const at = this.date(cells, src, row, issues);
      if (at === null) continue;
      // A lost, disqualified or recycled entry carries the lead's outcome reason (per-stage reason figures read it).
      const reason = stage.kind === 'funnel' || stage.kind === 'won' ? null : rec.outcomeReasonText;
      this.addEvent(
        rec,
        { stageId: stage.id, at, reasonCode: reason === null ? null : rec.outcomeReasonCode, reasonText: reason },
        true,
      );
    }
    if (this.status) {
      const v = this.cell(cells, this.status);
      if (v !== '') {
        const stage = this.resolveStage(v);
        if (stage === undefined) {
          this.issue(issues, row, this.status, v, 'unknownStage');
          this.countUnmapped(this.unmappedStageCounts, this.status.column, v);
        } else if (stage !== null && this.statusAt && isClosingKind(stage.kind)) {
          // CRMs fill "Close Date" with an expected date on open deals: only a closed status dates an event.
          const at = this.date(cells, this.statusAt, row, issues);
          if (at !== null) {
            const reason = stage.kind === 'won' ? null : rec.outcomeReasonText;
            this.addEvent(
              rec,
              { stageId: stage.id, at, reasonCode: reason === null ? null : rec.outcomeReasonCode, reasonText: reason },
              false,
            );
          }
        }
      }
    }
    if (this.stage && this.enteredAt) {
      const v = this.cell(cells, this.stage);
      const t = this.cell(cells, this.enteredAt);
      if (v === '' && t !== '') this.issue(issues, row, this.stage, v, 'missingStage');
      else if (v !== '' && t === '') this.issue(issues, row, this.enteredAt, t, 'missingDate');
      else if (v !== '') {
        const stage = this.resolveStage(v);
        if (stage === undefined) {
          this.issue(issues, row, this.stage, v, 'unknownStage');
          this.countUnmapped(this.unmappedStageCounts, this.stage.column, v);
        } else {
          const at = this.date(cells, this.enteredAt, row, issues);
          if (stage !== null && at !== null) {
            const text = this.eventText ? this.cell(cells, this.eventText) : '';
            let code = this.eventCode ? this.reasonCode(cells, this.eventCode, row, issues) : null;
            if (code === null && text !== '') code = this.resolveReason(text);
            this.addEvent(
              rec,
              { stageId: stage.id, at, reasonCode: code, reasonText: text === '' ? null : text },
              false,
            );
          }
        }
      }
    }
    for (const { name, src } of this.customs) {
      const v = this.cell(cells, src);
      if (v !== '') (rec.custom ??= {})[name] = v;
    }
    return issues.length > before ? null : rec;
  }

  /** Stage values nobody mapped (each also an issue on its rows). */
  unmappedStages(): UnmappedValue[] {
    return [...this.unmappedStageCounts.values()]
      .map((v) => ({ file: this.fileName, ...v }))
      .sort((a, b) => b.count - a.count);
  }

  /** Free-text reasons with no taxonomy code (kept as text, listed so someone can map them). */
  unknownReasons(): UnmappedValue[] {
    return [...this.unknownReasonCounts.values()]
      .map((v) => ({ file: this.fileName, ...v }))
      .sort((a, b) => b.count - a.count);
  }
}
