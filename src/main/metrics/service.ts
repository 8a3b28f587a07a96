import type { Workspace } from '../workspace/workspace';
import { WorkspaceRepository } from '../workspace/repository';
import { loadCalendar } from '../calendar/settings';
import {
  MetricsRepository,
  type Bounds,
  type Movements,
  type SlaOwnerRow,
  type SlaRule,
  type StageCounts,
} from './repository';
import { SlaTermsRepository } from './terms';
import { entryStep, exitStep } from './waterfall-steps';
import { MetricsSql } from './sql';
import { BusinessCalendar } from '../../shared/calendar/business-hours';
import type { ResolvedCalendar } from '../../shared/calendar/model';
import {
  classifyPeriod,
  periodRange,
  previousPeriod,
  yearAgoPeriod,
  type Period,
  type PeriodRange,
} from '../../shared/metrics/period';
import { compare, days1, hours1, proportion } from '../../shared/metrics/stats';
import { channelKey, costAttributable, costPer } from '../../shared/metrics/cost';
import { BENCHMARKS } from '../../shared/metrics/benchmarks';
import {
  type ConversionFigure,
  type CostFigure,
  type DurationFigure,
  type Filters,
  type FlowFigures,
  type PeriodFigures,
  type WeekFigures,
  type Report,
  type SlaFigures,
  type VelocityFigure,
  type WaterfallRow,
  type WinLossBreakdown,
  type WinLossRow,
} from '../../shared/metrics/types';
import type { Stage } from '../../shared/domain/types';
import { AppError } from '../../shared/errors';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface ReportOptions {
  readonly from: string;
  readonly to: string;
  readonly filters: Filters;
  readonly withinDays: number | null;
  readonly asOf?: number | undefined;
  readonly pairs?: ReadonlyArray<{ from: string; to: string }> | undefined;
  readonly compare: boolean;
}

/** What `computeWeekFigures` reads: a report's options without comparisons. */
export type WeekOptions = Omit<ReportOptions, 'compare'>;

/** What every figure of one request shares. */
export interface Context {
  readonly ws: Workspace;
  readonly repo: MetricsRepository;
  readonly q: MetricsSql;
  readonly zone: string;
  readonly calendar: ResolvedCalendar;
  readonly asOf: number;
  readonly window: number | null;
}

const calendars = new WeakMap<Workspace, { key: string; calendar: BusinessCalendar }>();

/** Opens the context of a request: stages, filters, calendar (cached per workspace while unchanged). */
export function openContext(
  ws: Workspace,
  options: { filters: Filters; withinDays: number | null; asOf?: number | undefined },
): Context {
  const stages = ws.repo(WorkspaceRepository).stages();
  const calendar = loadCalendar(ws);
  const key = JSON.stringify(calendar);
  let cached = calendars.get(ws);
  if (!cached || cached.key !== key) {
    cached = { key, calendar: new BusinessCalendar(calendar) };
    calendars.set(ws, cached);
  }
  const repo = ws.repo(MetricsRepository);
  repo.useCalendar(cached.calendar);
  return {
    ws,
    repo,
    q: new MetricsSql(stages, options.filters, { windowed: options.withinDays !== null }),
    zone: ws.settings().timeZone,
    calendar,
    asOf: options.asOf ?? Date.now(),
    window: options.withinDays === null ? null : Math.round(options.withinDays * DAY),
  };
}

export function checkPeriod(from: string, to: string): Period {
  if (from > to) throw new AppError('metrics.badPeriod', { from, to });
  return classifyPeriod(from, to);
}

/** Entries per stage key (every stage listed), from counts per stage id and anything else. */
function flowOf(q: MetricsSql, rows: Iterable<{ stage_id: number; n: number }>): Record<string, number> {
  const byId = new Map(q.stages.map((s) => [s.id, s.key]));
  const flow: Record<string, number> = Object.fromEntries(q.stages.map((s) => [s.key, 0]));
  for (const r of rows) flow[byId.get(r.stage_id)!]! += r.n;
  return flow;
}

