import { NATIVE_CUSTOM_PREFIX, NATIVE_LEAD_COLUMNS, customTarget, stageTarget, type Target } from './fields';
import type { DateOrderSetting, FileMappingInput } from './mapping';
import { stageForDateHeader } from './synonyms';
import type { StageRef } from './stages';
import { normalizeLabel } from './text';

/**
 * Built-in presets: the column labels real exports use (with the variants different versions,
 * languages of the UI and API exports produce), the CRM's stage values, and how to read dates.
 * Columns a preset does not know fall back to the header synonyms (suggest.ts).
 */
export const PRESET_IDS = [
  'native',
  'hubspot-contacts',
  'hubspot-deals',
  'salesforce-leads',
  'salesforce-opportunities',
  'pipedrive-deals',
] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export function isPresetId(value: string): value is PresetId {
  return (PRESET_IDS as readonly string[]).includes(value);
}

interface PresetColumn {
  readonly target: Target;
  readonly labels: readonly string[];
}

interface PresetDefinition {
  readonly id: PresetId;
  readonly columns: readonly PresetColumn[];
  readonly stageValues: Readonly<Record<string, string | null>>;
  readonly dateOrder: DateOrderSetting;
  /** Headers that, together, identify an export of this kind. */
  readonly signature: readonly string[];
}

const col = (target: Target, ...labels: string[]): PresetColumn => ({ target, labels });

const HUBSPOT_CONTACTS: PresetDefinition = {
  id: 'hubspot-contacts',
  dateOrder: 'auto',
  signature: [
    'Record ID',
    'Contact ID',
    'Lifecycle Stage',
    'Contact owner',
    'Became a Lead Date',
    'Became a Marketing Qualified Lead Date',
    'Original Source',
  ],
  columns: [
    col('lead_id', 'Record ID', 'Contact ID', 'Record ID - Contact', 'hs_object_id', 'vid'),
    col('created_at', 'Create Date', 'Created Date', 'Create date', 'createdate'),
    col('source', 'Original Source', 'Original Traffic Source', 'Original source', 'hs_analytics_source'),
    col(
      'campaign',
      'Original Source Drill-Down 1',
      'Original Traffic Source Drill-Down 1',
      'hs_analytics_source_data_1',
      'UTM Campaign',
    ),
    col('segment', 'Segment', 'Customer Segment', 'Industry'),
    col('country', 'Country/Region', 'Country', 'IP Country'),
    col('owner', 'Contact owner', 'Contact Owner', 'HubSpot Owner', 'hubspot_owner_id'),
    col('score', 'HubSpot Score', 'Lead Score', 'hubspotscore'),
    col('assigned_at', 'Owner assigned date', 'Owner Assigned Date', 'hubspot_owner_assigneddate'),
    col(
      'first_touch_at',
      'Date of first engagement',
      'First engagement date',
      'Time of first engagement',
      'hs_sa_first_engagement_date',
      'First outreach date',
      'hs_first_outreach_date',
    ),
    col(stageTarget('lead'), 'Became a Lead Date', 'hs_lifecyclestage_lead_date'),
    col(
      stageTarget('mql'),
      'Became a Marketing Qualified Lead Date',
      'Became an MQL Date',
      'hs_lifecyclestage_marketingqualifiedlead_date',
    ),
    col(
      stageTarget('sql'),
      'Became a Sales Qualified Lead Date',
      'Became an SQL Date',
      'hs_lifecyclestage_salesqualifiedlead_date',
    ),
    col(stageTarget('opportunity'), 'Became an Opportunity Date', 'hs_lifecyclestage_opportunity_date'),
    col(stageTarget('won'), 'Became a Customer Date', 'hs_lifecyclestage_customer_date'),
    col(
      'ignore',
      'Became a Subscriber Date',
      'Became an Evangelist Date',
      'Became a Other Lifecycle Date',
      'Became an Other Lifecycle Date',
    ),
    col(customTarget('Lifecycle Stage'), 'Lifecycle Stage', 'lifecyclestage'),
    col(customTarget('Lead Status'), 'Lead Status', 'hs_lead_status'),
  ],
  stageValues: {},
};

