/**
 * What a column of an imported file can mean. A target is a plain string so saved mappings stay
 * readable JSON: a lead field (`source`), a stage entry date in a wide file (`stage:mql`), a custom
 * field (`custom:Industry`), the stage and time of one change in a long file (`stage`, `entered_at`),
 * or a status with its closing date (`status`, `status_at`).
 */

/** Lead fields kept as text (trimmed; an empty cell never erases a stored value). */
export const TEXT_FIELDS = ['source', 'campaign', 'segment', 'country', 'owner'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export const NUMBER_FIELDS = ['score', 'amount'] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];

export const FIXED_TARGETS = [
  'lead_id',
  'created_at',
  ...TEXT_FIELDS,
  ...NUMBER_FIELDS,
  'currency',
  'first_touch_at',
  'first_touch_channel',
  'assigned_at',
  'outcome_reason',
  'outcome_reason_code',
  // Long layout: one row per stage change.
  'stage',
  'entered_at',
  'event_reason',
  'event_reason_code',
  // Wide deal exports: the current status and its closing date ("Deal Stage" + "Close Date").
  'status',
  'status_at',
  'ignore',
] as const;
export type FixedTarget = (typeof FIXED_TARGETS)[number];

/** `stage:<key>`: the date the lead entered that stage (wide layout). */
export const STAGE_TARGET_PREFIX = 'stage:';
/** `custom:<name>`: kept in the lead's custom fields under that name. */
export const CUSTOM_TARGET_PREFIX = 'custom:';

export const STAGE_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
export const REASON_CODE_PATTERN = /^[a-z0-9_]{1,60}$/;
/** 1 to 80 characters, none of them a control character. */
const CUSTOM_NAME_PATTERN = /^[^\p{Cc}]{1,80}$/u;

export type Target = FixedTarget | `stage:${string}` | `custom:${string}`;

export function isTarget(value: string): value is Target {
  if ((FIXED_TARGETS as readonly string[]).includes(value)) return true;
  if (value.startsWith(STAGE_TARGET_PREFIX)) return STAGE_KEY_PATTERN.test(value.slice(STAGE_TARGET_PREFIX.length));
  if (value.startsWith(CUSTOM_TARGET_PREFIX)) return CUSTOM_NAME_PATTERN.test(value.slice(CUSTOM_TARGET_PREFIX.length));
  return false;
}

export function stageTarget(key: string): Target {
  return `stage:${key}`;
}

export function customTarget(name: string): Target {
  return `custom:${name}`;
}

/** Targets holding a timestamp. */
export function isDateTarget(target: Target): boolean {
  return (
    target === 'created_at' ||
    target === 'first_touch_at' ||
    target === 'assigned_at' ||
    target === 'entered_at' ||
    target === 'status_at' ||
    target.startsWith(STAGE_TARGET_PREFIX)
  );
}

export function isNumberTarget(target: Target): boolean {
  return target === 'score' || target === 'amount';
}

/** Targets that may appear once per file (custom fields are unique by name, which is the same). */
export function isRepeatable(target: Target): boolean {
  return target === 'ignore';
}

/**
 * The native interchange format (docs/import.md). `outcome_reason_code` and the two reason columns
 * of stage_events.csv are ours too, so a round trip keeps codes as well as free text.
 */
export const NATIVE_LEAD_COLUMNS = [
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
  'assigned_at',
  'outcome_reason',
  'outcome_reason_code',
] as const;
export const NATIVE_EVENT_COLUMNS = ['lead_id', 'stage', 'entered_at', 'reason_code', 'reason_text'] as const;
/** A custom field whose name is also a native column is written with this prefix. */
export const NATIVE_CUSTOM_PREFIX = 'custom.';
