import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/main/db/driver';
import { inspectWorkspaceFile } from '../../src/main/db/workspace-file';
import { projectRoot } from '../../src/main/runtime/paths';
import { Workspace } from '../../src/main/workspace/workspace';
import { LOCALES, type WorkspaceInfo } from '../../src/shared/domain/types';
import type { ApiErrorPayload, ApiResult } from '../../src/shared/errors';
import { createI18n, errorMessage } from '../../src/shared/i18n';
import { folderState } from '../helpers/tmp';
import { disposeChildBundle, runChild, startChild } from './fault/harness';
import { readOnlyProbe, type ReadOnlyProbe } from './fault/scenarios';
import { recordFigures } from './support/figures';
import { asNobody, bindReadOnly, mountTmpfs, setImmutable, unmount, withFileSizeLimit } from './support/mounts';
import { rowsMissing, stateOfFile } from './support/state';

/**
 * Faults other than a crash: a full disk (a small tmpfs, and a file-size limit), a workspace in a
 * folder that cannot be written (a read-only mount, the immutable attribute, another user), and two
 * app instances on one workspace. Each method that this machine does not allow is reported, not
 * silently passed.
 */

let dir: string;
let small: string;
let bigCsv: string;
const figures = { 'disk-full faults': 0, 'read-only faults': 0, 'second-instance faults': 0, 'rows lost': 0 };
const methods: string[] = [];

function copy(from: string, to: string): string {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
  return to;
}

function home(name: string): string {
  const h = path.join(dir, `home-${name}`);
  fs.mkdirSync(h, { recursive: true, mode: 0o777 });
  fs.chmodSync(h, 0o777);
  return h;
}

