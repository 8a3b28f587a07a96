import { DateTime } from 'luxon';
import type { Workspace } from '../workspace/workspace';
import { openContext, slaRule, type Context } from '../metrics/service';
import { MetricsSql, type Params } from '../metrics/sql';
import type { Bounds } from '../metrics/repository';
import { SlaTermsRepository } from '../metrics/terms';
import { periodRange } from '../../shared/metrics/period';
import { proportion } from '../../shared/metrics/stats';
import type { Stage } from '../../shared/domain/types';
import type { RuleGroup, SlaTerms } from '../../shared/definitions/model';
import { compileRule, type RuleSql } from '../../shared/definitions/sql';
import { inForceAt } from '../../shared/definitions/lifecycle';
import type {
  DefinitionInfo,
  ImpactPreview,
  OwnerLoad,
  PreviewVersion,
  PreviewWeek,
  RulePreview,
  RuleVersionTotals,
  SlaPreview,
  SlaVersionFigures,
} from '../../shared/definitions/types';
import { AppError } from '../../shared/errors';
import { DefinitionsRepository, type DefinitionRow, type RevisionRow } from './repository';
import { RulesRepository } from './rules-repository';
import { requireRevision } from './service';
import { dates, definitionInfo, parseBody } from './views';

/**
 * Impact preview ("what if"): the last N complete weeks recomputed under the revision in force
 * (the baseline) and under another revision (the candidate), with the metrics engine's own
 * building blocks. A rule narrows the engine's rows to the leads meeting it; SLA terms replace
 * the terms in force. See docs/definitions.md for what each figure counts.
 */

export interface PreviewOptions {
  readonly revisionId: number;
  readonly weeks: number;
  readonly asOf?: number | undefined;
}

interface Window {
  readonly weeks: ReadonlyArray<PreviewWeek & { readonly bounds: Bounds }>;
  readonly total: PreviewWeek & { readonly bounds: Bounds };
}

/** The last `n` complete ISO weeks (Monday to Sunday) before the week of `asOf`, in the workspace zone. */
export function previewWeeks(ctx: Context, n: number): Window {
  const monday = DateTime.fromMillis(ctx.asOf, { zone: ctx.zone }).startOf('week');
  const bounds = (from: string, to: string): Bounds => {
    const r = periodRange({ kind: 'custom', from, to }, ctx.zone);
    return { from: r.fromMs, end: Math.min(r.toMs, ctx.asOf + 1), asOf: ctx.asOf, window: null };
  };
  const weeks = Array.from({ length: n }, (_, i) => {
    const start = monday.minus({ weeks: n - i });
    const from = start.toISODate()!;
    const to = start.plus({ days: 6 }).toISODate()!;
    return { from, to, bounds: bounds(from, to) };
  });
  const from = weeks[0]!.from;
  const to = weeks[weeks.length - 1]!.to;
  return { weeks, total: { from, to, bounds: bounds(from, to) } };
}

const asParams = (b: Bounds): Params => ({ from: b.from, end: b.end, asOf: b.asOf, window: b.window });

/** The baseline: the revision in force at asOf, or (when that is the candidate) the one it replaced. */
function baselineOf(rows: readonly RevisionRow[], candidate: RevisionRow, asOf: number): RevisionRow | null {
  const all = rows.map(dates);
  let current = inForceAt(all, asOf);
  if (current?.id === candidate.id)
    current = inForceAt(
      all.filter((r) => r.id !== candidate.id),
      (candidate.effective_from ?? asOf) - 1,
    );
  return rows.find((r) => r.id === current?.id) ?? null;
}

const version = (role: PreviewVersion['role'], r: RevisionRow | null): PreviewVersion => ({
  role,
  revisionId: r?.id ?? null,
  version: r?.version ?? null,
  effectiveFrom: r?.effective_from ?? null,
});

/**
 * Told before each of a preview's reads, and once after the last, with how many are done of how
 * many: its progress, and the place where a cancel (thrown from here) stops it.
 */
export type PreviewReads = (done: number, total: number) => void;

/** Counts a preview's reads against the total its kind makes. */
class ReadCount {
  private done = 0;

  constructor(
    private readonly total: number,
    private readonly told: PreviewReads,
  ) {}

  read<T>(run: () => T): T {
    this.told(this.done, this.total);
    const value = run();
    this.done++;
    return value;
  }

  end(): void {
    this.told(this.done, this.total);
  }
}

/** The revision to preview, refused when there is none or its kind has no preview. */
export function requirePreviewable(ws: Workspace, revisionId: number): ReturnType<typeof requireRevision> {
  const found = requireRevision(ws, revisionId);
  const kind = found.definition.kind;
  if (kind !== 'stage_criteria' && kind !== 'icp' && kind !== 'sla_terms')
    throw new AppError('definitions.noPreview', { kind });
  return found;
}

