import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Runtime } from '../../../src/main/runtime/runtime';
import { createDispatch, type Dispatch } from '../../../src/main/runtime/dispatch';
import { handlers } from '../../../src/main/runtime/handlers';
import { periodRange } from '../../../src/shared/metrics/period';
import { classifyPeriod } from '../../../src/shared/metrics/period';
import type { Report } from '../../../src/shared/metrics/types';
import type { PlannerRates, ProposedTargets } from '../../../src/shared/documents/types';
import type { DefinitionInForce, PlanSnapshot } from '../../../src/shared/documents/terms';
import type { RevisionInfo } from '../../../src/shared/definitions/types';
import { planReverseFunnel } from '../../../src/shared/documents/planner';
import { currentScenario } from '../../../src/shared/documents/scenarios';

const FROM = '2025-10-01';
const TO = '2026-03-31';
const AS_OF = Date.parse('2026-06-29T00:00:00Z');

let dir: string;
let rt: Runtime;
let dispatch: Dispatch;

async function call<T>(wire: string, input: unknown): Promise<T> {
  const r = await dispatch(wire, input);
  if (!r.ok) throw new Error(`${wire}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-planner-'));
  rt = new Runtime({ dataDir: path.join(dir, 'data'), host: 'cli', appVersion: 'test' });
  dispatch = createDispatch(rt, handlers, () => undefined);
  await call('workspace.openSample', { path: path.join(dir, 'sample.db'), leads: 3000, seed: 7, end: '2026-06-28' });
});

afterAll(() => {
  rt?.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('documents.plannerRates', () => {
  it('gives exactly the conversions metrics.report measures for the same lookback', async () => {
    const rates = await call<PlannerRates>('documents.plannerRates', { from: FROM, to: TO, asOf: AS_OF });
    const report = await call<Report>('metrics.report', { from: FROM, to: TO, asOf: AS_OF, compare: false });
    expect(rates.stages.map((s) => s.key)).toEqual(['lead', 'mql', 'sal', 'sql', 'won']);
    expect(rates.steps.map((s) => `${s.from}>${s.to}`)).toEqual(['lead>mql', 'mql>sal', 'sal>sql', 'sql>won']);
    for (const step of rates.steps) {
      const c = report.conversion.find((x) => x.from === step.from && x.to === step.to && x.within_days === null);
      expect(c, `${step.from}>${step.to}`).toBeDefined();
      expect(step).toEqual({
        from: c!.from,
        to: c!.to,
        numerator: c!.numerator,
        denominator: c!.denominator,
        rate: c!.rate,
        ci_low: c!.ci_low,
        ci_high: c!.ci_high,
        small: c!.small,
        open: c!.open,
        open_share: c!.open_share,
      });
      // A sample year converts at every step: rates the planner can divide by, each inside its interval.
      expect(step.denominator).toBeGreaterThan(30);
      expect(step.rate).toBeGreaterThan(0);
      expect(step.ci_low!).toBeLessThanOrEqual(step.rate!);
      expect(step.ci_high!).toBeGreaterThanOrEqual(step.rate!);
    }
  });

  it('applies the same filters as the report', async () => {
    const filters = { segment: ['Enterprise'] };
    const rates = await call<PlannerRates>('documents.plannerRates', { from: FROM, to: TO, asOf: AS_OF, filters });
    const report = await call<Report>('metrics.report', { from: FROM, to: TO, asOf: AS_OF, compare: false, filters });
    const all = await call<PlannerRates>('documents.plannerRates', { from: FROM, to: TO, asOf: AS_OF });
    const leadToMql = report.conversion.find((x) => x.from === 'lead' && x.to === 'mql')!;
    expect(rates.steps[0]!.denominator).toBe(leadToMql.denominator);
    expect(rates.steps[0]!.denominator).toBeLessThan(all.steps[0]!.denominator);
  });

  it('averages the amounts of the deals won in the lookback, in the workspace currency', async () => {
    const rates = await call<PlannerRates>('documents.plannerRates', { from: FROM, to: TO, asOf: AS_OF });
    const ws = rt.requireWorkspace();
    const range = periodRange(classifyPeriod(FROM, TO), ws.settings().timeZone);
    const expected = ws.db
      .prepare(
        `SELECT count(*) AS deals, avg(amount) AS amount FROM leads WHERE currency = ? AND amount > 0 AND id IN (
           SELECT e.lead_id FROM stage_events e JOIN stages s ON s.id = e.stage_id WHERE s.kind = 'won' AND e.entered_at >= ? AND e.entered_at < ?)`,
      )
      .get(ws.settings().currency, range.fromMs, range.toMs) as { deals: number; amount: number };
    expect(expected.deals).toBeGreaterThan(0);
    expect(rates.currency).toBe(ws.settings().currency);
    expect(rates.averageDealSize?.deals).toBe(expected.deals);
    expect(rates.averageDealSize?.amount).toBeCloseTo(expected.amount, 6);
  });

  it('names the SLA terms in force: hand-off stage and weekly target', async () => {
    const rates = await call<PlannerRates>('documents.plannerRates', { from: FROM, to: TO });
    const inForce = await call<DefinitionInForce[]>('definitions.inForce', {});
    const sla = inForce.find((d) => d.kind === 'sla_terms')!;
    const body = sla.body as { terms: { handoffStage: string; weeklyVolumeTarget: number } };
    expect(rates.sla).toEqual({
      handoffStage: body.terms.handoffStage,
      weeklyVolumeTarget: body.terms.weeklyVolumeTarget,
      version: sla.version,
    });
  });

  it('refuses a lookback that ends before it starts', async () => {
    const r = await dispatch('documents.plannerRates', { from: TO, to: FROM });
    expect(r).toMatchObject({ ok: false, error: { code: 'metrics.badPeriod' } });
  });
});

describe('documents.proposeTargets', () => {
  it('proposes the SLA terms with the plan’s weekly MQL figure; it governs only after both approvals', async () => {
    const rates = await call<PlannerRates>('documents.plannerRates', { from: FROM, to: TO, asOf: AS_OF });
    const steps = currentScenario(rates).steps!;
    const plan = planReverseFunnel({ revenueGoal: 2_400_000, averageDealSize: 12_000, periodDays: 365, steps });
    const snapshot: PlanSnapshot = {
      revenueGoal: 2_400_000,
      averageDealSize: 12_000,
      currency: rates.currency,
      stages: plan.stages.map((s) => ({ stage: s.stage, total: s.total, perWeek: s.perWeek, perMonth: s.perMonth })),
      rates: steps.map((s) => ({ from: s.from, to: s.to, rate: s.rate.value })),
    };
    const weekly = plan.stages.find((s) => s.stage === 'mql')!.perWeek;
    const before = (await call<DefinitionInForce[]>('definitions.inForce', {})).find((d) => d.kind === 'sla_terms')!;
    const previous = (before.body as { terms: { weeklyVolumeTarget: number } }).terms.weeklyVolumeTarget;
    expect(weekly).not.toBe(previous);

    const proposed = await call<ProposedTargets>('documents.proposeTargets', {
      plan: snapshot,
      scenario: 'current',
      period: { from: '2027-01-01', to: '2027-12-31' },
      author: 'Ana Souza',
    });
    expect(proposed).toMatchObject({
      weeklyVolumeTarget: weekly,
      previousTarget: previous,
      version: before.version + 1,
    });
    const detail = await call<{ revisions: RevisionInfo[] }>('definitions.get', { id: proposed.definitionId });
    const revision = detail.revisions.find((r) => r.id === proposed.revisionId)!;
    expect(revision.status).toBe('proposed');
    expect(revision.author).toBe('Ana Souza');
    expect(revision.rationale).toContain(new Intl.NumberFormat('en').format(weekly));
    const body = revision.body as { text: string; terms: Record<string, unknown> };
    // Only the volume target changes; the agreed wording and every other term stay as they were.
    expect(body).toEqual({
      ...(before.body as object),
      terms: { ...(before.body as { terms: object }).terms, weeklyVolumeTarget: weekly },
    });

    const stillInForce = async () =>
      (await call<DefinitionInForce[]>('definitions.inForce', {})).find((d) => d.kind === 'sla_terms')!;
    expect((await stillInForce()).version).toBe(before.version);
    await call('definitions.approve', { revisionId: proposed.revisionId, side: 'marketing', name: 'Ana Souza' });
    expect((await stillInForce()).version).toBe(before.version);
    await call('definitions.approve', { revisionId: proposed.revisionId, side: 'sales', name: 'Ivan Petrov' });
    const after = await stillInForce();
    expect(after.version).toBe(proposed.version);
    expect((after.body as { terms: { weeklyVolumeTarget: number } }).terms.weeklyVolumeTarget).toBe(weekly);
  });

  it('refuses a plan without the hand-off stage and writes nothing', async () => {
    const detail = await call<Array<{ key: string; latestVersion: number }>>('definitions.list', {});
    const r = await dispatch('documents.proposeTargets', {
      plan: {
        revenueGoal: 1000,
        averageDealSize: 100,
        currency: 'EUR',
        stages: [{ stage: 'won', total: 10, perWeek: 1, perMonth: 1 }],
        rates: [],
      },
      scenario: 'custom',
      period: { from: '2027-01-01', to: '2027-12-31' },
      author: 'Ana Souza',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'documents.planWithoutHandoff' } });
    expect(await call('definitions.list', {})).toEqual(detail);
  });
});
