/**
 * The lead fields a rule may test, with the type each compares as. This list is also the SQL
 * allow-list: a compiled rule names only these columns (and `custom`, through a bound JSON path).
 */
export const RULE_FIELDS = {
  score: 'number',
  amount: 'number',
  segment: 'text',
  source: 'text',
  country: 'text',
  owner: 'text',
  campaign: 'text',
} as const satisfies Record<string, 'number' | 'text'>;

export type LeadField = keyof typeof RULE_FIELDS;
export const LEAD_FIELDS = Object.keys(RULE_FIELDS) as LeadField[];

export const CUSTOM_PREFIX = 'custom.';
/** Same characters the report filters accept for custom field names: safe inside a quoted JSON path. */
export const CUSTOM_NAME = /^[\p{L}\p{N} _.-]{1,80}$/u;

export function isLeadField(field: string): field is LeadField {
  return Object.hasOwn(RULE_FIELDS, field);
}

/** The custom field's name for `custom.<name>`, or null for anything else (including invalid names). */
export function customName(field: string): string | null {
  if (!field.startsWith(CUSTOM_PREFIX)) return null;
  const name = field.slice(CUSTOM_PREFIX.length);
  return CUSTOM_NAME.test(name) ? name : null;
}

/** How a field's values compare: numbers, text, or (custom fields) decided by the rule's value. */
export function fieldType(field: string): 'number' | 'text' | 'custom' | null {
  if (isLeadField(field)) return RULE_FIELDS[field];
  return customName(field) === null ? null : 'custom';
}

/** A lead as rules see it: the stored columns plus the parsed custom JSON object. */
export interface RuleLead {
  readonly score: number | null;
  readonly amount: number | null;
  readonly segment: string | null;
  readonly source: string | null;
  readonly country: string | null;
  readonly owner: string | null;
  readonly campaign: string | null;
  readonly custom: Readonly<Record<string, unknown>>;
}