export function preview(ws: Workspace, options: PreviewOptions, told: PreviewReads = () => undefined): ImpactPreview {
  const { definition, revision } = requirePreviewable(ws, options.revisionId);
  const ctx = openContext(ws, { filters: {}, withinDays: null, asOf: options.asOf });
  const rows = ws.repo(DefinitionsRepository).revisionsOf(definition.id);
  const baseline = baselineOf(rows, revision, ctx.asOf);
  const window = previewWeeks(ctx, options.weeks);
  return definition.kind === 'sla_terms'
    ? slaPreview(ctx, definitionInfo(definition), baseline, revision, window, told)
    : rulePreview(ws, ctx, definition, baseline, revision, window, told);
}

function ruleOf(d: DefinitionRow, r: RevisionRow | null): RuleGroup | null {
  if (!r) return null;
  const body = parseBody(d.kind, r.body, r.id);
  return 'rule' in body ? (body.rule ?? null) : null;
}

/** The engine's row builder narrowed to leads meeting a rule (checked per cohort row, by primary key). */
function narrowed(ctx: Context, rule: RuleSql | null): MetricsSql {
  if (!rule) return ctx.q;
  return new MetricsSql(
    ctx.q.stages,
    {},
    {
      restrict: { sql: `EXISTS (SELECT 1 FROM leads l WHERE l.id = lead_id AND ${rule.sql})`, params: rule.params },
    },
  );
}

function stagesFor(
  ctx: Context,
  d: DefinitionRow,
): { stage: Stage; previous: Stage | null; next: Stage | null; won: Stage | null; isHandoff: boolean } {
  const terms = ctx.ws.repo(SlaTermsRepository).inForce(ctx.asOf).terms;
  const stage = ctx.q.stage(d.kind === 'stage_criteria' && d.stage_key ? d.stage_key : terms.handoffStage);
  const funnel = ctx.q.ofKind('funnel').sort((a, b) => a.position - b.position);
  const at = funnel.findIndex((s) => s.id === stage.id);
  const isHandoff = stage.key === terms.handoffStage;
  const next = isHandoff ? (ctx.q.stages.find((s) => s.key === terms.acceptedStage) ?? null) : (funnel[at + 1] ?? null);
  return { stage, previous: at > 0 ? funnel[at - 1]! : null, next, won: ctx.q.ofKind('won')[0] ?? null, isHandoff };
}