function periodOf(period: Period, range: PeriodRange): WeekFigures['period'] {
  return {
    kind: period.kind,
    from: period.from,
    to: period.to,
    from_ms: range.fromMs,
    to_ms: range.toMs,
    days: range.days,
  };
}

function stagesOf(ctx: Context): Report['stages'] {
  return ctx.q.stages.map((s) => ({ key: s.key, kind: s.kind, position: s.position, labels: s.labels }));
}

function bounds(ctx: Context, range: PeriodRange, asOf: number): Bounds {
  return { from: range.fromMs, end: Math.min(range.toMs, asOf + 1), asOf, window: ctx.window };
}

function funnel(q: MetricsSql): Stage[] {
  return q.ofKind('funnel');
}

/** Every funnel stage to the next one and to won (the first won-kind stage). */
export function defaultPairs(q: MetricsSql): Array<{ from: string; to: string }> {
  const f = funnel(q);
  const won = q.ofKind('won')[0];
  const pairs: Array<{ from: string; to: string }> = [];
  f.forEach((s, i) => {
    const next = f[i + 1] ?? won;
    if (next) pairs.push({ from: s.key, to: next.key });
  });
  if (won)
    for (const s of f)
      if (!pairs.some((p) => p.from === s.key && p.to === won.key)) pairs.push({ from: s.key, to: won.key });
  return pairs;
}

function duration(row: { n: number; med: number | null; p75: number | null }): DurationFigure {
  return { n: row.n, median_days: days1(row.med), p75_days: days1(row.p75) };
}

/**
 * The rule the SLA figures of a period follow: terms in force at its start, stages resolved, and
 * each lead's follow-up window from the terms in force at its hand-off. `given` terms (an impact
 * preview) apply to every lead instead.
 */
export function slaRule(
  ctx: Context,
  at: number,
  given?: ReturnType<SlaTermsRepository['inForce']>,
): { rule: SlaRule; terms: ReturnType<SlaTermsRepository['inForce']> } {
  const terms = given ?? ctx.ws.repo(SlaTermsRepository).inForce(at);
  const t = terms.terms;
  const segmentWindowMs = Object.entries(t.segmentOverrides)
    .filter(([, o]) => o.followUpBusinessHours !== undefined)
    .map(([segment, o]): readonly [string, number] => [segment, o.followUpBusinessHours! * HOUR]);
  return {
    terms,
    rule: {
      handoff: ctx.q.stage(t.handoffStage),
      accepted: ctx.q.stage(t.acceptedStage),
      rejection: [...ctx.q.ofKind('recycled'), ...ctx.q.ofKind('disqualified')],
      windowMs: t.followUpBusinessHours * HOUR,
      segmentWindowMs,
      clockStart: t.clockStart,
      recyclingMs: t.recyclingBusinessHours * HOUR,
      windowsByHandoff: given ? [] : ctx.ws.repo(SlaTermsRepository).windowsByHandoff(),
    },
  };
}

/** Leads in a stage at an instant whose span started before `before` (see `inStageAt`). */
type InStage = (s: Stage, at: number, before: number) => number;

/** A stage's allowed age in ms, null when it has none (never stalled). */
function allowedAge(s: Stage): number | null {
  return s.allowedAgeDays === null ? null : s.allowedAgeDays * DAY;
}

/**
 * Counts what a period's waterfall and stalled figures ask of each funnel stage, all at the
 * period's end, each stage's asks in one pass: leads in it, stalled ones, and those entered before
 * the stalled bound of the start. The waterfall derives its start from these and the period's
 * movements, so no count looks back to the start: counting at an instant reads every span left
 * since it, and the end is the latest instant a period asks about (a week's current period
 * reads the spans of the hours since its end instead of the whole week's).
 */