const HUBSPOT_DEAL_STAGES: Record<string, string | null> = {
  appointmentscheduled: 'sal',
  'Appointment Scheduled': 'sal',
  qualifiedtobuy: 'sql',
  'Qualified To Buy': 'sql',
  presentationscheduled: 'opportunity',
  'Presentation Scheduled': 'opportunity',
  decisionmakerboughtin: 'opportunity',
  'Decision Maker Bought-In': 'opportunity',
  contractsent: 'opportunity',
  'Contract Sent': 'opportunity',
  closedwon: 'won',
  'Closed Won': 'won',
  closedlost: 'lost',
  'Closed Lost': 'lost',
};

const HUBSPOT_DEALS: PresetDefinition = {
  id: 'hubspot-deals',
  dateOrder: 'auto',
  signature: ['Deal Name', 'Deal Stage', 'Close Date', 'Deal owner', 'Pipeline', 'Deal ID', 'Record ID'],
  columns: [
    col('lead_id', 'Record ID', 'Deal ID', 'Record ID - Deal', 'hs_object_id', 'dealId'),
    col('created_at', 'Create Date', 'Created Date', 'Create date', 'createdate'),
    col('status', 'Deal Stage', 'dealstage'),
    col('status_at', 'Close Date', 'closedate'),
    col('amount', 'Amount', 'amount'),
    col('currency', 'Currency', 'Deal currency code', 'deal_currency_code'),
    col('owner', 'Deal owner', 'Deal Owner', 'HubSpot Owner', 'hubspot_owner_id'),
    col('source', 'Original Source Type', 'Original Traffic Source', 'Original Source', 'hs_analytics_source'),
    col('outcome_reason', 'Closed Lost Reason', 'closed_lost_reason'),
    col(customTarget('Deal Name'), 'Deal Name', 'dealname'),
    col(customTarget('Pipeline'), 'Pipeline', 'pipeline'),
    col(customTarget('Deal Type'), 'Deal Type', 'dealtype'),
    col(customTarget('Closed Won Reason'), 'Closed Won Reason', 'closed_won_reason'),
    col('ignore', 'Amount in company currency', 'amount_in_home_currency'),
  ],
  stageValues: HUBSPOT_DEAL_STAGES,
};

const SALESFORCE_LEADS: PresetDefinition = {
  id: 'salesforce-leads',
  dateOrder: 'auto',
  signature: ['Lead ID', 'Lead Owner', 'Lead Status', 'Lead Source', 'Company / Account', 'Converted Date'],
  columns: [
    col('lead_id', 'Lead ID', 'Lead Id', '18 Digit Lead ID', 'Id'),
    col('created_at', 'Create Date', 'Created Date', 'Lead Created Date'),
    col('source', 'Lead Source'),
    col('owner', 'Lead Owner', 'Owner Name', 'Owner'),
    col('country', 'Country', 'Country Code'),
    col('segment', 'Industry'),
    col('score', 'Lead Score'),
    col('campaign', 'Campaign', 'Campaign Name'),
    // Converting a lead in Salesforce hands it to sales as a qualified lead with an opportunity.
    col(stageTarget('sql'), 'Converted Date', 'Lead Converted Date'),
    col(customTarget('Lead Status'), 'Lead Status', 'Status'),
    col(customTarget('Company / Account'), 'Company / Account', 'Company'),
    col(customTarget('Rating'), 'Rating'),
    col(customTarget('Converted'), 'Converted'),
  ],
  stageValues: {
    'Open - Not Contacted': 'lead',
    'Working - Contacted': 'sal',
    'Closed - Converted': 'sql',
    'Closed - Not Converted': 'disqualified',
  },
};

