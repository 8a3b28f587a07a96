import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/main/cli/main';
import { createDispatch } from '../../../src/main/runtime/dispatch';
import { handlers } from '../../../src/main/runtime/handlers';
import { Runtime } from '../../../src/main/runtime/runtime';
import { Workspace } from '../../../src/main/workspace/workspace';
import type { ApiResult } from '../../../src/shared/errors';
import type { MeetingDetail, MeetingSummary, Snapshot } from '../../../src/shared/meetings/types';
import type { FileRef } from '../../../src/shared/domain/types';
import { meetingWorkspace } from './fixture';
import { holdMeeting, MALICIOUS_OWNER } from './held';

let dir = '';
let file = '';
let heldId = 0;

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
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-meeting-cli-'));
  const fx = meetingWorkspace(dir, 'ru');
  heldId = holdMeeting(fx, 'ru');
  file = fx.file;
  fx.ws.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('funnel-review meeting', () => {
  it('lists meetings and shows one, in the CLI language, without changing the workspace', async () => {
    const before = fs.statSync(file).mtimeMs;
    const list = await run('meeting', 'list', '--workspace', file);
    expect(list.code).toBe(0);
    expect(list.out).toContain(
      `#${heldId}  2026-W09  Ended  Еженедельный разбор, неделя 9 — decisions: 1, action items: 2 (open: 0)`,
    );
    const json = JSON.parse((await run('meeting', 'list', '--workspace', file, '--json')).out) as {
      ok: true;
      value: MeetingSummary[];
    };
    expect(json.value.map((m) => [m.id, m.week.week, m.status])).toEqual([[heldId, '2026-W09', 'ended']]);
    const show = await run('meeting', 'show', '--workspace', file, '--id', String(heldId), '--lang', 'es');
    expect(show.code).toBe(0);
    for (const s of [
      'Semana',
      '2026-W09 (2026-02-23 – 2026-03-01)',
      'Marta Gómez (Responsable de marketing)',
      '3. Motivos de ganancia y pérdida — 0 min / 10 min — no alcanzado',
      'Marcador',
      '1. Боб каждое утро разбирает необработанные MQL.',
    ]) {
      expect(show.out, s).toContain(s);
    }
    const shown = JSON.parse(
      (await run('meeting', 'show', '--workspace', file, '--id', String(heldId), '--json')).out,
    ) as { value: { meeting: MeetingDetail; snapshot: Snapshot } };
    expect(shown.value.snapshot.week.week).toBe('2026-W09');
    expect(fs.statSync(file).mtimeMs).toBe(before);
  });

  it('writes the minutes and the action items to the paths given, refusing to overwrite', async () => {
    const md = path.join(dir, 'minutes.md');
    const r = await run(
      'meeting',
      'minutes',
      '--workspace',
      file,
      '--id',
      String(heldId),
      '--format',
      'md',
      '--out',
      md,
    );
    expect(r.code).toBe(0);
    expect(r.out).toBe(`Written to ${md}`);
    expect(fs.readFileSync(md, 'utf8')).toContain('# Еженедельный разбор, неделя 9');
    const again = await run(
      'meeting',
      'minutes',
      '--workspace',
      file,
      '--id',
      String(heldId),
      '--format',
      'md',
      '--out',
      md,
    );
    expect(again.code).toBe(1);
    const csv = path.join(dir, 'items.csv');
    expect(
      (await run('meeting', 'actions', '--workspace', file, '--id', String(heldId), '--format', 'csv', '--out', csv))
        .code,
    ).toBe(0);
    expect(fs.readFileSync(csv, 'utf8')).toContain(`'${MALICIOUS_OWNER.replace(/"/g, '""')}`);
    const ics = path.join(dir, 'items.ics');
    expect(
      (await run('meeting', 'actions', '--workspace', file, '--id', String(heldId), '--format', 'ics', '--out', ics))
        .code,
    ).toBe(0);
    expect(fs.readFileSync(ics, 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
  });

  it('explains usage errors', async () => {
    const bad = await run(
      'meeting',
      'minutes',
      '--workspace',
      file,
      '--id',
      String(heldId),
      '--format',
      'docx',
      '--out',
      path.join(dir, 'x.docx'),
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('docx');
    const missing = await run('meeting', 'show', '--workspace', file, '--id', '999');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('There is no meeting #999 in this workspace.');
    expect((await run('meeting')).out).toContain('meeting minutes --workspace FILE --id N --format md|pdf --out FILE');
  });
});

describe('the meetings API through the dispatcher', () => {
  it('validates input at the boundary and refuses writes to an ended meeting with a translated error', async () => {
    const rt = new Runtime({ dataDir: path.join(dir, 'rt'), host: 'cli', appVersion: 'test' });
    const call = createDispatch(rt, handlers, () => undefined);
    try {
      await call('workspace.open', { path: file });
      const rating = (await call('meetings.rate', {
        id: heldId,
        attendee: 'Marta Gómez',
        rating: 11,
      })) as ApiResult<unknown>;
      expect(rating).toMatchObject({
        ok: false,
        error: { code: 'validation.invalidInput', issues: [{ path: 'rating', code: 'too_big' }] },
      });
      const late = (await call('meetings.addDecision', { id: heldId, text: 'Too late' })) as ApiResult<unknown>;
      expect(late).toMatchObject({
        ok: false,
        error: { code: 'meetings.ended', params: { title: 'Еженедельный разбор, неделя 9' } },
      });
      const week = (await call('meetings.plan', { week: '2026-W54', attendees: [] })) as ApiResult<unknown>;
      expect(week).toMatchObject({ ok: false, error: { code: 'validation.invalidInput' } });
      const dup = (await call('meetings.plan', {
        week: '2026-W10',
        attendees: [
          { name: 'Ana', role: 'other' },
          { name: 'ana', role: 'sales_lead' },
        ],
      })) as ApiResult<unknown>;
      expect(dup).toMatchObject({ ok: false, error: { code: 'validation.invalidInput' } });
      const minutes = (await call('meetings.minutes', { id: heldId, format: 'md' })) as ApiResult<FileRef>;
      expect(minutes).toMatchObject({ ok: true, value: { name: 'Протокол 2026-W09.md', mime: 'text/markdown' } });
      const settings = (await call('meetings.saveSettings', {
        agenda: {
          steps: [
            { kind: 'sla', minutes: 15 },
            { kind: 'wrap_up', minutes: 5 },
          ],
        },
      })) as ApiResult<{ agenda: unknown }>;
      expect(settings).toMatchObject({
        ok: true,
        value: {
          agenda: {
            steps: [
              { kind: 'sla', minutes: 15 },
              { kind: 'wrap_up', minutes: 5 },
            ],
          },
          goals: { followUpRate: 0.9 },
        },
      });
      const planned = (await call('meetings.plan', { week: '2026-W10', attendees: [] })) as ApiResult<MeetingDetail>;
      // The template has no win/loss or actions step: the points meeting A did not reach are added before the wrap-up.
      expect(planned.ok && planned.value.agenda.steps.map((s) => s.kind)).toEqual([
        'sla',
        'winloss',
        'actions',
        'wrap_up',
      ]);
      await call('workspace.close', {});
      // A workspace opened read-only refuses every write up front.
      await call('workspace.open', { path: file, readOnly: true });
      const ro = (await call('meetings.plan', { week: '2026-W11', attendees: [] })) as ApiResult<unknown>;
      expect(ro).toMatchObject({ ok: false, error: { code: 'workspace.readOnly' } });
      const detail = (await call('meetings.get', { id: heldId })) as ApiResult<MeetingDetail>;
      expect(detail).toMatchObject({ ok: true, value: { readOnly: true, status: 'ended' } });
    } finally {
      rt.dispose();
    }
    const ws = Workspace.open(file, { readOnly: true });
    try {
      expect((ws.db.prepare('SELECT count(*) AS n FROM meetings').get() as { n: number }).n).toBe(2);
    } finally {
      ws.close();
    }
  });
});