function countInStages(ctx: Context, b: Bounds): InStage {
  const counted = new Map<string, number>();
  const key = (s: Stage, at: number, before: number) => `${s.id}:${at}:${before}`;
  for (const s of funnel(ctx.q)) {
    const age = allowedAge(s);
    const asks = [{ at: b.end, before: b.end }];
    if (age !== null) asks.push({ at: b.end, before: b.from - age }, { at: b.end, before: b.end - age });
    const distinct = asks.filter((a, i) => asks.findIndex((w) => w.before === a.before) === i);
    ctx.repo.inStageAt(ctx.q, s, distinct).forEach((n, i) => counted.set(key(s, b.end, distinct[i]!.before), n));
  }
  return (s, at, before) => counted.get(key(s, at, before)) ?? ctx.repo.inStageAt(ctx.q, s, [{ at, before }])[0]!;
}

/** Per funnel stage with an allowed age, the instant a span must have been entered before to be stalled at `at`. */
function stalledBounds(q: MetricsSql, at: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const s of funnel(q)) {
    const age = allowedAge(s);
    if (age !== null) out.set(s.id, at - age);
  }
  return out;
}

function stalledAt(ctx: Context, inStage: InStage, at: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of funnel(ctx.q)) {
    const age = allowedAge(s);
    if (age !== null) out[s.key] = inStage(s, at, at - age);
  }
  return out;
}

/**
 * Each funnel stage's count at the start, every entry and exit of the period by kind, and its count
 * at the end. The end is counted and the start derived from it (start = end - entries + exits), so
 * every change in between is accounted for. Stalled at the start: the spans entered before the
 * stalled bound still in the stage at the end, plus those of them that left during the period.
 */
function waterfall(
  ctx: Context,
  b: Bounds,
  { entries, exits, stalledExits }: Movements,
  inStage: InStage,
  stalledEnd: Record<string, number>,
): WaterfallRow[] {
  const { q } = ctx;
  const stages = funnel(q);
  const byId = new Map(q.stages.map((s) => [s.id, s]));
  const rows = new Map<number, { -readonly [K in keyof WaterfallRow]: WaterfallRow[K] }>();
  for (const s of stages) {
    const age = allowedAge(s);
    rows.set(s.id, {
      stage: s.key,
      start: 0,
      end: inStage(s, b.end, b.end),
      in_new: 0,
      in_advanced: 0,
      in_moved_back: 0,
      in_returned: 0,
      in_reopened: 0,
      out_advanced: 0,
      out_moved_back: 0,
      out_recycled: 0,
      out_won: 0,
      out_lost: 0,
      out_disqualified: 0,
      stalled_start: age === null ? 0 : inStage(s, b.end, b.from - age) + (stalledExits.get(s.id) ?? 0),
      stalled_end: stalledEnd[s.key] ?? 0,
    });
  }
  for (const e of entries) {
    const row = rows.get(e.stage_id);
    if (row) row[entryStep(byId.get(e.stage_id)!, e.other === null ? undefined : byId.get(e.other))] += e.n;
  }
  for (const e of exits) {
    const row = rows.get(e.stage_id);
    const next = e.other === null ? undefined : byId.get(e.other);
    if (row && next) row[exitStep(byId.get(e.stage_id)!, next)] += e.n;
  }
  return [...rows.values()].map((r) => ({
    ...r,
    start:
      r.end -
      (r.in_new + r.in_advanced + r.in_moved_back + r.in_returned + r.in_reopened) +
      (r.out_advanced + r.out_moved_back + r.out_recycled + r.out_won + r.out_lost + r.out_disqualified),
  }));
}

