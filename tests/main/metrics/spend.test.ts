import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Runtime } from '../../../src/main/runtime/runtime';
import { createDispatch } from '../../../src/main/runtime/dispatch';
import { handlers } from '../../../src/main/runtime/handlers';
import { Workspace } from '../../../src/main/workspace/workspace';
import type { ApiResult } from '../../../src/shared/errors';
import type { Report } from '../../../src/shared/metrics/types';
import type { CalendarView } from '../../../src/shared/calendar/contract';
import { FROM, LEADS, TO, ZONE } from '../../fixtures/metrics/handmade';
import { insertLeads, tempWorkspace } from '../../fixtures/metrics/workspace';

let dir = '';
let rt: Runtime;
let call: <T>(wire: string, input: unknown) => Promise<ApiResult<T>>;

beforeEach(async () => {
  const t = tempWorkspace(ZONE, 'spend');
  insertLeads(t.ws, ZONE, LEADS);
  t.ws.close();
  dir = t.dir;
  rt = new Runtime({ dataDir: path.join(dir, 'home'), host: 'cli', appVersion: 'test' });
  const dispatch = createDispatch(rt, handlers, () => undefined);
  call = async <T>(wire: string, input: unknown) => (await dispatch(wire, input)) as ApiResult<T>;
  rt.adopt(Workspace.open(t.file));
});
afterEach(() => {
  rt.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

function csv(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return rt.files.registerPath(file).id;
}

describe('marketing spend', () => {
  it('imports spend and gives cost per lead, MQL, SQL and won deal, prorated by days', async () => {
    // March 2024 has 31 days; the week 25-31 March is 7 of them.
    const id = csv(
      'spend.csv',
      '\ufeffChannel;Month;Amount;Currency\nPaid;2024-03;3100;EUR\norganic;2024-03;620.00;eur\nevents;2024-04;999;EUR\n',
    );
    const imported = await call('metrics.importSpend', { fileId: id });
    expect(imported).toEqual({ ok: true, value: { rows: 3, inserted: 3, replaced: 0, months: 2, channels: 3 } });
    const r = (await call<Report>('metrics.report', {
      from: FROM,
      to: TO,
      asOf: Date.UTC(2024, 3, 3),
      compare: false,
    })) as { ok: true; value: Report };
    const eur = r.value.cost[0]!;
    expect(eur.currency).toBe('EUR');
    // paid 700 + organic 140; leads in the week: paid L1 L2, organic L4 L5 L8, events L7 L10.
    expect(eur.spend).toBe(840);
    // The channel as the spend file spells it, matched to the leads' "paid" whatever the case.
    expect(eur.by_channel.find((c) => c.channel === 'Paid')).toMatchObject({ spend: 700, leads: 2, mqls: 4 });
    // Each count drills down as the flow of its stage from the channel's sources, which list as many leads.
    const paid = eur.by_channel.find((c) => c.channel === 'Paid')!;
    expect(paid.sources).toEqual(['paid']);
    const listed = (await call<{ total: number }>('metrics.drilldown', {
      from: FROM,
      to: TO,
      asOf: Date.UTC(2024, 3, 3),
      filters: { source: [...paid.sources] },
      figure: { type: 'flow', stage: r.value.sla.handoff_stage },
    })) as { ok: true; value: { total: number } };
    expect(listed.value.total).toBe(paid.mqls);
    expect(eur.leads).toBe(5);
    expect(eur.per_lead).toBe(168);
    // Filtering by segment makes spend unattributable: no cost figures rather than wrong ones.
    const seg = (await call<Report>('metrics.report', {
      from: FROM,
      to: TO,
      filters: { segment: ['SMB'] },
      compare: false,
    })) as { ok: true; value: Report };
    expect(seg.value.cost).toEqual([]);
    const again = await call('metrics.importSpend', {
      fileId: csv('again.csv', 'channel,month,amount,currency\npaid,2024-03,31,EUR\n'),
    });
    expect(again).toMatchObject({ ok: true, value: { inserted: 0, replaced: 1 } });
  });

  it('refuses a bad file whole, naming row and column', async () => {
    const bad = await call('metrics.importSpend', {
      fileId: csv('bad.csv', 'channel,month,amount,currency\npaid,2024-03,100,EUR\nsocial,March,50,EUR\n'),
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'metrics.spendBadRow', params: { row: 3, column: 'month', value: 'March' } },
    });
    const comma = await call('metrics.importSpend', {
      fileId: csv('comma.csv', 'channel,month,amount,currency\npaid,2024-03,"1,5",EUR\n'),
    });
    expect(comma).toMatchObject({ ok: false, error: { code: 'metrics.spendBadRow', params: { column: 'amount' } } });
    const missing = await call('metrics.importSpend', {
      fileId: csv('missing.csv', 'channel,month,amount\npaid,2024-03,1\n'),
    });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'metrics.spendMissingColumn', params: { column: 'currency' } },
    });
    const dup = await call('metrics.importSpend', {
      fileId: csv('dup.csv', 'channel,month,amount,currency\npaid,2024-03,1,EUR\npaid,2024-03,2,EUR\n'),
    });
    expect(dup).toMatchObject({ ok: false, error: { code: 'metrics.spendDuplicate', params: { row: 3 } } });
    expect(await call('metrics.spend', {})).toEqual({ ok: true, value: [] });
  });
});

describe('calendar settings over the API', () => {
  it('reads the default, saves a preset and applies it to SLA figures', async () => {
    const initial = (await call<CalendarView>('calendar.get', {})) as { ok: true; value: CalendarView };
    expect(initial.value.zone).toBe(ZONE);
    expect(initial.value.settings.shifts).toEqual([{ start: '09:00', end: '18:00' }]);
    const preset = (await call<CalendarView['settings']>('calendar.preset', {
      preset: 'ES',
      fromYear: 2024,
      toYear: 2024,
    })) as { ok: true; value: CalendarView['settings'] };
    expect(preset.value.holidays.map((h) => h.date)).toContain('2024-03-29');
    const saved = (await call<CalendarView>('calendar.set', preset.value)) as { ok: true; value: CalendarView };
    expect(saved.value.settings.preset).toBe('ES');
    // With Good Friday off and split shifts, the hand-computed figures of the fixture hold.
    const r = (await call<Report>('metrics.report', {
      from: FROM,
      to: TO,
      asOf: Date.UTC(2024, 3, 3, 10),
      compare: false,
    })) as { ok: true; value: Report };
    expect(r.value.sla.followup).toMatchObject({ met: 4, breached: 3, pending: 0 });
    expect(r.value.calendar).toMatchObject({ preset: 'ES', zone: 'Europe/Madrid' });
  });

  it('refuses invalid calendars and leaves the saved one unchanged', async () => {
    const bad = await call('calendar.set', { workingDays: [1], shifts: [{ start: '14:00', end: '09:00' }] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation.invalidInput' } });
    const zone = await call('calendar.set', {
      workingDays: [1],
      shifts: [{ start: '09:00', end: '17:00' }],
      timeZone: 'Nowhere/Land',
    });
    expect(zone).toMatchObject({ ok: false });
    const after = (await call<CalendarView>('calendar.get', {})) as { ok: true; value: CalendarView };
    expect(after.value.settings.shifts).toEqual([{ start: '09:00', end: '18:00' }]);
  });
});