function rulePreview(
  ws: Workspace,
  ctx: Context,
  d: DefinitionRow,
  baselineRow: RevisionRow | null,
  candidateRow: RevisionRow,
  window: Window,
  told: PreviewReads,
): RulePreview {
  const rules = ws.repo(RulesRepository);
  const { stage, previous, next, won, isHandoff } = stagesFor(ctx, d);
  // The weeks of the actual cohort; per version the weeks (and those waiting a step before), its
  // totals (and those waiting) and its owners; the gained and lost leads; the actual total.
  const count = new ReadCount(1 + 2 * (3 + (previous ? 2 : 0)) + 2, told);
  const targets = [next, won].filter((s): s is Stage => s !== null);
  const compiled = {
    baseline: ruleOf(d, baselineRow) ? compileRule(ruleOf(d, baselineRow)!, { alias: 'l', prefix: 'rb' }) : null,
    candidate: ruleOf(d, candidateRow) ? compileRule(ruleOf(d, candidateRow)!, { alias: 'l', prefix: 'rc' }) : null,
  };
  const q = { baseline: narrowed(ctx, compiled.baseline), candidate: narrowed(ctx, compiled.candidate) };
  const notReached = (sql: MetricsSql, b: Bounds) =>
    previous ? count.read(() => rules.notReached(sql, asParams(b), previous, stage)) : [];
  const sum = (xs: ReadonlyArray<{ n: number }>) => xs.reduce((a, x) => a + x.n, 0);

  const spans = window.weeks.map((w) => ({ from: w.bounds.from, end: w.bounds.end }));
  const weekly = (sql: MetricsSql) => {
    const handed = count.read(() => rules.weeklyCohorts(sql, spans, ctx.asOf, stage));
    const waiting = previous
      ? count.read(() => rules.weeklyCohorts(sql, spans, ctx.asOf, previous, stage))
      : handed.map(() => 0);
    return handed.map((h, i) => ({ handedOver: h, qualifying: h + waiting[i]! }));
  };
  const actual = count.read(() => rules.weeklyCohorts(ctx.q, spans, ctx.asOf, stage));
  const byWeek = { baseline: weekly(q.baseline), candidate: weekly(q.candidate) };
  const weeks = window.weeks.map((w, i) => ({
    from: w.from,
    to: w.to,
    actual: actual[i]!,
    baseline: byWeek.baseline[i]!,
    candidate: byWeek.candidate[i]!,
  }));

  const b = window.total.bounds;
  const n = window.weeks.length;
  const sla = isHandoff ? slaRule(ctx, ctx.asOf).rule : null;
  const totals = (sql: MetricsSql): { totals: RuleVersionTotals; owners: Map<string | null, OwnerLoad> } => {
    const conv = count.read(() => ctx.repo.conversions(sql, b, stage, targets));
    const reach = (s: Stage | null) => (s ? (conv.rows[targets.indexOf(s)]?.n ?? 0) : 0);
    const waiting = notReached(sql, b);
    const notHandedOver = sum(waiting);
    const owners = new Map<string | null, OwnerLoad>();
    const follow = new Map((sla ? count.read(() => ctx.repo.slaByOwner(sql, b, sla)) : []).map((o) => [o.owner, o]));
    const waitingBy = new Map(waiting.map((o) => [o.owner, o.n]));
    // The follow-up rows already count the hand-off cohort per owner; other stages need their own count.
    const handedBy = new Map(
      sla
        ? [...follow.values()].map((o) => [o.owner, o.n])
        : count.read(() => rules.cohortByOwner(sql, asParams(b), stage)).map((o) => [o.owner, o.n]),
    );
    for (const owner of new Set([...handedBy.keys(), ...waitingBy.keys()])) {
      const handed = handedBy.get(owner) ?? 0;
      const f = follow.get(owner);
      owners.set(owner, {
        handedOver: handed,
        notHandedOver: waitingBy.get(owner) ?? 0,
        perWeek: (handed + (waitingBy.get(owner) ?? 0)) / n,
        followup: f
          ? { ...proportion(f.met, f.met + f.breached), met: f.met, breached: f.breached, pending: f.pending }
          : null,
      });
    }
    return {
      totals: {
        qualifying: conv.d + notHandedOver,
        handedOver: conv.d,
        notHandedOver,
        perWeek: (conv.d + notHandedOver) / n,
        nextRate: proportion(reach(next), conv.d),
        closeRate: proportion(reach(won), conv.d),
      },
      owners,
    };
  };
  const base = totals(q.baseline);
  const cand = totals(q.candidate);
  const empty: OwnerLoad = { handedOver: 0, notHandedOver: 0, perWeek: 0, followup: null };
  const ownerKeys = [...new Set([...base.owners.keys(), ...cand.owners.keys()])].sort((x, y) =>
    (x ?? '\uffff').localeCompare(y ?? '\uffff'),
  );
  const { gained, lost } = count.read(() =>
    rules.gainedLost(ctx.q, asParams(b), previous, stage, compiled.baseline, compiled.candidate),
  );
  const actualTotal = count.read(() => ctx.repo.conversions(ctx.q, b, stage, []).d);
  count.end();
  return {
    type: 'rule',
    definition: definitionInfo(d),
    stage: stage.key,
    nextStage: next?.key ?? null,
    wonStage: won?.key ?? null,
    isHandoff,
    from: window.total.from,
    to: window.total.to,
    asOf: ctx.asOf,
    baseline: version('baseline', baselineRow),
    candidate: version('candidate', candidateRow),
    weeks,
    totals: { actual: actualTotal, baseline: base.totals, candidate: cand.totals },
    gained,
    lost,
    owners: ownerKeys.map((owner) => ({
      owner,
      baseline: base.owners.get(owner) ?? empty,
      candidate: cand.owners.get(owner) ?? empty,
    })),
  };
}

function termsOf(r: RevisionRow | null): SlaTerms | null {
  if (!r) return null;
  const body = parseBody('sla_terms', r.body, r.id);
  return 'terms' in body ? body.terms : null;
}