function sla(
  ctx: Context,
  range: PeriodRange,
  b: Bounds,
  flow: Record<string, number>,
  conversions: ReadonlyMap<string, { d: number; n: number }>,
  filters: Filters,
): SlaFigures {
  const { rule, terms } = slaRule(ctx, range.fromMs);
  const t = terms.terms;
  const owners = ctx.repo.slaByOwner(ctx.q, b, rule);
  const sum = (k: Exclude<keyof SlaOwnerRow, 'owner'>) => owners.reduce((acc, o) => acc + (o[k] ?? 0), 0);
  const met = sum('met');
  const breached = sum('breached');
  const followRate = proportion(met, met + breached);
  const delays = ctx.repo.delays(ctx.q, b, rule);
  // The SAL rate is the hand-off stage's conversion to the accepted stage, without a window: the
  // period's conversions already counted it unless a window applies or the pair is not asked for.
  let accepted = ctx.window === null ? conversions.get(`${rule.handoff.key}>${rule.accepted.key}`) : undefined;
  if (!accepted) {
    const c = ctx.repo.conversions(ctx.q, { ...b, window: null }, rule.handoff, [rule.accepted]);
    accepted = { d: c.d, n: c.rows[0]!.n };
  }
  const quality = proportion(accepted.n, accepted.d);
  const onlySegment = filters.segment?.length === 1 ? t.segmentOverrides[filters.segment[0]!] : undefined;
  const weekly = onlySegment?.weeklyVolumeTarget ?? t.weeklyVolumeTarget;
  const salTarget = onlySegment?.salRateTarget ?? t.salRateTarget;
  const target = Math.round(((weekly * range.days) / 7) * 10) / 10;
  const actual = flow[rule.handoff.key] ?? 0;
  const rec = {
    rejected: sum('rejected'),
    with_reason: sum('with_reason'),
    within_window: sum('within_window'),
    compliant: sum('compliant'),
  };
  const recRate = proportion(rec.compliant, rec.rejected);
  return {
    terms: terms.source,
    handoff_stage: rule.handoff.key,
    accepted_stage: rule.accepted.key,
    followup: {
      handed_over: sum('n'),
      met,
      breached,
      pending: sum('pending'),
      rate: followRate.rate,
      ci_low: followRate.ci_low,
      ci_high: followRate.ci_high,
      small: followRate.small,
      business_hours: t.followUpBusinessHours,
      clock_start: t.clockStart,
      by_owner: owners.map((o) => {
        const p = proportion(o.met, o.met + o.breached);
        return {
          owner: o.owner,
          handed_over: o.n,
          met: o.met,
          breached: o.breached,
          pending: o.pending,
          rate: p.rate,
          ci_low: p.ci_low,
          ci_high: p.ci_high,
          small: p.small,
        };
      }),
      routing_delay: { n: delays.rn, median_hours: hours1(delays.rmed), p75_hours: hours1(delays.rp75) },
      rep_delay: { n: delays.tn, median_hours: hours1(delays.tmed), p75_hours: hours1(delays.tp75) },
    },
    volume: { actual, target, weekly_target: weekly, met: actual >= target },
    quality: {
      ...quality,
      target: salTarget,
      met: quality.rate === null ? null : quality.rate >= salTarget,
      below_target_significant: quality.ci_high !== null && quality.ci_high < salTarget,
    },
    recycling: {
      ...recRate,
      rejected: rec.rejected,
      with_reason: rec.with_reason,
      within_window: rec.within_window,
      business_hours: t.recyclingBusinessHours,
    },
    arbitration: { count: sum('arbitration') },
  };
}

