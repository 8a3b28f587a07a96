import type { TFunction } from 'i18next';
import type { Locale } from '../../domain/types';
import { dateTime, longDate } from '../../documents/format';
import type { ProportionChange } from '../../metrics/stats';
import { MeetingWords } from '../describe';
import type { ActionItem, DefinitionVersion, MeetingDetail, Snapshot } from '../types';
import { entries, list, paragraph, quote, table, type Block, type MinutesDocument, type Section } from './document';

/**
 * The minutes of a started meeting in its language: attendees, agenda and time, the scorecard and
 * the figures with the definition versions they used, since-last-week, reviews, decisions, action
 * items, ratings, points not reached, notes. Only frozen data: the same meeting always gives the
 * same minutes.
 */
export interface MinutesInput {
  readonly meeting: MeetingDetail;
  readonly snapshot: Snapshot;
  readonly locale: Locale;
  readonly t: TFunction;
  /** Titles of meetings referred to (carried items, decisions in force), by id. */
  readonly meetingTitles: ReadonlyMap<number, string>;
  readonly workspaceName: string;
}

class Fmt {
  constructor(
    private readonly locale: Locale,
    private readonly zone: string,
    private readonly t: TFunction,
  ) {}
  int = (n: number | null | undefined): string =>
    n === null || n === undefined ? '—' : new Intl.NumberFormat(this.locale, { maximumFractionDigits: 0 }).format(n);
  dec = (n: number | null | undefined, digits = 1): string =>
    n === null || n === undefined
      ? '—'
      : new Intl.NumberFormat(this.locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
  pct = (n: number | null | undefined): string =>
    n === null || n === undefined
      ? '—'
      : new Intl.NumberFormat(this.locale, {
          style: 'percent',
          minimumFractionDigits: 1,
          maximumFractionDigits: 1,
        }).format(n);
  ci = (low: number | null, high: number | null): string =>
    low === null || high === null ? '—' : `${this.pct(low)} – ${this.pct(high)}`;
  at = (ms: number | null): string => (ms === null ? '—' : dateTime(ms, this.locale, this.zone));
  day = (iso: string | null): string => (iso === null ? '—' : longDate(iso, this.locale));
  minutes = (ms: number): string => this.t('minutes.minutes', { value: this.dec(ms / 60_000, 0) });
  change = (c: ProportionChange | null | undefined): string => {
    if (!c || c.diff === null) return '—';
    const points = new Intl.NumberFormat(this.locale, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
      signDisplay: 'always',
    }).format(c.diff * 100);
    return `${this.t('minutes.points', { value: points })}${c.significant ? ` (${this.t('minutes.significant')})` : ''}`;
  };
}

function versionName(d: DefinitionVersion, t: TFunction): string {
  return t('minutes.definitionVersion', { title: d.title, version: d.version });
}

