import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../src/main/cli/main';
import type { CliIo } from '../../../src/main/cli/io';
import { projectRoot } from '../../../src/main/runtime/paths';
import { Workspace } from '../../../src/main/workspace/workspace';
import { tmpDir } from '../../helpers/tmp';
import { wideCsv } from './helpers';

function capture(home: string, lang = 'en_US.UTF-8') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: { FUNNEL_REVIEW_HOME: home, LANG: lang } };
  return { io, out, err };
}

let opened: Workspace | null = null;
afterEach(() => {
  opened?.close();
  opened = null;
});

describe('funnel-review import / export', () => {
  it('creates the workspace, prints the counts, exports the interchange format, and re-imports it', async () => {
    const dir = tmpDir();
    const leads = path.join(dir, 'leads.csv');
    fs.writeFileSync(leads, 'lead_id,created_at,source\nA1,2024-01-01,web\nA2,2024-01-02,ads\n');
    const events = path.join(dir, 'stage_events.csv');
    fs.writeFileSync(events, 'lead_id,stage,entered_at\nA1,mql,2024-01-03\n');
    const ws = path.join(dir, 'new.db');
    const c = capture(path.join(dir, 'home'));
    expect(
      await main(
        ['import', leads, events, '--workspace', ws, '--preset', 'native', '--time-zone', 'America/Sao_Paulo'],
        c.io,
      ),
    ).toBe(0);
    expect(c.out.join('\n')).toMatch(
      /Imported as batch #1\.[\s\S]*Leads inserted\s+2[\s\S]*Stage events added\s+1[\s\S]*Rows rejected\s+0/,
    );
    const e = capture(path.join(dir, 'home'));
    expect(await main(['export', '--workspace', ws, '--out', path.join(dir, 'out')], e.io)).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'out', 'leads.csv'), 'utf8')).toContain('A1,2024-01-01T03:00:00.000Z,web');
    const j = capture(path.join(dir, 'home'));
    expect(
      await main(
        [
          'import',
          path.join(dir, 'out', 'leads.csv'),
          path.join(dir, 'out', 'stage_events.csv'),
          '--workspace',
          ws,
          '--preset',
          'native',
          '--json',
        ],
        j.io,
      ),
    ).toBe(0);
    expect(JSON.parse(j.out.join('\n'))).toMatchObject({
      ok: true,
      value: { status: 'applied', counts: { leadsUnchanged: 2, stageEventsExisting: 1, leadsInserted: 0 } },
    });
  });

  it('exits 1 on a rejected batch, in the user language, writes the report, and leaves no new workspace behind', async () => {
    const dir = tmpDir();
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'lead_id,created_at\nA1,2024-01-01\nA2,someday\n');
    const ws = path.join(dir, 'never.db');
    const c = capture(path.join(dir, 'home'), 'pt_BR.UTF-8');
    const report = path.join(dir, 'report.csv');
    expect(await main(['import', bad, '--workspace', ws, '--report', report], c.io)).toBe(1);
    expect(c.out.join('\n')).toContain('Rejeitado: nada foi importado');
    expect(c.err.join('\n')).toContain('bad.csv:3 [created_at] "someday" não é uma data');
    expect(fs.readFileSync(report, 'utf8')).toContain('someday');
    expect(fs.existsSync(ws)).toBe(false);
    const d = capture(path.join(dir, 'home'));
    expect(await main(['import', '--workspace', ws], d.io)).toBe(1);
    expect(d.err.join('\n')).toContain('Name at least one file to import');
    const h = capture(path.join(dir, 'home'), 'ru_RU.UTF-8');
    expect(await main(['import', '--help'], h.io)).toBe(0);
    expect(h.out.join('\n')).toContain('Использование: funnel-review import');
  });

  it('refuses a mapping file that does not validate with the issue in the user language', async () => {
    const dir = tmpDir();
    const leads = path.join(dir, 'leads.csv');
    fs.writeFileSync(leads, 'lead_id,created_at\nA1,2024-01-01\n');
    const mapping = path.join(dir, 'mapping.json');
    fs.writeFileSync(mapping, JSON.stringify({ files: [{ columns: [{ column: 'lead_id', target: 'lead_idd' }] }] }));
    const ws = path.join(dir, 'w.db');
    const c = capture(path.join(dir, 'home'), 'pt_BR.UTF-8');
    expect(await main(['import', leads, '--workspace', ws, '--mapping', mapping], c.io)).toBe(1);
    const text = c.err.join('\n');
    expect(text).toContain('files.0.columns.0.target');
    expect(text).toContain('destino desconhecido: lead_idd');
    expect(text).not.toContain('unknown target');
    expect(fs.existsSync(ws)).toBe(false);
  });

  it('a SIGKILL in the middle of a large import leaves the workspace exactly as it was', async () => {
    const dir = tmpDir();
    const home = path.join(dir, 'home');
    const ws = path.join(dir, 'w.db');
    const small = path.join(dir, 'small.csv');
    fs.writeFileSync(small, 'lead_id,created_at,mql_date\nS1,2024-01-01,2024-01-02\nS2,2024-01-03,\n');
    expect(await main(['import', small, '--workspace', ws], capture(home).io)).toBe(0);
    const big = path.join(dir, 'big.csv');
    // Big enough to be still reading at the first progress line (a second in), however fast the machine.
    fs.writeFileSync(big, wideCsv(600_000));
    const child = spawn(
      process.execPath,
      [path.join(projectRoot, 'src/main/cli/funnel-review.mjs'), 'import', big, '--workspace', ws],
      {
        env: { ...process.env, FUNNEL_REVIEW_HOME: home, LANG: 'en_US.UTF-8' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no progress before the timeout: ${stderr}`)), 50_000);
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // Killed once rows are being written inside the batch's transaction.
        if (/big\.csv: [\d,]+ rows/.test(stderr)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`the import ended before it could be killed: ${stderr}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(fs.existsSync(`${ws}-wal`)).toBe(true);
    // Opening runs SQLite's integrity check (it throws on any problem) and replays only committed work.
    opened = Workspace.open(ws);
    expect(opened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(opened.info().counts).toMatchObject({ leads: 2, stageEvents: 1, importBatches: 1 });
  });
});