function winloss(ctx: Context, b: Bounds): Pick<PeriodFigures, 'winloss' | 'winloss_by' | 'no_reason'> {
  const { q, repo } = ctx;
  const closing = [...q.ofKind('won'), ...q.ofKind('lost')];
  const byId = new Map(q.stages.map((s) => [s.id, s]));
  const outcome = (id: number): 'won' | 'lost' => (byId.get(id)?.kind === 'won' ? 'won' : 'lost');
  const rows = repo.closings(q, b, closing);
  const totals = { won: 0, lost: 0 };
  const merged = new Map<string, WinLossRow>();
  for (const r of rows) totals[outcome(r.stage_id)] += r.n;
  for (const r of rows) {
    const o = outcome(r.stage_id);
    const key = `${o}\u0000${r.reason}`;
    const count = (merged.get(key)?.count ?? 0) + r.n;
    merged.set(key, { outcome: o, reason: r.reason, count, share: totals[o] > 0 ? count / totals[o] : 0 });
  }
  const breakdown = (by: 'segment' | 'source' | 'owner' | 'prev_stage_id', only?: 'lost'): WinLossBreakdown[] => {
    const counts = new Map<string, { -readonly [K in keyof WinLossBreakdown]: WinLossBreakdown[K] }>();
    for (const r of rows) {
      const o = outcome(r.stage_id);
      if (only && o !== only) continue;
      const v = r[by];
      const value =
        by === 'prev_stage_id' ? (typeof v === 'number' ? (byId.get(v)?.key ?? null) : null) : (v as string | null);
      // By outcome, not stage: a workspace may have several lost (or won) stages, and a cell counts them all.
      const key = JSON.stringify([o, value, r.reason]);
      const row = counts.get(key);
      if (row) row.count += r.n;
      else counts.set(key, { outcome: o, value, reason: r.reason, count: r.n });
    }
    // Largest first, then by reason in code order (as SQL's ORDER BY n DESC, reason did), then the rest for a stable order.
    const order = (x: string | null, y: string | null) =>
      x === y ? 0 : x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
    return [...counts.values()].sort(
      (x, y) =>
        y.count - x.count || order(x.reason, y.reason) || order(x.outcome, y.outcome) || order(x.value, y.value),
    );
  };
  const all = totals.won + totals.lost;
  const none = rows.filter((r) => r.reason === '(none)').reduce((a, r) => a + r.n, 0);
  return {
    winloss: [...merged.values()].sort((x, y) =>
      x.outcome === y.outcome ? y.count - x.count || x.reason.localeCompare(y.reason) : x.outcome === 'won' ? -1 : 1,
    ),
    winloss_by: {
      segment: breakdown('segment'),
      source: breakdown('source'),
      owner: breakdown('owner'),
      lost_at_stage: breakdown('prev_stage_id', 'lost'),
    },
    no_reason: proportion(none, all),
  };
}