/** The message a user reads for an error, in every language: real words, not a key or a template. */
function expectTranslated(error: ApiErrorPayload): void {
  const texts = LOCALES.map((l) => errorMessage(createI18n(l).t, error));
  for (const text of texts) {
    expect(text).not.toMatch(/errors\.|\{\{/);
    expect(text.length).toBeGreaterThan(20);
  }
  expect(new Set(texts).size).toBe(LOCALES.length);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-faults-'));
  fs.chmodSync(dir, 0o755);
  // A small workspace with 300 leads, and an import far bigger than the space left for it.
  small = path.join(dir, 'small.db');
  const ws = Workspace.create(small, { name: 'Faults' });
  ws.db.transaction(() => {
    const insert = ws.db.prepare(
      "INSERT INTO leads (external_id, created_at, source, custom) VALUES (?, ?, 'web', '{}')",
    );
    for (let i = 0; i < 300; i++) insert.run(`F${i}`, Date.UTC(2026, 0, 1) + i * 3_600_000);
  })();
  ws.close();
  bigCsv = path.join(dir, 'big.csv');
  const lines = ['lead_id,created_at,source,owner,mql_date,sal_date'];
  for (let i = 0; i < 10_000; i++)
    lines.push(
      `BIG-${i},2026-02-${String((i % 28) + 1).padStart(2, '0')} 10:00,source ${i % 9},owner ${i % 17},2026-03-01 09:00,2026-03-02 09:00`,
    );
  fs.writeFileSync(bigCsv, `${lines.join('\n')}\n`);
}, 120_000);

afterAll(async () => {
  await disposeChildBundle();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  recordFigures('faults', 'faults', { ...figures, 'fault methods': methods.join(', ') });
});

/** Runs the big import against `workspace` and proves the clear error and the untouched file. */
async function importOnFullDisk(
  workspace: string,
  prefix: readonly string[],
  expected: readonly string[],
): Promise<string> {
  const before = stateOfFile(workspace);
  const r = await runChild(
    {
      scenario: 'import-outcome',
      workspace,
      home: home(path.basename(path.dirname(workspace))),
      now: Date.now(),
      killAtWrite: null,
      csv: bigCsv,
    },
    { prefix },
  );
  expect(r.done, r.output).not.toBeNull();
  const error = r.done!.error as ApiErrorPayload | null;
  expect(r.done!.state).toBe('failed');
  expect(expected).toContain(error?.code);
  expectTranslated(error!);
  // The session went on: the same counts as before, read after the failure.
  expect(r.done!.leads).toBe(300);
  inspectWorkspaceFile(workspace);
  const after = stateOfFile(workspace);
  figures['rows lost'] += rowsMissing(before, after);
  expect(after.checksum).toBe(before.checksum);
  const backups = `${workspace}.backups`;
  expect(fs.existsSync(backups) ? fs.readdirSync(backups).filter((f) => f.endsWith('.partial')) : []).toEqual([]);
  figures['disk-full faults']++;
  return error!.code;
}

describe('a full disk', () => {
  it('on a small tmpfs: the import fails as workspace.diskFull in every language, and the workspace is unchanged', async () => {
    const mount = path.join(dir, 'tmpfs');
    fs.mkdirSync(mount);
    const size = fs.statSync(small).size;
    if (!mountTmpfs(mount, 2 * size + 1024 * 1024)) {
      console.log(
        'faults: a tmpfs cannot be mounted here (not root, or no CAP_SYS_ADMIN); the file-size-limit test covers a full disk',
      );
      return;
    }
    try {
      const code = await importOnFullDisk(copy(small, path.join(mount, 'w.db')), [], ['workspace.diskFull']);
      methods.push('tmpfs (ENOSPC)');
      console.log(`faults: full tmpfs → ${code}, workspace unchanged`);
      // The daily backup does not fit either: the workspace still opens, and no partial copy is left.
      fs.rmSync(path.join(mount, 'w.db.backups'), { recursive: true, force: true });
      const filler = path.join(mount, 'filler');
      fs.writeFileSync(
        filler,
        Buffer.alloc(Math.max(0, fs.statfsSync(mount).bavail * fs.statfsSync(mount).bsize - 64 * 1024)),
      );
      const ws = Workspace.open(path.join(mount, 'w.db'));
      expect(ws.readOnly).toBe(false);
      expect(ws.info().counts.leads).toBe(300);
      ws.close();
      expect(
        fs.existsSync(path.join(mount, 'w.db.backups')) ? fs.readdirSync(path.join(mount, 'w.db.backups')) : [],
      ).toEqual([]);
      figures['disk-full faults']++;
    } finally {
      unmount(mount);
    }
  }, 180_000);

  it('under a file-size limit (RLIMIT_FSIZE, writes fail with EFBIG): a clear error, the workspace unchanged', async () => {
    const limit = withFileSizeLimit(fs.statSync(small).size + 1024 * 1024 + 1000);
    if (!limit) {
      console.log('faults: prlimit is not available here, so the file-size-limit variant of a full disk is not run');
      return;
    }
    const code = await importOnFullDisk(copy(small, path.join(dir, 'limited', 'w.db')), limit, [
      'workspace.diskFull',
      'workspace.ioError',
    ]);
    methods.push('RLIMIT_FSIZE (EFBIG)');
    console.log(`faults: file-size limit → ${code}, workspace unchanged`);
  }, 180_000);
});

describe('a workspace in a folder that cannot be written', () => {
  let source: string;
  let expected: string;

  beforeAll(() => {
    // Committed work that is still only in the -wal file must be read too.
    source = path.join(dir, 'ro-source');
    fs.mkdirSync(source, { mode: 0o755 });
    const file = copy(small, path.join(source, 'w.db'));
    const db = openDb(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    expected = `committed ${Date.now()}`;
    db.prepare("INSERT INTO settings (key, value) VALUES ('probe.wal', ?)").run(expected);
    fs.copyFileSync(file, path.join(source, 'ready.db'));
    fs.copyFileSync(`${file}-wal`, path.join(source, 'ready.db-wal'));
    db.close();
    fs.rmSync(file);
    fs.renameSync(path.join(source, 'ready.db'), file);
    fs.renameSync(path.join(source, 'ready.db-wal'), `${file}-wal`);
    for (const f of fs.readdirSync(source)) fs.chmodSync(path.join(source, f), 0o644);
  });

  function expectReadOnly(probe: ReadOnlyProbe, folder: string, before: Record<string, string>): void {
    expect(probe).toEqual({
      readOnly: true,
      reason: 'workspace.readOnlyPath',
      probe: expected,
      writeError: 'workspace.readOnly',
    });
    // The banner's reason, in every language.
    expectTranslated({ code: probe.reason!, params: {}, message: '' });
    expect(folderState(folder)).toEqual(before);
    figures['read-only faults']++;
  }

  const leftoverCopies = () =>
    fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('funnel-review-readonly-')).length;

  it('on a read-only bind mount: opens read-only with the reason, reads the committed -wal, writes nothing', async () => {
    const target = path.join(dir, 'ro-mount');
    fs.mkdirSync(target);
    if (!bindReadOnly(source, target)) {
      console.log('faults: a read-only bind mount is not possible here (not root, or no CAP_SYS_ADMIN)');
      return;
    }
    try {
      const before = folderState(target);
      const copiesBefore = leftoverCopies();
      expectReadOnly(
        await readOnlyProbe({ home: home('ro-mount'), workspace: path.join(target, 'w.db') }),
        target,
        before,
      );
      expect(leftoverCopies()).toBe(copiesBefore);
      methods.push('read-only bind mount');
    } finally {
      unmount(target);
    }
  });

  it('with the immutable attribute (chattr +i) on the folder and its files', async () => {
    const folder = path.join(dir, 'ro-immutable');
    fs.cpSync(source, folder, { recursive: true });
    const paths = [...fs.readdirSync(folder).map((f) => path.join(folder, f)), folder];
    if (!setImmutable(paths, true)) {
      setImmutable(paths, false);
      console.log(
        'faults: chattr +i is not possible here (no CAP_LINUX_IMMUTABLE, or a file system without the attribute)',
      );
      return;
    }
    try {
      const before = folderState(folder);
      expectReadOnly(
        await readOnlyProbe({ home: home('ro-immutable'), workspace: path.join(folder, 'w.db') }),
        folder,
        before,
      );
      methods.push('chattr +i');
    } finally {
      setImmutable(paths, false);
    }
  });

  it('as an unprivileged user (nobody) in a folder that user cannot write', async () => {
    const prefix = asNobody();
    if (!prefix) {
      console.log('faults: cannot run a child as nobody here (not root, or no setpriv)');
      return;
    }
    const before = folderState(source);
    const r = await runChild(
      {
        scenario: 'readonly-probe',
        workspace: path.join(source, 'w.db'),
        home: home('nobody'),
        now: Date.now(),
        killAtWrite: null,
      },
      { prefix },
    );
    expect(r.done, r.output).not.toBeNull();
    const { writes: _writes, commitAt: _commitAt, ...probe } = r.done!;
    expectReadOnly(probe as unknown as ReadOnlyProbe, source, before);
    methods.push('unprivileged user');
  });
});

describe('two app instances on one workspace', () => {
  it('never both write: the second is read-only, a CLI import is refused, and a crashed holder does not block the next', async () => {
    const workspace = copy(small, path.join(dir, 'shared', 'w.db'));
    const renderer = path.join(dir, 'renderer');
    fs.mkdirSync(renderer, { recursive: true });
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>x</title>');
    const config = (name: string) => ({
      scenario: 'serve' as const,
      workspace,
      home: home(name),
      now: Date.now(),
      killAtWrite: null,
      rendererDir: renderer,
    });
    // Both start at the same moment: exactly one takes the workspace for writing.
    const instances = await Promise.all([startChild(config('one')), startChild(config('two'))]);
    try {
      const servers = await Promise.all(instances.map((i) => i.ready));
      const call = async <T>(s: Record<string, string>, wire: string, input: unknown) =>
        (await (
          await fetch(`${s.origin}/api/${wire}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${s.token}` },
            body: JSON.stringify(input),
          })
        ).json()) as ApiResult<T>;
      const infos = await Promise.all(servers.map((s) => call<WorkspaceInfo>(s, 'workspace.info', {})));
      const values = infos.map((r) => (r.ok ? r.value : null));
      expect(values.filter((v) => v && !v.readOnly)).toHaveLength(1);
      const writerIndex = values.findIndex((v) => v && !v.readOnly);
      const reader = values[1 - writerIndex]!;
      expect(reader).toMatchObject({ readOnly: true, readOnlyReason: 'workspace.lockedByOther' });
      const refused = await call(servers[1 - writerIndex]!, 'workspace.updateSettings', { name: 'Second' });
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'workspace.readOnly', params: { reason: 'workspace.lockedByOther' } },
      });
      expect(await call(servers[writerIndex]!, 'workspace.updateSettings', { name: 'First' })).toMatchObject({
        ok: true,
      });

      // A third process, the CLI, refused in the user's language while the writer runs.
      const cli = (lang: string) =>
        new Promise<{ code: number | null; stderr: string }>((resolve) => {
          const child = spawn(
            process.execPath,
            [path.join(projectRoot, 'src/main/cli/funnel-review.mjs'), 'import', bigCsv, '--workspace', workspace],
            {
              env: { ...process.env, FUNNEL_REVIEW_HOME: home(`cli-${lang}`), LANG: lang },
              stdio: ['ignore', 'ignore', 'pipe'],
            },
          );
          let stderr = '';
          child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
          child.on('exit', (code) => resolve({ code, stderr }));
        });
      const before = stateOfFile(workspace);
      const refusedCli = await cli('pt_BR.UTF-8');
      expect(refusedCli.code).toBe(1);
      expect(refusedCli.stderr).toContain(createI18n('pt-BR').t('errors.workspace.readOnly'));
      const after = stateOfFile(workspace);
      figures['rows lost'] += rowsMissing(before, after);
      expect(after.checksum).toBe(before.checksum);
      figures['second-instance faults'] += 3;

      // The writer crashes; its lock is stale, and the next writer (the CLI) takes over.
      instances[writerIndex]!.kill('SIGKILL');
      await instances[writerIndex]!.exited;
      const taken = await cli('en_US.UTF-8');
      expect(taken.code, taken.stderr).toBe(0);
      const ws = Workspace.open(workspace, { readOnly: true });
      const info = ws.info();
      ws.close();
      expect({ name: info.name, leads: info.counts.leads }, taken.stderr).toEqual({ name: 'First', leads: 10_300 });
      figures['second-instance faults']++;
      methods.push('two serve processes + CLI import');
    } finally {
      for (const i of instances) i.kill('SIGTERM');
      await Promise.all(instances.map((i) => i.exited));
    }
  }, 240_000);
});
