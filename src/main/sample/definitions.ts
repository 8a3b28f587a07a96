import { revisionBody, type DefinitionKind, type RevisionBody, type Rule } from '../../shared/definitions/model';
import { COUNTRIES, PEOPLE } from './catalog';
import { HOUR } from './calendar';
import { REASONS } from './reasons';
import type { RevisionRow, SampleRepository } from './repository';
import type { Timeline } from './timeline';

/** Hand-offs a week that the SLA volume targets ask for, per 1,000 leads a year (measured on the sample). */
const MQL_PER_WEEK_PER_1000_LEADS = { v1: 8.5, v2: 4.2 } as const;

interface RevisionSpec<K extends DefinitionKind> {
  readonly body: RevisionBody<K>;
  readonly author: string;
  readonly rationale: string;
  /** When it was proposed; approvals follow a few days later unless `proposedOnly`. */
  readonly createdAt: number;
  readonly effectiveFrom: number;
  readonly superseded?: boolean;
  readonly proposedOnly?: boolean;
}

interface DefinitionSpec<K extends DefinitionKind> {
  readonly kind: K;
  readonly key: string;
  readonly title: string;
  readonly stageKey: string | null;
  readonly revisions: ReadonlyArray<RevisionSpec<K>>;
}

const condition = (
  field: string,
  operator: 'gte' | 'in' | 'eq' | 'exists' | 'not_in',
  value?: string | number | string[],
): Rule =>
  value === undefined ? { type: 'condition', field, operator } : { type: 'condition', field, operator, value };
const all = (...rules: Rule[]) => ({ type: 'group', combinator: 'and', rules }) as const;
const any = (...rules: Rule[]) => ({ type: 'group', combinator: 'or', rules }) as const;

/** Revision bodies are validated with the shared schemas before they are written, like any other writer would. */
function insertDefinition<K extends DefinitionKind>(
  repo: SampleRepository,
  spec: DefinitionSpec<K>,
  timeline: Timeline,
): void {
  const first = spec.revisions[0];
  if (!first) throw new Error(`definition ${spec.key} needs a revision`);
  const definitionId = repo.insertDefinition({
    kind: spec.kind,
    key: spec.key,
    title: spec.title,
    stageKey: spec.stageKey,
    createdAt: first.createdAt,
  });
  spec.revisions.forEach((r, i) => {
    const body = revisionBody[spec.kind].parse(r.body);
    const approvedByMarketing = r.createdAt + 26 * HOUR;
    const approvedBySales = timeline.office.addBusinessHours(r.createdAt, 20);
    const row: RevisionRow = {
      definitionId,
      version: i + 1,
      status: r.proposedOnly ? 'proposed' : r.superseded ? 'superseded' : 'effective',
      effectiveFrom: r.proposedOnly ? null : r.effectiveFrom,
      rationale: r.rationale,
      author: r.author,
      body: JSON.stringify(body),
      createdAt: r.createdAt,
      // Written straight as proposals: drafting and proposing happened at the same moment.
      proposedAt: r.createdAt,
      marketingApprovedBy: r.proposedOnly ? null : PEOPLE.marketingLead,
      marketingApprovedAt: r.proposedOnly ? null : approvedByMarketing,
      salesApprovedBy: r.proposedOnly ? null : PEOPLE.salesLead,
      salesApprovedAt: r.proposedOnly ? null : approvedBySales,
      decidedAt: r.proposedOnly ? null : Math.max(approvedByMarketing, approvedBySales),
    };
    repo.insertRevision(row);
  });
}

/** Weekly MQL volume the SLA asks for, scaled to the sample's size. */
export function volumeTargets(leads: number): { v1: number; v2: number } {
  return {
    v1: Math.max(1, Math.round((leads / 1000) * MQL_PER_WEEK_PER_1000_LEADS.v1)),
    v2: Math.max(1, Math.round((leads / 1000) * MQL_PER_WEEK_PER_1000_LEADS.v2)),
  };
}

