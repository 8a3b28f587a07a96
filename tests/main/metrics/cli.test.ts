import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/main/cli/main';
import { columns, grid, parseDrill, parseFilters } from '../../../src/main/cli/commands/report';
import { saveCalendar } from '../../../src/main/calendar/settings';
import { AS_OF, CALENDAR, FROM, LEADS, TO, ZONE } from '../../fixtures/metrics/handmade';
import { insertLeads, tempWorkspace } from '../../fixtures/metrics/workspace';

let file = '';
let dir = '';
let cleanup: () => void;

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: { FUNNEL_REVIEW_HOME: path.join(dir, 'home'), LANG: 'en_US.UTF-8' },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(() => {
  const t = tempWorkspace(ZONE, 'cli');
  saveCalendar(t.ws, CALENDAR);
  insertLeads(t.ws, ZONE, LEADS);
  t.ws.close();
  file = t.file;
  dir = t.dir;
  cleanup = () => fs.rmSync(t.dir, { recursive: true, force: true });
});
afterAll(() => cleanup());

const base = () => ['report', '--workspace', file, '--from', FROM, '--to', TO, '--as-of', `${AS_OF}:00+02:00`];

describe('funnel-review report', () => {
  it('prints the JSON schema of docs/report.md', async () => {
    const r = await run(...base(), '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.period).toMatchObject({ from: FROM, to: TO, kind: 'week' });
    expect(j.flow).toMatchObject({ lead: 7, mql: 8 });
    expect(j.conversion[0]).toEqual(
      expect.objectContaining({ from: 'lead', to: 'mql', numerator: 5, denominator: 7, open: 1 }),
    );
    for (const key of ['rate', 'ci_low', 'ci_high', 'small', 'open_share', 'vs_previous', 'vs_year_ago'])
      expect(j.conversion[0]).toHaveProperty(key);
    expect(j.velocity[0]).toEqual(expect.objectContaining({ from: 'lead', to: 'mql', n: 5 }));
    expect(j.sla.followup).toMatchObject({ met: 4, breached: 3, pending: 0 });
    expect(j.sla.followup.by_owner).toHaveLength(3);
    for (const key of ['volume', 'quality', 'recycling', 'arbitration', 'terms']) expect(j.sla).toHaveProperty(key);
    expect(j.winloss).toContainEqual({ outcome: 'lost', reason: 'price', count: 1, share: 0.5 });
    expect(j.stalled).toMatchObject({ mql: 1 });
  });

  it('applies --filter and --within', async () => {
    const r = JSON.parse(
      (await run(...base(), '--json', '--filter', 'segment=Enterprise', '--within', '1', '--no-compare')).out,
    );
    expect(r.filters).toEqual({ segment: ['Enterprise'] });
    expect(r.within_days).toBe(1);
    expect(r.flow.lead).toBe(2);
    expect(r.previous).toBeNull();
  });

  it('prints localized tables', async () => {
    const en = await run(...base());
    expect(en.code).toBe(0);
    expect(en.out).toContain('Cohort conversion');
    expect(en.out).toMatch(/Lead → MQL \(small sample\)\s+71\.4%/);
    const pt = await run(...base(), '--lang', 'pt-BR');
    expect(pt.out).toContain('Conversão por coorte');
    expect(pt.out).toMatch(/71,4\s?%/);
    const zh = await run(...base(), '--lang', 'zh-CN');
    expect(zh.out).toContain('同期群转化');
    // Chinese takes two terminal columns per character; tables stay aligned.
    expect(columns('线索 ab')).toBe(7);
    expect(
      grid(
        ['阶段', 'n'],
        [
          ['线索', '12'],
          ['Lead', '3'],
        ],
      )
        .split('\n')
        .map(columns),
    ).toEqual([8, 8, 8, 8]);
  });

  it('drills down from the command line', async () => {
    const r = JSON.parse((await run(...base(), '--json', '--drill', 'followup:breached')).out);
    expect(r.value.total).toBe(3);
    expect(r.value.leads.map((l: { external_id: string }) => l.external_id).sort()).toEqual(['L2', 'L3', 'L4']);
    const human = await run(...base(), '--drill', 'conversion:mql:sal:numerator', '--limit', '2');
    expect(human.out).toContain('4 leads (showing 1–2)');
    // A step of the waterfall lists as many leads as the report's waterfall counts.
    const report = JSON.parse((await run(...base(), '--json')).out);
    const mql = report.waterfall.find((w: { stage: string }) => w.stage === 'mql');
    const advanced = JSON.parse((await run(...base(), '--json', '--drill', 'waterfall:mql:out_advanced')).out);
    expect(mql.out_advanced).toBeGreaterThan(0);
    expect(advanced.value.total).toBe(mql.out_advanced);
    // One cell of a win/loss breakdown: the leads lost while at SAL.
    const atSal = JSON.parse(
      (await run(...base(), '--json', '--drill', 'winloss:lost', '--drill-by', 'lost_at_stage=sal')).out,
    );
    expect(atSal.value.leads.map((l: { external_id: string }) => l.external_id)).toEqual(['L8']);
    // The lost deals KPI: entries into every lost stage.
    const lost = JSON.parse((await run(...base(), '--json', '--drill', 'entries:lost')).out);
    expect(report.kpis.lost_deals).toBeGreaterThan(0);
    expect(lost.value.total).toBe(report.kpis.lost_deals);
  });

  it('refuses bad arguments with specific messages and exit codes', async () => {
    expect(() => parseFilters(['segment'])).toThrow(expect.objectContaining({ code: 'metrics.badFilter' }));
    expect(() => parseFilters(['color=red'])).toThrow(expect.objectContaining({ code: 'metrics.badFilter' }));
    expect(parseFilters(['owner=ana', 'owner=bob', 'custom.tier=gold'])).toEqual({
      owner: ['ana', 'bob'],
      custom: { tier: ['gold'] },
    });
    expect(() => parseDrill('pie:mql')).toThrow(expect.objectContaining({ code: 'metrics.badDrill' }));
    expect(() => parseDrill('waterfall:mql:sideways')).toThrow(expect.objectContaining({ code: 'metrics.badDrill' }));
    expect(() => parseDrill('flow:mql', 'segment=SMB')).toThrow(expect.objectContaining({ code: 'metrics.badDrill' }));
    expect(() => parseDrill('winloss:lost', 'colour=red')).toThrow(
      expect.objectContaining({ code: 'metrics.badDrill' }),
    );
    expect(parseDrill('winloss:lost:price', 'owner=')).toEqual({
      type: 'winloss',
      outcome: 'lost',
      reason: 'price',
      by: { field: 'owner', value: null },
    });
    expect(() => parseDrill('conversion:mql:sal:sideways')).toThrow(
      expect.objectContaining({ code: 'metrics.badDrill' }),
    );
    const missing = await run('report', '--workspace', file, '--from', FROM);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--to');
    const bad = await run(...base(), '--filter', 'colour=red');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Invalid filter "colour=red"');
    // No filter names an empty value: a lead without a segment is stored under '' (migration 11).
    const empty = await run(...base(), '--filter', 'segment=');
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('Invalid filter "segment="');
    const reversed = await run('report', '--workspace', file, '--from', TO, '--to', FROM);
    expect(reversed.err).toContain('starts (2024-03-31) after it ends (2024-03-25)');
    const within = await run(...base(), '--within', '-3');
    expect(within.code).toBe(2);
  });
});