const SALESFORCE_OPPORTUNITIES: PresetDefinition = {
  id: 'salesforce-opportunities',
  dateOrder: 'auto',
  signature: [
    'Opportunity Name',
    'Opportunity Owner',
    'Stage',
    'Close Date',
    'Opportunity ID',
    'Account Name',
    'Probability (%)',
  ],
  columns: [
    col('lead_id', 'Opportunity ID', 'Opportunity Id', '18 Digit Opportunity ID', 'Id'),
    col('created_at', 'Created Date', 'Create Date', 'Opportunity Created Date'),
    col('status', 'Stage', 'Opportunity Stage'),
    col('status_at', 'Close Date'),
    col('amount', 'Amount'),
    col('currency', 'Amount Currency', 'Opportunity Currency', 'Currency'),
    col('owner', 'Opportunity Owner', 'Owner Name'),
    col('source', 'Lead Source'),
    col('campaign', 'Primary Campaign Source', 'Primary Campaign'),
    col('segment', 'Industry'),
    col('country', 'Billing Country'),
    col('outcome_reason', 'Loss Reason', 'Reason Lost', 'Closed Lost Reason', 'Lost Reason'),
    col(customTarget('Opportunity Name'), 'Opportunity Name'),
    col(customTarget('Account Name'), 'Account Name'),
    col(customTarget('Type'), 'Type'),
    col(
      'ignore',
      'Amount (converted)',
      'Amount Currency (converted)',
      'Expected Revenue',
      'Probability (%)',
      'Fiscal Period',
      'Age',
      'Won',
      'Closed',
    ),
  ],
  stageValues: {
    Prospecting: 'sal',
    Qualification: 'sql',
    'Needs Analysis': 'opportunity',
    'Value Proposition': 'opportunity',
    'Id. Decision Makers': 'opportunity',
    'Perception Analysis': 'opportunity',
    'Proposal/Price Quote': 'opportunity',
    'Negotiation/Review': 'opportunity',
    'Closed Won': 'won',
    'Closed Lost': 'lost',
  },
};

const PIPEDRIVE_DEALS: PresetDefinition = {
  id: 'pipedrive-deals',
  dateOrder: 'auto',
  signature: [
    'Deal - ID',
    'Deal - Title',
    'Deal - Value',
    'Deal - Stage',
    'Deal - Status',
    'Deal - Won time',
    'Deal - Owner',
  ],
  columns: [
    col('lead_id', 'Deal - ID', 'Deal ID'),
    col(
      'created_at',
      'Deal - Deal created',
      'Deal - Creation date',
      'Deal - Add time',
      'Deal - Created',
      'Deal - Deal created on',
    ),
    col('owner', 'Deal - Owner', 'Deal - Owner name', 'Deal - Assigned to user'),
    col('amount', 'Deal - Value'),
    col('currency', 'Deal - Currency', 'Deal - Currency of Value'),
    col('source', 'Deal - Source channel', 'Deal - Source', 'Deal - Source origin', 'Deal - Lead source'),
    col('country', 'Organization - Country', 'Person - Country', 'Deal - Country'),
    col(stageTarget('won'), 'Deal - Won time', 'Deal - Won date'),
    col(stageTarget('lost'), 'Deal - Lost time', 'Deal - Lost date'),
    col('outcome_reason', 'Deal - Lost reason'),
    col(customTarget('Title'), 'Deal - Title'),
    col(customTarget('Organization'), 'Deal - Organization', 'Deal - Organization name'),
    col(customTarget('Pipeline'), 'Deal - Pipeline'),
    col(customTarget('Stage'), 'Deal - Stage'),
    col(customTarget('Status'), 'Deal - Status'),
    col(
      'ignore',
      'Deal - Weighted value',
      'Deal - Update time',
      'Deal - Last stage change',
      'Deal - Next activity date',
      'Deal - Expected close date',
    ),
  ],
  stageValues: {},
};

const DEFINITIONS: readonly PresetDefinition[] = [
  HUBSPOT_CONTACTS,
  HUBSPOT_DEALS,
  SALESFORCE_LEADS,
  SALESFORCE_OPPORTUNITIES,
  PIPEDRIVE_DEALS,
];

/** A preset's suggestion for one file: the targets of the headers it knows, and its settings. */
export interface PresetSuggestion {
  /** Header -> target, with the rank of the label that matched (lower is the preset's preferred label). */
  readonly known: ReadonlyMap<string, { readonly target: Target; readonly rank: number }>;
  readonly base: Omit<FileMappingInput, 'columns'>;
}