/**
 * The agreed definitions: market and message, ICP, MQL and SAL criteria, SLA terms and the reason
 * taxonomy. MQL criteria and SLA terms have a v2 effective about four months before the end (so
 * point-in-time definitions matter), and MQL criteria a v3 still waiting for approval.
 */
export function insertDefinitions(repo: SampleRepository, timeline: Timeline, leads: number, proposedAt: number): void {
  const { office, startDay, revisionDay, revisionAt } = timeline;
  const agreedAt = office.at(startDay - 24, 10.5);
  const firstEffective = office.at(startDay - 14, 0);
  const revisedAt = office.at(revisionDay - 12, 11);
  const targets = volumeTargets(leads);

  insertDefinition(
    repo,
    {
      kind: 'market',
      key: 'market_message',
      title: 'Market and message',
      stageKey: null,
      revisions: [
        {
          author: PEOPLE.marketingLead,
          createdAt: agreedAt,
          effectiveFrom: firstEffective,
          rationale: 'First written version, agreed at the annual planning offsite.',
          body: {
            text: 'Acme Analytics helps mid-size B2B companies in Latin America and Europe run one funnel both marketing and sales trust: shared definitions, weekly figures, no spreadsheet archaeology.',
            answers: {
              problem: 'Marketing and sales argue about lead quality instead of fixing the funnel.',
              audience: 'Heads of marketing, sales and revenue operations at companies with 200 to 5,000 employees.',
              promise: 'One agreed funnel, reviewed every week, with figures nobody disputes.',
              proof: 'Customers cut time-to-first-contact in half within one quarter.',
            },
          },
        },
      ],
    },
    timeline,
  );

  insertDefinition(
    repo,
    {
      kind: 'icp',
      key: 'icp',
      title: 'Ideal customer profile',
      stageKey: null,
      revisions: [
        {
          author: PEOPLE.salesLead,
          createdAt: agreedAt,
          effectiveFrom: firstEffective,
          rationale: 'Won deals of the last two years: mid-market and enterprise buyers close faster and churn less.',
          body: {
            text: 'B2B companies with at least 200 employees and a sales team of ten or more, in the countries we serve, outside public education.',
            rule: all(
              condition('segment', 'in', ['Mid-market', 'Enterprise']),
              condition('custom.employees', 'gte', 200),
              condition(
                'country',
                'in',
                COUNTRIES.map((c) => c.name),
              ),
              condition('custom.industry', 'not_in', ['Education']),
            ),
          },
        },
      ],
    },
    timeline,
  );

  insertDefinition(
    repo,
    {
      kind: 'stage_criteria',
      key: 'mql_criteria',
      title: 'Marketing qualified lead (MQL)',
      stageKey: 'mql',
      revisions: [
        {
          author: PEOPLE.ops,
          createdAt: agreedAt,
          effectiveFrom: firstEffective,
          superseded: true,
          rationale: 'Starting point: the scoring model flags engaged leads at 50 points.',
          body: {
            text: 'A lead is handed to sales when its score reaches 50.',
            rule: all(condition('score', 'gte', 50)),
          },
        },
        {
          author: PEOPLE.marketingLead,
          createdAt: revisedAt,
          effectiveFrom: revisionAt,
          rationale:
            'Sales accepted only about a third of MQLs, and SMB leads were rejected most. Fewer, better leads: raise the threshold to 60 and hand over mid-market and enterprise only; SMB stays in nurture.',
          body: {
            text: 'A lead is handed to sales when its score reaches 60 and it is a mid-market or enterprise company.',
            rule: all(condition('score', 'gte', 60), condition('segment', 'in', ['Mid-market', 'Enterprise'])),
          },
        },
        {
          author: PEOPLE.marketingLead,
          createdAt: proposedAt,
          effectiveFrom: proposedAt,
          proposedOnly: true,
          rationale: 'SMB leads scoring 80 or more convert like mid-market ones; let them back in.',
          body: {
            text: 'As v2, and SMB leads too once their score reaches 80.',
            rule: all(
              condition('score', 'gte', 60),
              any(
                condition('segment', 'in', ['Mid-market', 'Enterprise']),
                all(condition('segment', 'eq', 'SMB'), condition('score', 'gte', 80)),
              ),
            ),
          },
        },
      ],
    },
    timeline,
  );

  insertDefinition(
    repo,
    {
      kind: 'stage_criteria',
      key: 'sal_criteria',
      title: 'Sales accepted lead (SAL)',
      stageKey: 'sal',
      revisions: [
        {
          author: PEOPLE.salesLead,
          createdAt: agreedAt,
          effectiveFrom: firstEffective,
          rationale: 'Sales accepts what it can work: a reachable contact at a real company with a stated need.',
          body: {
            text: 'Sales accepts an MQL after the first contact when the contact is reachable, the company has at least 20 employees and a need was confirmed. Rejected leads go back with a reason.',
            rule: all(condition('owner', 'exists'), condition('custom.employees', 'gte', 20)),
          },
        },
      ],
    },
    timeline,
  );

  insertDefinition(
    repo,
    {
      kind: 'sla_terms',
      key: 'sla',
      title: 'Marketing–sales SLA',
      stageKey: null,
      revisions: [
        {
          author: PEOPLE.salesLead,
          createdAt: agreedAt,
          effectiveFrom: firstEffective,
          superseded: true,
          rationale: 'First SLA, signed for the year.',
          body: {
            text: `Marketing delivers at least ${targets.v1} MQLs a week. Sales makes first contact within 4 business hours of hand-off, accepts at least 40% and returns rejected leads with a reason within 2 business days.`,
            terms: {
              handoffStage: 'mql',
              acceptedStage: 'sal',
              followUpBusinessHours: 4,
              clockStart: 'handoff',
              weeklyVolumeTarget: targets.v1,
              salRateTarget: 0.4,
              recyclingBusinessHours: 16,
              segmentOverrides: {},
            },
          },
        },
        {
          author: PEOPLE.salesLead,
          createdAt: revisedAt,
          effectiveFrom: revisionAt,
          rationale:
            'Follows MQL criteria v2: fewer hand-offs, so a lower volume target and a higher acceptance target; enterprise leads get a faster first contact.',
          body: {
            text: `Marketing delivers at least ${targets.v2} MQLs a week. Sales makes first contact within 4 business hours of hand-off (2 for enterprise), accepts at least 50% and returns rejected leads with a reason within 2 business days.`,
            terms: {
              handoffStage: 'mql',
              acceptedStage: 'sal',
              followUpBusinessHours: 4,
              clockStart: 'handoff',
              weeklyVolumeTarget: targets.v2,
              salRateTarget: 0.5,
              recyclingBusinessHours: 16,
              segmentOverrides: { Enterprise: { followUpBusinessHours: 2 } },
            },
          },
        },
      ],
    },
    timeline,
  );

  insertDefinition(
    repo,
    {
      kind: 'reason_taxonomy',
      key: 'reasons',
      title: 'Win, loss, rejection and recycle reasons',
      stageKey: null,
      revisions: [
        {
          author: PEOPLE.ops,
          createdAt: agreedAt,
          effectiveFrom: firstEffective,
          rationale: 'One list for both teams, mapped from the free text reps already type.',
          body: {
            text: 'Every lost deal gets a loss reason, every rejected lead a rejection or recycle reason, every won deal a win reason.',
            reasons: REASONS.map((r) => ({
              code: r.code,
              kind: r.kind,
              labels: { ...r.labels },
              aliases: [...new Set([...r.texts.en, ...r.texts.pt, ...r.texts.es].map((t) => t.toLowerCase()))],
            })),
          },
        },
      ],
    },
    timeline,
  );
}

export function insertReasons(repo: SampleRepository): void {
  for (const r of REASONS) repo.insertReason({ kind: r.kind, code: r.code, labels: JSON.stringify(r.labels) });
}
