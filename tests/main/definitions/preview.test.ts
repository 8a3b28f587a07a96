import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../../src/main/sample/generate';
import { preview } from '../../../src/main/definitions/preview';
import { createDefinition, writeRevision } from '../../../src/main/definitions/service';
import { listDefinitions } from '../../../src/main/definitions/reads';
import { DefinitionsRepository } from '../../../src/main/definitions/repository';
import { loadCalendar } from '../../../src/main/calendar/settings';
import { BusinessCalendar } from '../../../src/shared/calendar/business-hours';
import { meetsRule } from '../../../src/shared/definitions/evaluate';
import { revisionBody, type RuleGroup, type SlaTerms } from '../../../src/shared/definitions/model';
import type { RuleLead } from '../../../src/shared/definitions/fields';
import type { RulePreview, SlaPreview } from '../../../src/shared/definitions/types';
import type { Workspace } from '../../../src/main/workspace/workspace';
import { tempWorkspace } from './fixture';

/**
 * The impact preview must equal a direct recomputation under each version: here the sample
 * workspace's tables are read into plain JavaScript and every figure is counted again from the
 * stage history, touches and the JavaScript rule evaluator, without the metrics engine.
 */
const END = '2026-11-22';
const AS_OF = Date.parse('2026-11-25T15:00:00Z');
const WEEKS = 6;

interface Lead extends RuleLead {
  readonly id: number;
  readonly events: Array<{ stage: string; at: number }>;
  readonly touches: number[];
}

let t: ReturnType<typeof tempWorkspace>;
let ws: Workspace;
let leads: Lead[];

beforeAll(() => {
  t = tempWorkspace('preview', 'America/Sao_Paulo');
  ws = t.ws;
  generateSample(ws, { seed: 7, leads: 3000, end: END });
  const stages = new Map(
    (ws.db.prepare('SELECT id, key FROM stages').all() as Array<{ id: number; key: string }>).map((s) => [s.id, s.key]),
  );
  const rows = ws.db
    .prepare('SELECT id, score, amount, segment, source, country, owner, campaign, custom FROM leads ORDER BY id')
    .all() as Array<Omit<Lead, 'custom' | 'events' | 'touches'> & { custom: string }>;
  const byId = new Map<number, Lead>(
    rows.map((r) => [r.id, { ...r, custom: JSON.parse(r.custom) as Record<string, unknown>, events: [], touches: [] }]),
  );
  for (const e of ws.db
    .prepare('SELECT lead_id, stage_id, entered_at FROM stage_events ORDER BY entered_at')
    .all() as Array<{ lead_id: number; stage_id: number; entered_at: number }>) {
    byId.get(e.lead_id)!.events.push({ stage: stages.get(e.stage_id)!, at: e.entered_at });
  }
  for (const x of ws.db.prepare('SELECT lead_id, touched_at FROM touches ORDER BY touched_at').all() as Array<{
    lead_id: number;
    touched_at: number;
  }>) {
    byId.get(x.lead_id)!.touches.push(x.touched_at);
  }
  leads = [...byId.values()];
});
afterAll(() => t.cleanup());

/** The first entry into `stage` within [from, end): the metrics cohort, one per lead. */
const entry = (l: Lead, stage: string, from: number, end: number) =>
  l.events.find((e) => e.stage === stage && e.at >= from && e.at < end)?.at ?? null;
const reached = (l: Lead, stage: string, since: number) =>
  l.events.some((e) => e.stage === stage && e.at >= since && e.at <= AS_OF);
const count = <T>(xs: readonly T[], f: (x: T) => boolean) => xs.filter(f).length;

function weekBounds(p: { from: string; to: string }, zone: string): { from: number; end: number } {
  const local = (d: string) => new Date(new Date(`${d}T00:00:00Z`).getTime() + 3 * 3_600_000).getTime(); // America/Sao_Paulo is UTC-3 all year
  expect(zone).toBe('America/Sao_Paulo');
  const to = new Date(`${p.to}T00:00:00Z`);
  to.setUTCDate(to.getUTCDate() + 1);
  return { from: local(p.from), end: Math.min(local(to.toISOString().slice(0, 10)), AS_OF + 1) };
}