/** Months (YYYY-MM) a period touches, with the share of each month's days inside it. */
function monthShares(range: PeriodRange): Array<{ month: string; share: number }> {
  const out: Array<{ month: string; share: number }> = [];
  let y = Number(range.from.slice(0, 4));
  let m = Number(range.from.slice(5, 7));
  const fromDay = Date.parse(`${range.from}T00:00:00Z`) / DAY;
  const toDay = Date.parse(`${range.to}T00:00:00Z`) / DAY;
  for (;;) {
    const first = Date.UTC(y, m - 1, 1) / DAY;
    const last = Date.UTC(y, m, 0) / DAY;
    if (first > toDay) break;
    const overlap = Math.min(last, toDay) - Math.max(first, fromDay) + 1;
    if (overlap > 0) out.push({ month: `${y}-${String(m).padStart(2, '0')}`, share: overlap / (last - first + 1) });
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

function cost(ctx: Context, range: PeriodRange, b: Bounds, filters: Filters): CostFigure[] {
  if (!costAttributable(filters)) return [];
  const shares = monthShares(range);
  const spend = ctx.repo.spendForMonths(shares.map((s) => s.month));
  if (spend.length === 0) return [];
  const { q } = ctx;
  const first = funnel(q)[0];
  const { rule } = slaRule(ctx, range.fromMs);
  const sqlStage = q.stages.find((s) => s.key === 'sql');
  const won = q.ofKind('won');
  const wanted = [first, rule.handoff, sqlStage, ...won].filter((s): s is Stage => s !== undefined);
  const counts = new Map<string, { leads: number; mqls: number; sqls: number; won: number; sources: string[] }>();
  for (const r of ctx.repo.entriesBySource(q, b, wanted)) {
    const key = channelKey(r.source ?? '');
    const c = counts.get(key) ?? { leads: 0, mqls: 0, sqls: 0, won: 0, sources: [] };
    // The sources as the leads spell them, so the counts drill down with a source filter.
    if (r.source !== null && !c.sources.includes(r.source)) c.sources.push(r.source);
    if (first && r.stage_id === first.id) c.leads += r.n;
    if (r.stage_id === rule.handoff.id) c.mqls += r.n;
    if (sqlStage && r.stage_id === sqlStage.id) c.sqls += r.n;
    if (won.some((w) => w.id === r.stage_id)) c.won += r.n;
    counts.set(key, c);
  }
  const share = new Map(shares.map((s) => [s.month, s.share]));
  const allowed = filters.source?.map(channelKey);
  const byCurrency = new Map<string, Map<string, number>>();
  // Channels match sources case-insensitively and are shown as the spend file first spelled them.
  const spelled = new Map<string, string>();
  for (const s of spend) {
    const channel = channelKey(s.channel);
    if (allowed && !allowed.includes(channel)) continue;
    if (!spelled.has(channel)) spelled.set(channel, s.channel.trim());
    const m = byCurrency.get(s.currency) ?? new Map<string, number>();
    m.set(channel, (m.get(channel) ?? 0) + s.amount * (share.get(s.month) ?? 0));
    byCurrency.set(s.currency, m);
  }
  return [...byCurrency.entries()].map(([currency, channels]) => {
    const by_channel = [...channels.entries()]
      .map(([channel, amount]) => ({
        channel: spelled.get(channel) ?? channel,
        spend: Math.round(amount * 100) / 100,
        ...(counts.get(channel) ?? { leads: 0, mqls: 0, sqls: 0, won: 0, sources: [] }),
      }))
      .sort((x, y) => y.spend - x.spend);
    const total = (k: 'spend' | 'leads' | 'mqls' | 'sqls' | 'won') => by_channel.reduce((a, c) => a + c[k], 0);
    const spendTotal = Math.round(total('spend') * 100) / 100;
    return {
      currency,
      spend: spendTotal,
      leads: total('leads'),
      mqls: total('mqls'),
      sqls: total('sqls'),
      won: total('won'),
      per_lead: costPer(spendTotal, total('leads')),
      per_mql: costPer(spendTotal, total('mqls')),
      per_sql: sqlStage ? costPer(spendTotal, total('sqls')) : null,
      per_won: costPer(spendTotal, total('won')),
      by_channel,
    };
  });
}

/** Flow, conversion, velocity and SLA of one period, read as of `asOf`. */
function weekFigures(
  ctx: Context,
  period: Period,
  asOf: number,
  pairs: ReadonlyArray<{ from: string; to: string }>,
  filters: Filters,
  entries?: StageCounts,
): WeekFigures {
  const { q, repo } = ctx;
  const range = periodRange(period, ctx.zone);
  const b = bounds(ctx, range, asOf);
  const flow = flowOf(q, entries ?? repo.flow(q, b));

  const conversion: ConversionFigure[] = [];
  const velocity: VelocityFigure[] = [];
  const grouped = new Map<string, Stage[]>();
  for (const p of pairs) {
    const list = grouped.get(p.from) ?? [];
    list.push(q.stage(p.to));
    grouped.set(p.from, list);
  }
  const results = new Map<string, { d: number; n: number; open: number; med: number | null; p75: number | null }>();
  for (const [from, targets] of grouped) {
    const r = repo.conversions(q, b, q.stage(from), targets);
    targets.forEach((t, i) => results.set(`${from}>${t.key}`, { d: r.d, ...r.rows[i]! }));
  }
  for (const p of pairs) {
    const r = results.get(`${p.from}>${p.to}`)!;
    conversion.push({
      from: p.from,
      to: p.to,
      within_days: ctx.window === null ? null : ctx.window / DAY,
      ...proportion(r.n, r.d),
      open: r.open,
      open_share: r.d > 0 ? r.open / r.d : null,
    });
    velocity.push({ from: p.from, to: p.to, ...duration({ n: r.n, med: r.med, p75: r.p75 }) });
  }
  return {
    period: periodOf(period, range),
    flow,
    conversion,
    velocity,
    sla: sla(ctx, range, b, flow, results, filters),
  };
}

/** Every figure of one period, read as of `asOf`. */
function periodFigures(
  ctx: Context,
  period: Period,
  asOf: number,
  pairs: ReadonlyArray<{ from: string; to: string }>,
  filters: Filters,
): PeriodFigures {
  const { q, repo } = ctx;
  const range = periodRange(period, ctx.zone);
  const b = bounds(ctx, range, asOf);
  // The stage changes give both the flow (entries summed per stage) and the waterfall.
  const movements = repo.movements(q, b, stalledBounds(q, b.from));
  const week = weekFigures(ctx, period, asOf, pairs, filters, movements.entries);
  const { flow } = week;
  const inStage = countInStages(ctx, b);
  const stalled = stalledAt(ctx, inStage, b.end);
  const stageByKey = (key: string) => q.stages.find((s) => s.key === key);
  const since = (key: string) => {
    const s = stageByKey(key);
    return s ? duration(repo.sinceCreated(q, b, [s])) : null;
  };
  const sumKind = (kind: Stage['kind']) => q.ofKind(kind).reduce((a, s) => a + (flow[s.key] ?? 0), 0);
  return {
    ...week,
    stalled,
    waterfall: waterfall(ctx, b, movements, inStage, stalled),
    ...winloss(ctx, b),
    kpis: {
      deals_won: sumKind('won'),
      sal: flow[week.sla.accepted_stage] ?? 0,
      sql: stageByKey('sql') ? (flow.sql ?? 0) : null,
      demos: stageByKey('demo') ? (flow.demo ?? 0) : null,
      lost_deals: sumKind('lost'),
      time_to_proposal: since('proposal'),
      time_to_contract: since('contract'),
      lead_lifetime: duration(repo.sinceCreated(q, b, q.ofKind('won'))),
    },
    cost: cost(ctx, range, b, filters),
  };
}

function withChanges<F extends WeekFigures>(current: F, previous: WeekFigures | null, yearAgo: WeekFigures | null): F {
  const find = (p: WeekFigures | null, c: ConversionFigure) =>
    p?.conversion.find((x) => x.from === c.from && x.to === c.to) ?? null;
  const followOf = (p: WeekFigures | null) =>
    p ? { numerator: p.sla.followup.met, denominator: p.sla.followup.met + p.sla.followup.breached } : null;
  const follow = followOf(current)!;
  return {
    ...current,
    conversion: current.conversion.map((c) => ({
      ...c,
      vs_previous: compare(c, find(previous, c)),
      vs_year_ago: compare(c, find(yearAgo, c)),
    })),
    sla: {
      ...current.sla,
      followup: {
        ...current.sla.followup,
        vs_previous: compare(follow, followOf(previous)),
        vs_year_ago: compare(follow, followOf(yearAgo)),
      },
      quality: {
        ...current.sla.quality,
        vs_previous: compare(current.sla.quality, previous?.sla.quality ?? null),
        vs_year_ago: compare(current.sla.quality, yearAgo?.sla.quality ?? null),
      },
      recycling: {
        ...current.sla.recycling,
        vs_previous: compare(current.sla.recycling, previous?.sla.recycling ?? null),
        vs_year_ago: compare(current.sla.recycling, yearAgo?.sla.recycling ?? null),
      },
    },
  };
}

function checkedPairs(ctx: Context, options: ReportOptions): ReadonlyArray<{ from: string; to: string }> {
  const pairs = options.pairs?.length ? options.pairs : defaultPairs(ctx.q);
  for (const p of pairs) {
    ctx.q.stage(p.from);
    ctx.q.stage(p.to);
    if (p.from === p.to) throw new AppError('metrics.samePair', { stage: p.from });
  }
  return pairs;
}

/**
 * Flow, conversion, velocity and SLA of one period, without comparisons: what a trend point, a
 * breakdown row or a scorecard week reads. The same numbers as `computeReport`, at about a third of
 * its cost on a million leads (the waterfall and stalled counts, win/loss, KPIs and cost are most of it).
 */
export function computeWeekFigures(ws: Workspace, options: WeekOptions): WeekFigures {
  const period = checkPeriod(options.from, options.to);
  const ctx = openContext(ws, options);
  const figures = weekFigures(
    ctx,
    period,
    ctx.asOf,
    checkedPairs(ctx, { ...options, compare: false }),
    options.filters,
  );
  // Shaped as a report without comparisons is (its changes say "nothing to compare").
  return withChanges(figures, null, null);
}

/**
 * A period's flow (entries into each stage, re-entries counted again), equal to a report's, and
 * the stages to show it by: what an import's done step shows for the whole stage history, where a
 * report would read every other figure over years of data too.
 */
export function computeFlow(
  ws: Workspace,
  options: { from: string; to: string; filters: Filters; asOf?: number | undefined },
): FlowFigures {
  const period = checkPeriod(options.from, options.to);
  const ctx = openContext(ws, { ...options, withinDays: null });
  const range = periodRange(period, ctx.zone);
  const flow = flowOf(ctx.q, ctx.repo.flow(ctx.q, bounds(ctx, range, ctx.asOf)));
  return { period: periodOf(period, range), stages: stagesOf(ctx), flow };
}

/** One period of a report, as its figures are computed: alone, so it can run on any connection. */
export interface PeriodTask {
  readonly period: Period;
  /** The instant the period is read at (a comparison period's is moved back with it). */
  readonly asOf: number;
}

/** What a report's periods share, fixed once so every period reads the same instant and pairs. */
export interface ReportPlan {
  readonly ctx: Context;
  readonly pairs: ReadonlyArray<{ from: string; to: string }>;
  readonly filters: Filters;
  /** The current period, then (when compared) the previous period and the same period a year earlier. */
  readonly tasks: readonly PeriodTask[];
}

/**
 * Comparison periods are read at the same age as the current one (asOf moved back by the distance
 * between the periods), so a young cohort is never compared with a matured one.
 */
export function planReport(ws: Workspace, options: ReportOptions): ReportPlan {
  const period = checkPeriod(options.from, options.to);
  const ctx = openContext(ws, options);
  const pairs = checkedPairs(ctx, options);
  const shifted = (other: Period): PeriodTask => ({
    period: other,
    asOf: ctx.asOf - (periodRange(period, ctx.zone).fromMs - periodRange(other, ctx.zone).fromMs),
  });
  const tasks = [{ period, asOf: ctx.asOf }];
  if (options.compare) tasks.push(shifted(previousPeriod(period)), shifted(yearAgoPeriod(period)));
  return { ctx, pairs, filters: options.filters, tasks };
}

/** The figures of one of a plan's periods, on the connection of `plan.ctx`. */
export function computePeriod(plan: ReportPlan, task: PeriodTask): PeriodFigures {
  return periodFigures(plan.ctx, task.period, task.asOf, plan.pairs, plan.filters);
}

/** The report from its plan and its periods' figures, in the plan's order. */
export function assembleReport(plan: ReportPlan, options: ReportOptions, figures: readonly PeriodFigures[]): Report {
  const { ctx } = plan;
  const [current, previous = null, yearAgo = null] = figures;
  return {
    ...withChanges(current!, previous, yearAgo),
    time_zone: ctx.zone,
    as_of: ctx.asOf,
    filters: options.filters,
    within_days: options.withinDays,
    calendar: { zone: ctx.calendar.zone, preset: ctx.calendar.preset, holidays: ctx.calendar.holidays.length },
    stages: stagesOf(ctx),
    benchmarks: BENCHMARKS,
    previous,
    year_ago: yearAgo,
  };
}

/** The report of a plan, every period on the connection of `plan.ctx`. */
export function reportOf(plan: ReportPlan, options: ReportOptions): Report {
  return assembleReport(
    plan,
    options,
    plan.tasks.map((t) => computePeriod(plan, t)),
  );
}

/** The weekly review's figures, every period on the workspace's own connection. */
export function computeReport(ws: Workspace, options: ReportOptions): Report {
  return reportOf(planReport(ws, options), options);
}
