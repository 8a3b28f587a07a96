import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/main/cli/main';
import type { CliIo } from '../../../src/main/cli/io';
import { tmpDir } from '../../helpers/tmp';

function capture(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: { FUNNEL_REVIEW_HOME: tmpDir(), LANG: 'en_US.UTF-8', ...env },
  };
  return { io, out, err };
}

describe('funnel-review CLI', () => {
  it('prints help in the user language', async () => {
    const c = capture({ LANG: 'pt_BR.UTF-8' });
    expect(await main(['help'], c.io)).toBe(0);
    expect(c.out.join('\n')).toContain('Uso: funnel-review');
  });

  it('exits 2 with a clear message on an unknown command or option', async () => {
    const c = capture();
    expect(await main(['frobnicate'], c.io)).toBe(2);
    expect(c.err.join('\n')).toContain('Unknown command "frobnicate"');
    const d = capture();
    expect(await main(['info', '--wrkspace', 'x'], d.io)).toBe(2);
    expect(d.err.join('\n')).toMatch(/Unknown option '--wrkspace'/);
    const e = capture();
    expect(await main(['info'], e.io)).toBe(2);
    expect(e.err.join('\n')).toContain('Missing option --workspace');
  });

  it('exits 1 with a specific message when the workspace is missing, and as JSON with --json', async () => {
    const c = capture();
    const file = path.join(tmpDir(), 'nope.db');
    expect(await main(['info', '--workspace', file, '--json'], c.io)).toBe(1);
    expect(JSON.parse(c.out[0]!)).toMatchObject({
      ok: false,
      error: { code: 'workspace.notFound', params: { path: file } },
    });
    expect(c.err.join('\n')).toContain(`There is no file at ${file}`);
  });

  it('calls any contract method with `api`, validating its input', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'w.db');
    const c = capture();
    expect(await main(['api', 'workspace.create', JSON.stringify({ path: file, name: 'Acme' }), '--json'], c.io)).toBe(
      0,
    );
    expect(JSON.parse(c.out[0]!)).toMatchObject({ ok: true, value: { name: 'Acme' } });
    const list = capture();
    expect(await main(['api', '--json'], list.io)).toBe(0);
    expect(JSON.parse(list.out[0]!)).toEqual(
      expect.arrayContaining([expect.objectContaining({ method: 'workspace.info' })]),
    );
    const bad = capture();
    expect(await main(['api', 'workspace.create', '{not json'], bad.io)).toBe(2);
    const invalid = capture();
    expect(await main(['api', 'workspace.create', '{"path": 3}'], invalid.io)).toBe(1);
    expect(invalid.err.join('\n')).toContain('path: expected string');
  });

  it('waits for a method that starts a job, and prints how the job ended', async () => {
    const file = path.join(tmpDir(), 'w.db');
    await main(['api', 'workspace.create', JSON.stringify({ path: file, name: 'Acme' })], capture().io);
    const list = capture();
    await main(['api', '--json'], list.io);
    expect(JSON.parse(list.out[0]!)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ method: 'imports.exportNative', job: true }),
        expect.objectContaining({ method: 'meetings.start', job: true }),
        expect.objectContaining({ method: 'workspace.info', job: false }),
      ]),
    );
    const c = capture();
    expect(await main(['api', 'imports.exportNative', '{}', '--workspace', file, '--json'], c.io)).toBe(0);
    // Without waiting, the process would print a running job and end it.
    expect(JSON.parse(c.out[0]!)).toMatchObject({
      ok: true,
      value: { kind: 'imports.export', state: 'done', result: { leads: 0, stageEvents: 0 } },
    });
  });

  it('shows a workspace read-only, in Russian', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'w.db');
    await main(['api', 'workspace.create', JSON.stringify({ path: file, name: 'Acme' })], capture().io);
    const c = capture({ LANG: 'ru_RU.UTF-8' });
    expect(await main(['info', '--workspace', file], c.io)).toBe(0);
    expect(c.out.join('\n')).toContain('Рабочее пространство Acme');
  });
});
