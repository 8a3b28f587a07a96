import { findColumn } from '../../../../shared/imports/columns';
import {
  CUSTOM_TARGET_PREFIX,
  FIXED_TARGETS,
  STAGE_TARGET_PREFIX,
  customTarget,
  isRepeatable,
  stageTarget,
  type FixedTarget,
  type Target,
} from '../../../../shared/imports/fields';
import type { FileMapping } from '../../../../shared/imports/mapping';
import { normalizeLabel } from '../../../../shared/imports/text';

/**
 * Edits one file's mapping the way the wizard presents it: column by column, each with one or more
 * targets. Pure functions over the saved-mapping JSON, so what the user builds is exactly what a
 * preset stores and the CLI accepts.
 */

export type Layout = 'wide' | 'long';

/** Lead fields, in the order the editor offers them. */
export const LEAD_TARGETS = [
  'lead_id',
  'created_at',
  'source',
  'campaign',
  'segment',
  'country',
  'owner',
  'score',
  'amount',
  'currency',
  'first_touch_at',
  'first_touch_channel',
  'assigned_at',
  'outcome_reason',
  'outcome_reason_code',
] as const satisfies readonly FixedTarget[];

/** Wide files: the current status and when it was reached ("Deal Stage" + "Close Date"). */
export const STATUS_TARGETS = ['status', 'status_at'] as const satisfies readonly FixedTarget[];
/** Long files: one row per stage change. */
export const HISTORY_TARGETS = [
  'stage',
  'entered_at',
  'event_reason',
  'event_reason_code',
] as const satisfies readonly FixedTarget[];

const LONG_ONLY = new Set<Target>(HISTORY_TARGETS);

export function isFixedTarget(target: Target): target is FixedTarget {
  return (FIXED_TARGETS as readonly string[]).includes(target);
}

/** Targets a single column of a file may hold (custom fields are unique by name too). */
function isUnique(target: Target): boolean {
  return !isRepeatable(target) && !target.startsWith(STAGE_TARGET_PREFIX);
}

/** The header position a mapping entry refers to, as the services resolve it. */
function entryIndex(headers: readonly string[], column: string): number {
  return findColumn(headers, column);
}

/**
 * The targets of the header at `index`: its entries, else what the services do with an unmapped
 * column (keep it as a custom field, or ignore it).
 */
export function targetsOf(fm: FileMapping, headers: readonly string[], index: number): Target[] {
  const own = fm.columns.filter((c) => entryIndex(headers, c.column) === index).map((c) => c.target);
  if (own.length > 0) return own;
  const name = (headers[index] ?? '').trim();
  return fm.unmappedColumns === 'custom' && name !== '' ? [customTarget(name)] : ['ignore'];
}

/**
 * Gives the header at `index` exactly these targets. A field that belongs to one column only moves
 * here from whichever column had it, since a file cannot hold two lead ids.
 */
export function setTargets(
  fm: FileMapping,
  headers: readonly string[],
  index: number,
  targets: readonly Target[],
): FileMapping {
  const header = headers[index];
  if (header === undefined) return fm;
  const wanted: Target[] = [...new Set(targets.filter((t) => t !== 'ignore'))];
  const taken = new Set<Target>(wanted.filter(isUnique));
  const others = fm.columns.filter((c) => entryIndex(headers, c.column) !== index && !taken.has(c.target));
  const own: Array<{ column: string; target: Target }> = wanted.map((target) => ({ column: header, target }));
  // Where unmapped columns become custom fields, "ignore" has to be said explicitly.
  if (own.length === 0 && fm.unmappedColumns === 'custom') own.push({ column: header, target: 'ignore' });
  const position = (column: string) => {
    const i = entryIndex(headers, column);
    return i < 0 ? headers.length : i;
  };
  const columns = [...others, ...own].sort((a, b) => position(a.column) - position(b.column));
  return { ...fm, columns };
}

export function layoutOf(fm: FileMapping): Layout {
  return fm.columns.some((c) => LONG_ONLY.has(c.target)) ? 'long' : 'wide';
}

const TO_LONG: Partial<Record<Target, Target>> = {
  status: 'stage',
  status_at: 'entered_at',
  outcome_reason: 'event_reason',
  outcome_reason_code: 'event_reason_code',
};
const TO_WIDE: Partial<Record<Target, Target>> = Object.fromEntries(Object.entries(TO_LONG).map(([k, v]) => [v, k]));

/**
 * Turns a wide reading into a long one or back: a status column becomes the stage of each change,
 * its date the time of the change, the outcome reason the reason of the change (and the reverse).
 */
export function switchLayout(fm: FileMapping, layout: Layout): FileMapping {
  const swap = layout === 'long' ? TO_LONG : TO_WIDE;
  return { ...fm, columns: fm.columns.map((c) => ({ ...c, target: swap[c.target] ?? c.target })) };
}

export type MappingProblem =
  | { readonly code: 'noId' }
  | { readonly code: 'missingColumns'; readonly columns: readonly string[] }
  | { readonly code: 'longIncomplete'; readonly missing: 'stage' | 'entered_at' }
  | { readonly code: 'statusDateWithoutStatus'; readonly column: string }
  | { readonly code: 'unknownStage'; readonly stage: string };

/**
 * What would stop the services from using this mapping at all, found before asking them, so the
 * user fixes it here rather than after a check.
 */