describe('impact preview equals a direct recomputation', () => {
  it('for the proposed MQL criteria (v3) against the ones in force (v2)', () => {
    const mql = listDefinitions(ws, AS_OF).find((d) => d.key === 'mql_criteria')!;
    const proposal = mql.open[0]!;
    const p = preview(ws, { revisionId: proposal.id, weeks: WEEKS, asOf: AS_OF }) as RulePreview;
    expect(p.type).toBe('rule');
    expect(p).toMatchObject({
      stage: 'mql',
      nextStage: 'sal',
      wonStage: 'won',
      isHandoff: true,
      baseline: { version: 2 },
      candidate: { version: 3 },
    });
    expect(p.weeks).toHaveLength(WEEKS);
    expect(p.to).toBe(END); // the last complete week before the week of asOf

    const repo = ws.repo(DefinitionsRepository);
    const ruleOfVersion = (v: number): RuleGroup =>
      revisionBody.stage_criteria.parse(JSON.parse(repo.revisionsOf(mql.id).find((r) => r.version === v)!.body)).rule;
    const rules = { baseline: ruleOfVersion(2), candidate: ruleOfVersion(3) };

    const direct = (from: number, end: number, rule: RuleGroup) => {
      const handed = leads.filter((l) => entry(l, 'mql', from, end) !== null && meetsRule(rule, l));
      const waiting = leads.filter((l) => {
        const e = entry(l, 'lead', from, end);
        return e !== null && !reached(l, 'mql', e) && meetsRule(rule, l);
      });
      return { handed, waiting };
    };
    for (const w of p.weeks) {
      const { from, end } = weekBounds(w, 'America/Sao_Paulo');
      expect(w.actual).toBe(count(leads, (l) => entry(l, 'mql', from, end) !== null));
      for (const role of ['baseline', 'candidate'] as const) {
        const d = direct(from, end, rules[role]);
        expect(w[role]).toEqual({ handedOver: d.handed.length, qualifying: d.handed.length + d.waiting.length });
      }
    }
    const { from, end } = weekBounds(p, 'America/Sao_Paulo');
    for (const role of ['baseline', 'candidate'] as const) {
      const d = direct(from, end, rules[role]);
      const tot = p.totals[role];
      expect(tot.handedOver).toBe(d.handed.length);
      expect(tot.notHandedOver).toBe(d.waiting.length);
      expect(tot.nextRate.numerator).toBe(count(d.handed, (l) => reached(l, 'sal', entry(l, 'mql', from, end)!)));
      expect(tot.nextRate.denominator).toBe(d.handed.length);
      expect(tot.closeRate.numerator).toBe(count(d.handed, (l) => reached(l, 'won', entry(l, 'mql', from, end)!)));
      for (const o of p.owners) {
        expect(o[role].handedOver).toBe(count(d.handed, (l) => l.owner === o.owner));
        expect(o[role].notHandedOver).toBe(count(d.waiting, (l) => l.owner === o.owner));
        const f = o[role].followup;
        if (f) expect(f.met + f.breached + f.pending).toBe(o[role].handedOver);
      }
    }
    const population = leads.filter(
      (l) =>
        entry(l, 'mql', from, end) !== null ||
        (entry(l, 'lead', from, end) !== null && !reached(l, 'mql', entry(l, 'lead', from, end)!)),
    );
    expect(p.gained).toBe(count(population, (l) => meetsRule(rules.candidate, l) && !meetsRule(rules.baseline, l)));
    expect(p.lost).toBe(count(population, (l) => meetsRule(rules.baseline, l) && !meetsRule(rules.candidate, l)));
    // The proposal lets SMB leads scoring 80+ back in: it can only add leads.
    expect(p.lost).toBe(0);
    expect(p.gained).toBeGreaterThan(0);
    expect(p.totals.baseline.handedOver).toBeGreaterThan(20);
    expect(p.totals.candidate.qualifying - p.totals.baseline.qualifying).toBe(p.gained);
  });

  it('for SLA terms v2 against the terms it replaced (v1)', () => {
    const sla = listDefinitions(ws, AS_OF).find((d) => d.key === 'sla')!;
    const p = preview(ws, { revisionId: sla.inForce!.id, weeks: WEEKS, asOf: AS_OF }) as SlaPreview;
    expect(p).toMatchObject({ type: 'sla', baseline: { version: 1 }, candidate: { version: 2 } });
    const repo = ws.repo(DefinitionsRepository);
    const termsOf = (v: number): SlaTerms =>
      revisionBody.sla_terms.parse(JSON.parse(repo.revisionsOf(sla.id).find((r) => r.version === v)!.body)).terms;
    const calendar = new BusinessCalendar(loadCalendar(ws));
    const direct = (from: number, end: number, terms: SlaTerms) => {
      let met = 0;
      let breached = 0;
      let pending = 0;
      let accepted = 0;
      let handed = 0;
      for (const l of leads) {
        const e = entry(l, terms.handoffStage, from, end);
        if (e === null) continue;
        handed++;
        if (reached(l, terms.acceptedStage, e)) accepted++;
        const hours =
          (l.segment !== null ? terms.segmentOverrides[l.segment]?.followUpBusinessHours : undefined) ??
          terms.followUpBusinessHours;
        const deadline = calendar.add(e, hours * 3_600_000);
        const touch = l.touches.find((x) => x >= e);
        const seen = touch !== undefined && touch <= AS_OF ? touch : null;
        if (seen !== null && seen <= deadline) met++;
        else if (seen !== null || AS_OF >= deadline) breached++;
        else pending++;
      }
      const entries = leads.reduce(
        (a, l) => a + l.events.filter((x) => x.stage === terms.handoffStage && x.at >= from && x.at < end).length,
        0,
      );
      return { met, breached, pending, accepted, handed, entries };
    };
    const versions = { baseline: termsOf(1), candidate: termsOf(2) };
    expect(versions.candidate.segmentOverrides).toHaveProperty('Enterprise');
    for (const w of p.weeks) {
      const { from, end } = weekBounds(w, 'America/Sao_Paulo');
      for (const role of ['baseline', 'candidate'] as const) {
        const d = direct(from, end, versions[role]);
        expect(w[role].followup).toMatchObject({ numerator: d.met, denominator: d.met + d.breached });
        expect(w[role].volumeMet).toBe(d.entries >= versions[role].weeklyVolumeTarget);
      }
    }
    const { from, end } = weekBounds(p, 'America/Sao_Paulo');
    for (const role of ['baseline', 'candidate'] as const) {
      const d = direct(from, end, versions[role]);
      expect(p.totals[role].followup).toMatchObject({ met: d.met, breached: d.breached, pending: d.pending });
      expect(p.totals[role].salRate).toMatchObject({ numerator: d.accepted, denominator: d.handed });
      expect(p.totals[role]).toMatchObject({
        weeklyTarget: versions[role].weeklyVolumeTarget,
        salTarget: versions[role].salRateTarget,
      });
    }
    // Enterprise leads get 2 hours instead of 4 under v2: never more of them met than under v1.
    expect(p.totals.candidate.followup.met).toBeLessThanOrEqual(p.totals.baseline.followup.met);
  });

  it('refuses kinds without figures to preview', () => {
    const market = listDefinitions(ws, AS_OF).find((d) => d.kind === 'market')!;
    expect(() => preview(ws, { revisionId: market.inForce!.id, weeks: 4, asOf: AS_OF })).toThrow(
      expect.objectContaining({ code: 'definitions.noPreview' }),
    );
  });
});