function nativeSuggestion(headers: readonly string[]): PresetSuggestion {
  const names = new Set(headers.map((h) => h.trim().toLowerCase()));
  const isEvents = names.has('stage') && names.has('entered_at');
  const known = new Map<string, { target: Target; rank: number }>();
  for (const h of headers) {
    const n = h.trim().toLowerCase();
    if (isEvents) {
      const target: Target =
        n === 'lead_id'
          ? 'lead_id'
          : n === 'stage'
            ? 'stage'
            : n === 'entered_at'
              ? 'entered_at'
              : n === 'reason_code'
                ? 'event_reason_code'
                : n === 'reason_text'
                  ? 'event_reason'
                  : 'ignore';
      known.set(h, { target, rank: 0 });
    } else {
      const fixed = NATIVE_LEAD_COLUMNS.find((c) => c === n);
      if (fixed) known.set(h, { target: fixed, rank: 0 });
      else
        known.set(h, {
          target: customTarget(
            h.trim().startsWith(NATIVE_CUSTOM_PREFIX) ? h.trim().slice(NATIVE_CUSTOM_PREFIX.length) : h.trim(),
          ),
          rank: 0,
        });
    }
  }
  return {
    known,
    base: { unescapeFormulas: true, dateOrder: 'auto', unmappedColumns: isEvents ? 'ignore' : 'custom' },
  };
}

/** What a preset says about these headers. */
export function presetSuggestion(
  id: PresetId,
  headers: readonly string[],
  stages: readonly StageRef[],
): PresetSuggestion {
  if (id === 'native') return nativeSuggestion(headers);
  const def = DEFINITIONS.find((d) => d.id === id)!;
  const byLabel = new Map<string, { target: Target; rank: number }>();
  for (const c of def.columns)
    c.labels.forEach(
      (l, rank) => byLabel.has(normalizeLabel(l)) || byLabel.set(normalizeLabel(l), { target: c.target, rank }),
    );
  const stageKeys = new Set(stages.map((s) => s.key));
  const known = new Map<string, { target: Target; rank: number }>();
  for (const h of headers) {
    const label = byLabel.get(normalizeLabel(h));
    let target = label?.target;
    // `Date entered "…"` columns of any pipeline, in any UI language HubSpot exports.
    if (
      target === undefined &&
      (id === 'hubspot-contacts' || id === 'hubspot-deals') &&
      /^date entered\b/i.test(h.trim())
    ) {
      const quoted = /["“](.+?)(?:\s*\([^)]*\))?["”]/.exec(h)?.[1];
      const viaValues =
        quoted === undefined
          ? undefined
          : Object.entries(def.stageValues).find(([v]) => normalizeLabel(v) === normalizeLabel(quoted))?.[1];
      const stage = viaValues ?? stageForDateHeader(h, stages)?.key;
      target = stage ? stageTarget(stage) : 'ignore';
    }
    if (target === undefined) continue;
    // A preset column for a stage this workspace has dropped is left out rather than failing.
    if (target.startsWith('stage:') && !stageKeys.has(target.slice('stage:'.length))) continue;
    known.set(h, { target, rank: label?.rank ?? 0 });
  }
  const stageValues = Object.fromEntries(
    Object.entries(def.stageValues).filter(([, key]) => key === null || stageKeys.has(key)),
  );
  return { known, base: { stageValues, dateOrder: def.dateOrder, unmappedColumns: 'ignore' } };
}

/** The preset whose signature headers this file has most of (at least three), or null. */
export function detectPreset(headers: readonly string[]): PresetId | null {
  const names = new Set(headers.map(normalizeLabel));
  const lower = new Set(headers.map((h) => h.trim().toLowerCase()));
  if (lower.has('lead_id') && (lower.has('created_at') || (lower.has('stage') && lower.has('entered_at'))))
    return 'native';
  let best: PresetId | null = null;
  // Two generic labels ("Lead ID", "Lead Source") are not yet a Salesforce report.
  let bestScore = 2;
  for (const d of DEFINITIONS) {
    const score = d.signature.filter((s) => names.has(normalizeLabel(s))).length;
    if (score > bestScore) {
      best = d.id;
      bestScore = score;
    }
  }
  return best;
}