function slaPreview(
  ctx: Context,
  d: DefinitionInfo,
  baselineRow: RevisionRow | null,
  candidateRow: RevisionRow,
  window: Window,
  told: PreviewReads,
): SlaPreview {
  const inForce = ctx.ws.repo(SlaTermsRepository).inForce(ctx.asOf);
  const given = (r: RevisionRow | null) => {
    const terms = termsOf(r);
    return terms && r
      ? {
          terms,
          source: {
            kind: 'revision' as const,
            revision_id: r.id,
            definition_key: d.key,
            version: r.version,
            effective_from: r.effective_from,
          },
        }
      : inForce;
  };
  const rules = {
    baseline: slaRule(ctx, ctx.asOf, given(baselineRow)),
    candidate: slaRule(ctx, ctx.asOf, given(candidateRow)),
  };
  // The weeks, the totals and the owners ask the same reads of a window again: each is read once.
  // Per window (each week and the whole) the follow-up under each version and the flow; per
  // version the accepted share.
  const count = new ReadCount(3 * (window.weeks.length + 1) + 2, told);
  const reads = new Map<unknown, Map<Bounds, unknown>>();
  const once = <T>(what: unknown, b: Bounds, read: () => T): T => {
    let byWindow = reads.get(what);
    if (!byWindow) reads.set(what, (byWindow = new Map()));
    if (!byWindow.has(b)) byWindow.set(b, count.read(read));
    return byWindow.get(b) as T;
  };
  const follow = (rule: (typeof rules)['baseline']['rule'], b: Bounds) =>
    once(rule, b, () => {
      const rows = ctx.repo.slaByOwner(ctx.q, b, rule);
      const met = rows.reduce((a, r) => a + r.met, 0);
      const breached = rows.reduce((a, r) => a + r.breached, 0);
      const pending = rows.reduce((a, r) => a + r.pending, 0);
      return { rows, figure: { ...proportion(met, met + breached), met, breached, pending } };
    });
  const flowOf = (stage: Stage, b: Bounds) =>
    once('flow', b, () => ctx.repo.flow(ctx.q, b)).find((r) => r.stage_id === stage.id)?.n ?? 0;
  const weeks = window.weeks.map((w) => {
    const one = (v: (typeof rules)['baseline']) => ({
      followup: follow(v.rule, w.bounds).figure,
      volumeMet: flowOf(v.rule.handoff, w.bounds) >= v.terms.terms.weeklyVolumeTarget,
    });
    return {
      from: w.from,
      to: w.to,
      handedOver: flowOf(rules.candidate.rule.handoff, w.bounds),
      baseline: one(rules.baseline),
      candidate: one(rules.candidate),
    };
  });
  const b = window.total.bounds;
  const totals = (
    v: (typeof rules)['baseline'],
    role: 'baseline' | 'candidate',
  ): SlaVersionFigures & { weeksVolumeMet: number } => {
    const accepted = count.read(() => ctx.repo.conversions(ctx.q, b, v.rule.handoff, [v.rule.accepted]));
    const salRate = proportion(accepted.rows[0]?.n ?? 0, accepted.d);
    const t = v.terms.terms;
    return {
      followup: follow(v.rule, b).figure,
      weeklyTarget: t.weeklyVolumeTarget,
      salTarget: t.salRateTarget,
      salRate,
      salMet: salRate.rate === null ? null : salRate.rate >= t.salRateTarget,
      followUpHours: t.followUpBusinessHours,
      segmentFollowUpHours: Object.fromEntries(
        Object.entries(t.segmentOverrides).flatMap(([segment, o]) =>
          o.followUpBusinessHours === undefined ? [] : [[segment, o.followUpBusinessHours]],
        ),
      ),
      weeksVolumeMet: weeks.filter((w) => w[role].volumeMet).length,
    };
  };
  const ownerLoads = (v: (typeof rules)['baseline']) =>
    new Map(
      follow(v.rule, b).rows.map((o): [string | null, OwnerLoad] => [
        o.owner,
        {
          handedOver: o.n,
          notHandedOver: 0,
          perWeek: o.n / window.weeks.length,
          followup: { ...proportion(o.met, o.met + o.breached), met: o.met, breached: o.breached, pending: o.pending },
        },
      ]),
    );
  const base = ownerLoads(rules.baseline);
  const cand = ownerLoads(rules.candidate);
  const empty: OwnerLoad = { handedOver: 0, notHandedOver: 0, perWeek: 0, followup: null };
  const owners = [...new Set([...base.keys(), ...cand.keys()])].sort((x, y) =>
    (x ?? '\uffff').localeCompare(y ?? '\uffff'),
  );
  const whole = {
    handedOver: flowOf(rules.candidate.rule.handoff, b),
    baseline: totals(rules.baseline, 'baseline'),
    candidate: totals(rules.candidate, 'candidate'),
  };
  count.end();
  return {
    type: 'sla',
    definition: d,
    from: window.total.from,
    to: window.total.to,
    asOf: ctx.asOf,
    baseline: version('baseline', baselineRow),
    candidate: version('candidate', candidateRow),
    weeks,
    totals: whole,
    owners: owners.map((owner) => ({ owner, baseline: base.get(owner) ?? empty, candidate: cand.get(owner) ?? empty })),
  };
}