describe('impact preview reads', () => {
  /** Every revision a preview can be asked of, with one of the first stage (no stage before it). */
  function previewable(): number[] {
    const lead = createDefinition(
      ws,
      { kind: 'stage_criteria', key: `lead_criteria_${Date.now()}`, title: 'Lead', stageKey: 'lead' },
      AS_OF - 30 * 86_400_000,
    );
    const rule = {
      type: 'group',
      combinator: 'and',
      rules: [{ type: 'condition', field: 'score', operator: 'gte', value: 40 }],
    };
    writeRevision(
      ws,
      {
        definitionId: lead,
        body: { text: 'Scored 40 or more.', rule },
        rationale: '',
        author: 'Priya Nair',
        effectiveFrom: null,
        propose: false,
      },
      AS_OF - 30 * 86_400_000,
    );
    return ws.db
      .prepare<[], number>(
        `SELECT r.id FROM definition_revisions r JOIN definitions d ON d.id = r.definition_id
         WHERE d.kind IN ('stage_criteria', 'icp', 'sla_terms') ORDER BY r.id`,
      )
      .pluck()
      .all();
  }

  it('tells each read before it and the end after the last, against the total it announced, and stops where told to', () => {
    const revisions = previewable();
    const definitions = new Set(revisions.map((id) => ws.repo(DefinitionsRepository).revision(id)!.definition_id));
    expect(definitions.size, 'rules, SLA terms and a first-stage rule').toBeGreaterThanOrEqual(4);
    for (const revisionId of revisions)
      for (const weeks of [1, 6]) {
        const told: Array<[number, number]> = [];
        const p = preview(ws, { revisionId, weeks, asOf: AS_OF }, (done, total) => told.push([done, total]));
        const total = told[0]![1];
        // One call per read and one at the end: done counts 0, 1, … up to the total, which never changes.
        expect(told, `revision ${revisionId}, ${weeks} weeks`).toEqual(
          Array.from({ length: total + 1 }, (_, i) => [i, total]),
        );
        // The same figures as a preview nobody watches.
        expect(p).toEqual(preview(ws, { revisionId, weeks, asOf: AS_OF }));
      }
    // A throw from the callback (a cancel) ends the preview before its next read.
    let reads = 0;
    expect(() =>
      preview(ws, { revisionId: revisions[0]!, weeks: 6, asOf: AS_OF }, (done) => {
        reads = done;
        if (done === 2) throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(reads).toBe(2);
  });
});
