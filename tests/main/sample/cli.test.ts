import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../src/main/cli/main';
import type { CliIo } from '../../../src/main/cli/io';
import type { WorkspaceInfo } from '../../../src/shared/domain/types';
import { createI18n } from '../../../src/shared/i18n';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function capture(home: string): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    env: { FUNNEL_REVIEW_HOME: home, LANG: 'en_US.UTF-8' },
  };
}

describe('funnel-review sample', () => {
  it('writes the sample workspace, and info reads back the same counts', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-sample-cli-'));
    dirs.push(dir);
    const out = path.join(dir, 'acme.db');
    const io = capture(path.join(dir, 'home'));
    expect(await main(['sample', '--out', out, '--seed', '7', '--end', '2026-06-28', '--json'], io)).toBe(0);
    const created = (JSON.parse(io.stdout.join('\n')) as { ok: true; value: WorkspaceInfo }).value;
    expect(created.counts.leads).toBe(5000);
    expect(created.counts.meetings).toBe(3);
    expect(created.counts.definitionRevisions).toBeGreaterThanOrEqual(8);
    expect(created.name).toMatch(/Sample/);
    expect(created.timeZone).toBe('America/Sao_Paulo');
    expect(created.lastEventAt).toBeLessThan(Date.parse('2026-06-29T00:00:00Z'));

    const infoIo = capture(path.join(dir, 'home'));
    expect(await main(['info', '--workspace', out, '--json'], infoIo)).toBe(0);
    const info = (JSON.parse(infoIo.stdout.join('\n')) as { ok: true; value: WorkspaceInfo }).value;
    expect(info.counts).toEqual(created.counts);
    expect(info.firstEventAt).toBe(created.firstEventAt);
  });

  it('refuses --force over a workspace another running process has open, and leaves it as it was', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-sample-cli-'));
    dirs.push(dir);
    const out = path.join(dir, 'open.db');
    fs.writeFileSync(out, 'a workspace someone has open');
    // The desktop app holding it: a live process named in the workspace's lock.
    const holder = spawn('sleep', ['30']);
    try {
      fs.writeFileSync(`${out}.lock`, JSON.stringify({ pid: holder.pid, host: os.hostname(), since: Date.now() }));
      const io = capture(path.join(dir, 'home'));
      expect(await main(['sample', '--out', out, '--force'], io)).not.toBe(0);
      expect(io.stderr.join('\n')).toContain(createI18n('en').t('errors.workspace.sampleLocked', { path: out }));
      expect(fs.readFileSync(out, 'utf8')).toBe('a workspace someone has open');
    } finally {
      holder.kill();
    }
  });

  it('refuses to overwrite an existing file without --force', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-sample-cli-'));
    dirs.push(dir);
    const out = path.join(dir, 'taken.db');
    fs.writeFileSync(out, 'not a workspace');
    const io = capture(path.join(dir, 'home'));
    expect(await main(['sample', '--out', out, '--json'], io)).not.toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe('not a workspace');
  });
});