export function buildMinutes(input: MinutesInput): MinutesDocument {
  const { meeting: m, snapshot: s, locale, t } = input;
  const r = s.report;
  const f = new Fmt(locale, s.timeZone, t);
  const w = new MeetingWords(t, locale, s);
  const meetingTitle = (id: number) => input.meetingTitles.get(id) ?? `#${id}`;
  const stepName = (kind: string, title: string | null) => title ?? t(`meetings.step.${kind}`);
  const sections: Section[] = [];
  const add = (id: string, title: string, blocks: Block[]) => sections.push({ id, title, blocks });
  const byKind = (kind: string) => s.definitions.filter((d) => d.kind === kind);
  const used = (defs: readonly DefinitionVersion[]) =>
    paragraph(
      t('minutes.definitionsUsed', {
        list: defs.length ? defs.map((d) => versionName(d, t)).join('; ') : t('minutes.none'),
      }),
    );

  add(
    'attendees',
    t('minutes.attendees'),
    m.attendees.length
      ? [list(m.attendees.map((a) => `${a.name} — ${t(`meetings.role.${a.role}`)}`))]
      : [paragraph(t('minutes.none'))],
  );

  add('agenda', t('minutes.agenda'), [
    table(
      [t('minutes.step'), t('minutes.budget'), t('minutes.spent'), t('minutes.reached')],
      m.agenda.steps.map((st, i) => [
        `${i}. ${stepName(st.kind, st.title)}${st.carriedFrom.length ? ` (${t('minutes.carriedPoint')})` : ''}`,
        f.minutes(st.budgetMs),
        f.minutes(st.spentMs),
        st.reachedAt === null ? t('minutes.notReached') : f.at(st.reachedAt),
      ]),
      ['left', 'right', 'right', 'left'],
    ),
  ]);

  const measureRows = s.scorecard.measures.map((ms) => {
    const last = ms.cells.at(-1);
    const value = (v: number | null) => (ms.unit === 'count' ? f.int(v) : f.pct(v));
    const met = ms.cells.filter((c) => c.status === 'met').length;
    const judged = ms.cells.filter((c) => c.status !== 'no_data').length;
    return [
      t(`meetings.measure.${ms.key}`),
      last ? value(last.goal) : '—',
      last ? value(last.value) : '—',
      last ? t(`meetings.cellStatus.${last.status}`) : '—',
      t('minutes.weeksMet', { met, judged }),
    ];
  });
  add('scorecard', t('minutes.scorecard'), [
    table(
      [
        t('minutes.measure'),
        t('minutes.goal'),
        t('minutes.thisWeek'),
        t('minutes.status'),
        t('minutes.lastWeeks', { weeks: s.scorecard.weeks.length }),
      ],
      measureRows,
      ['left', 'right', 'right', 'left', 'left'],
    ),
  ]);

  const sla = r.sla;
  const terms =
    sla.terms.kind === 'revision' ? s.definitions.find((d) => d.revisionId === sla.terms.revision_id) : undefined;
  add('sla', t('minutes.sla'), [
    paragraph(
      terms
        ? t('minutes.termsUsed', { name: versionName(terms, t), hours: f.dec(sla.followup.business_hours) })
        : sla.terms.kind === 'revision'
          ? t('minutes.termsRevision', {
              key: sla.terms.definition_key ?? '',
              version: sla.terms.version ?? '',
              hours: f.dec(sla.followup.business_hours),
            })
          : t('minutes.termsDefault', { hours: f.dec(sla.followup.business_hours) }),
    ),
    table(
      [t('minutes.measure'), t('minutes.value'), t('minutes.ratio'), t('minutes.target'), t('minutes.vsPrevious')],
      [
        [
          t('meetings.measure.followup'),
          f.pct(sla.followup.rate),
          `${f.int(sla.followup.met)}/${f.int(sla.followup.met + sla.followup.breached)}`,
          f.pct(s.scorecard.goals.followUpRate),
          f.change(sla.followup.vs_previous),
        ],
        [t('meetings.measure.volume'), f.int(sla.volume.actual), '—', f.dec(sla.volume.target), '—'],
        [
          t('meetings.measure.quality'),
          f.pct(sla.quality.rate),
          `${f.int(sla.quality.numerator)}/${f.int(sla.quality.denominator)}`,
          f.pct(sla.quality.target),
          f.change(sla.quality.vs_previous),
        ],
        [
          t('meetings.measure.recycling'),
          f.pct(sla.recycling.rate),
          `${f.int(sla.recycling.numerator)}/${f.int(sla.recycling.denominator)}`,
          f.pct(s.scorecard.goals.recyclingRate),
          f.change(sla.recycling.vs_previous),
        ],
        [t('minutes.pending'), f.int(sla.followup.pending), '—', '—', '—'],
        [t('minutes.arbitration'), f.int(sla.arbitration.count), '—', '—', '—'],
      ],
    ),
    table(
      [
        t('minutes.owner'),
        t('minutes.handedOver'),
        t('minutes.met'),
        t('minutes.breached'),
        t('minutes.pending'),
        t('minutes.rate'),
      ],
      sla.followup.by_owner.map((o) => [
        w.owner(o.owner),
        f.int(o.handed_over),
        f.int(o.met),
        f.int(o.breached),
        f.int(o.pending),
        `${f.pct(o.rate)}${o.small ? ` (${t('minutes.small')})` : ''}`,
      ]),
    ),
  ]);

  add('funnel', t('minutes.funnel'), [
    used(byKind('stage_criteria')),
    table(
      [
        t('minutes.conversion'),
        t('minutes.rate'),
        t('minutes.ratio'),
        t('minutes.ci'),
        t('minutes.open'),
        t('minutes.vsPrevious'),
      ],
      r.conversion.map((c) => [
        `${w.stage(c.from)} → ${w.stage(c.to)}${c.small ? ` (${t('minutes.small')})` : ''}`,
        f.pct(c.rate),
        `${f.int(c.numerator)}/${f.int(c.denominator)}`,
        f.ci(c.ci_low, c.ci_high),
        f.pct(c.open_share),
        f.change(c.vs_previous),
      ]),
    ),
    table(
      [t('minutes.velocity'), t('minutes.leads'), t('minutes.medianDays'), t('minutes.p75Days')],
      r.velocity
        .filter((v) => v.n > 0)
        .map((v) => [`${w.stage(v.from)} → ${w.stage(v.to)}`, f.int(v.n), f.dec(v.median_days), f.dec(v.p75_days)]),
    ),
  ]);

  add('winloss', t('minutes.winloss'), [
    used(byKind('reason_taxonomy')),
    r.winloss.length
      ? table(
          [t('minutes.outcome'), t('minutes.reason'), t('minutes.count'), t('minutes.share')],
          r.winloss.map((x) => [
            t(`meetings.figure.${x.outcome}`),
            w.reason(x.outcome, x.reason),
            f.int(x.count),
            f.pct(x.share),
          ]),
          ['left', 'left', 'right', 'right'],
        )
      : paragraph(t('minutes.none')),
    paragraph(
      t('minutes.noReasonShare', {
        share: f.pct(r.no_reason.rate),
        n: f.int(r.no_reason.numerator),
        d: f.int(r.no_reason.denominator),
      }),
    ),
  ]);

  const since = s.sinceLast;
  const itemEntry = (i: ActionItem, more: ReadonlyArray<readonly [string, string]> = []) => ({
    text: i.text,
    facts: [
      [t('minutes.owner'), i.owner],
      [t('minutes.due'), f.day(i.dueDate)],
      [t('minutes.status'), t(`meetings.itemStatus.${i.status}`)],
      ...more,
    ]
      .filter(([, value]) => value !== '')
      .map(([label, value]) => t('minutes.fact', { label, value })),
  });
  add('since', t('minutes.sinceLast'), [
    paragraph(
      since.previousMeeting
        ? t('minutes.previousMeeting', { title: since.previousMeeting.title, week: since.previousMeeting.week })
        : t('minutes.noPreviousMeeting'),
    ),
    ...(since.previousItems.length ? [entries(since.previousItems.map((i) => itemEntry(i)))] : []),
    paragraph(t('minutes.decisionsInForce')),
    since.decisionsInForce.length
      ? list(since.decisionsInForce.map((d) => `${d.text} (${d.meeting.title})`))
      : paragraph(t('minutes.none')),
  ]);

  add('definitions', t('minutes.definitions'), [
    table(
      [t('minutes.definition'), t('minutes.version'), t('minutes.effectiveFrom'), t('minutes.approvedBy')],
      s.definitions.map((d) => [
        d.title,
        String(d.version),
        f.at(d.effectiveFrom),
        [d.approvedBy.marketing, d.approvedBy.sales].filter((x) => x).join(', ') || '—',
      ]),
      ['left', 'right', 'left', 'left'],
    ),
  ]);

  const proposalName = (id: number) => {
    const p = s.proposals.find((x) => x.revisionId === id);
    return p ? versionName(p, t) : `#${id}`;
  };
  add('reviews', t('minutes.reviews'), [
    ...(s.proposals.length
      ? [list(s.proposals.map((p) => `${versionName(p, t)}: ${p.text}`))]
      : [paragraph(t('minutes.noProposals'))]),
    ...(m.reviews.length
      ? [
          table(
            [
              t('minutes.revision'),
              t('minutes.outcome'),
              t('meetings.role.marketing_lead'),
              t('meetings.role.sales_lead'),
              t('minutes.note'),
            ],
            m.reviews.map((v) => [
              proposalName(v.revisionId),
              t(`meetings.outcome.${v.outcome}`),
              v.marketingLead,
              v.salesLead,
              v.note,
            ]),
            ['left', 'left', 'left', 'left', 'left'],
          ),
        ]
      : []),
  ]);

  add('decisions', t('minutes.decisions'), [
    m.decisions.length
      ? list(
          m.decisions.map((d) => (d.link ? `${d.text} — ${w.link(d.link)}` : d.text)),
          true,
        )
      : paragraph(t('minutes.none')),
  ]);

  add('actions', t('minutes.actionItems'), [
    m.actionItems.length
      ? entries(
          m.actionItems.map((i) =>
            itemEntry(i, [
              [t('minutes.carriedFrom'), i.carriedFromMeetingId === null ? '' : meetingTitle(i.carriedFromMeetingId)],
              [t('minutes.link'), w.link(i.link)],
            ]),
          ),
        )
      : paragraph(t('minutes.none')),
  ]);

  const ratings = m.ratings.map((x) => x.rating);
  add('ratings', t('minutes.ratings'), [
    m.ratings.length
      ? table(
          [t('minutes.attendee'), t('minutes.rating')],
          m.ratings.map((x) => [x.attendee, f.int(x.rating)]),
        )
      : paragraph(t('minutes.noRatings')),
    ...(ratings.length
      ? [paragraph(t('minutes.averageRating', { value: f.dec(ratings.reduce((a, b) => a + b, 0) / ratings.length) }))]
      : []),
  ]);

  const unreached = m.agenda.steps.filter((st) => st.reachedAt === null);
  add('unreached', t('minutes.unreached'), [
    unreached.length ? list(unreached.map((st) => stepName(st.kind, st.title))) : paragraph(t('minutes.allReached')),
  ]);

  const notes = [
    m.notes,
    ...m.agenda.steps.filter((st) => st.notes.trim()).map((st) => `${stepName(st.kind, st.title)}: ${st.notes}`),
  ].filter((n) => n.trim());
  if (notes.length)
    add(
      'notes',
      t('minutes.notes'),
      notes.map((n) => quote(n)),
    );

  return {
    lang: locale,
    title: m.title,
    subtitle: t('minutes.subtitle', {
      workspace: input.workspaceName,
      week: s.week.week,
      from: f.day(s.week.from),
      to: f.day(s.week.to),
    }),
    facts: [
      [t('minutes.held'), `${f.at(m.startedAt)} – ${m.endedAt === null ? t('minutes.running') : f.at(m.endedAt)}`],
      [t('minutes.status'), t(`meetings.status.${m.status}`)],
      [t('minutes.figuresAsOf'), f.at(s.asOf)],
      [t('minutes.timeZone'), s.timeZone],
    ],
    sections,
    footer: t('minutes.footer', {
      asOf: f.at(s.asOf),
      revisions: s.revisionIds.length ? s.revisionIds.join(', ') : '—',
      batches: s.batches.length ? s.batches.map((b) => `${b.id} (${b.fileName})`).join(', ') : '—',
    }),
  };
}