export function mappingProblems(
  fm: FileMapping,
  headers: readonly string[],
  stageKeys: readonly string[],
  layout: Layout,
): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const present = fm.columns.filter((c) => entryIndex(headers, c.column) >= 0);
  const missing = fm.columns.filter((c) => entryIndex(headers, c.column) < 0).map((c) => c.column);
  if (!present.some((c) => c.target === 'lead_id') && !fm.constants.some((c) => c.target === 'lead_id'))
    problems.push({ code: 'noId' });
  if (missing.length > 0) problems.push({ code: 'missingColumns', columns: [...new Set(missing)] });
  const has = (t: Target) => present.some((c) => c.target === t) || fm.constants.some((c) => c.target === t);
  if (layout === 'long') {
    if (!has('stage')) problems.push({ code: 'longIncomplete', missing: 'stage' });
    else if (!has('entered_at')) problems.push({ code: 'longIncomplete', missing: 'entered_at' });
  }
  const statusAt = present.find((c) => c.target === 'status_at');
  if (statusAt && !has('status')) problems.push({ code: 'statusDateWithoutStatus', column: statusAt.column });
  const known = new Set(stageKeys);
  for (const c of fm.columns) {
    if (c.target.startsWith(STAGE_TARGET_PREFIX) && !known.has(c.target.slice(STAGE_TARGET_PREFIX.length))) {
      problems.push({ code: 'unknownStage', stage: c.target.slice(STAGE_TARGET_PREFIX.length) });
    }
  }
  for (const [, key] of Object.entries(fm.stageValues)) {
    if (key !== null && !known.has(key) && !problems.some((p) => p.code === 'unknownStage' && p.stage === key))
      problems.push({ code: 'unknownStage', stage: key });
  }
  return problems;
}

/** Drops the entries for columns this file does not have (a preset made for another export). */
export function dropMissingColumns(fm: FileMapping, headers: readonly string[]): FileMapping {
  return { ...fm, columns: fm.columns.filter((c) => entryIndex(headers, c.column) >= 0) };
}

export interface TargetGroup {
  readonly id: 'lead' | 'stageDates' | 'status' | 'history' | 'other';
  readonly targets: readonly Target[];
}

/**
 * The choices for one column: lead fields, then what fits the layout (a date per stage and the
 * status for wide files; stage, time and reason of each change for long ones), then custom field
 * and ignore. A target the column already has is always offered, so nothing silently disappears.
 */
export function targetGroups(
  layout: Layout,
  stageKeys: readonly string[],
  header: string,
  current: readonly Target[],
): TargetGroup[] {
  const groups: TargetGroup[] = [{ id: 'lead', targets: LEAD_TARGETS }];
  if (layout === 'wide') {
    groups.push({ id: 'stageDates', targets: stageKeys.map(stageTarget) });
    groups.push({ id: 'status', targets: STATUS_TARGETS });
  } else {
    groups.push({ id: 'history', targets: HISTORY_TARGETS });
    groups.push({ id: 'stageDates', targets: stageKeys.map(stageTarget) });
  }
  const name = header.trim();
  const other: Target[] = name !== '' ? [customTarget(name)] : [];
  const offered = new Set<Target>([...groups.flatMap((g) => g.targets), ...other, 'ignore']);
  for (const t of current) if (!offered.has(t)) other.push(t);
  other.push('ignore');
  groups.push({ id: 'other', targets: other });
  return groups;
}

/** Up to `n` distinct non-empty values of a column in the preview rows, to recognise what it holds. */
export function sampleValues(rows: ReadonlyArray<readonly string[]>, index: number, n = 3): string[] {
  const seen: string[] = [];
  for (const row of rows) {
    const v = (row[index] ?? '').trim();
    if (v !== '' && !seen.includes(v)) seen.push(v);
    if (seen.length >= n) break;
  }
  return seen;
}

/** The header mapped to the lead id, the key several files are joined on; -1 when none. */
export function idColumn(fm: FileMapping, headers: readonly string[]): number {
  const entry = fm.columns.find((c) => c.target === 'lead_id');
  return entry ? entryIndex(headers, entry.column) : -1;
}

/** Makes the header at `index` the lead id (the join key); its other fields stay, a copy as custom field goes (the id is kept anyway). */
export function setIdColumn(fm: FileMapping, headers: readonly string[], index: number): FileMapping {
  const rest = targetsOf(fm, headers, index).filter(
    (t) => t !== 'lead_id' && t !== 'ignore' && !t.startsWith(CUSTOM_TARGET_PREFIX),
  );
  return setTargets(fm, headers, index, ['lead_id', ...rest]);
}

function explicitKey<V>(values: Readonly<Record<string, V>>, value: string): string | undefined {
  const n = normalizeLabel(value);
  return Object.keys(values).find((k) => normalizeLabel(k) === n);
}

/** What the mapping itself says a CRM stage value is: a stage key, null ("no stage event"), or undefined (it does not say). */
export function explicitStage(fm: FileMapping, value: string): string | null | undefined {
  const key = explicitKey(fm.stageValues, value);
  return key === undefined ? undefined : fm.stageValues[key];
}

/** Maps a CRM stage value to a stage (or to "no stage event" with null); undefined removes the rule. */
export function setStageValue(fm: FileMapping, value: string, stage: string | null | undefined): FileMapping {
  const stageValues = { ...fm.stageValues };
  const key = explicitKey(stageValues, value);
  if (key !== undefined) delete stageValues[key];
  if (stage !== undefined) stageValues[value] = stage;
  return { ...fm, stageValues };
}

export function explicitReason(fm: FileMapping, text: string): string | undefined {
  const key = explicitKey(fm.reasonValues, text);
  return key === undefined ? undefined : fm.reasonValues[key];
}

/** Maps a free-text reason to a taxonomy code; null removes the rule (the text is still kept). */
export function setReasonValue(fm: FileMapping, text: string, code: string | null): FileMapping {
  const reasonValues = { ...fm.reasonValues };
  const key = explicitKey(reasonValues, text);
  if (key !== undefined) delete reasonValues[key];
  if (code !== null) reasonValues[text] = code;
  return { ...fm, reasonValues };
}
