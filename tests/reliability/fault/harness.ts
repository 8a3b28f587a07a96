import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_EXTERNALS } from '../../../src/main/cli/commands/build-electron';
import { projectRoot } from '../../../src/main/runtime/paths';
import { describeDifference, rowsMissing, stateOfFile, type DbState } from '../support/state';
import type { ChildConfig } from './config';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'child.ts');

let bundled: Promise<string> | null = null;

/** Removes the bundled child (call once the test file is done with children). */
export async function disposeChildBundle(): Promise<void> {
  if (!bundled) return;
  const file = await bundled.catch(() => null);
  bundled = null;
  if (file) fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

/**
 * The child entry bundled once per test file into one CommonJS file: a child then starts in a
 * fraction of a second instead of compiling and loading hundreds of modules through tsx each time.
 * Native and development-only packages stay outside and are found through NODE_PATH.
 */
function childBundle(): Promise<string> {
  bundled ??= (async () => {
    const esbuild = await import('esbuild');
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fr-crash-child-')), 'child.cjs');
    await esbuild.build({
      entryPoints: [CHILD],
      outfile: out,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: [...BUNDLE_EXTERNALS],
      define: { 'import.meta.url': '__importMetaUrl' },
      banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
      logLevel: 'silent',
    });
    // Readable by a child running as another (unprivileged) user too.
    fs.chmodSync(path.dirname(out), 0o755);
    return out;
  })();
  return bundled;
}

export interface ChildRun {
  readonly signal: NodeJS.Signals | null;
  readonly code: number | null;
  readonly done: ({ writes: number; commitAt: number | null } & Record<string, unknown>) | null;
  readonly failed: string | null;
  /** From ARMED to DONE (or to the kill), measured here. */
  readonly armedMs: number | null;
  readonly output: string;
}

export interface ChildOptions {
  /** SIGKILL the child this long after its write began. */
  readonly killAfterArmedMs?: number;
  /** A command the child runs under, e.g. a file-size limit or another user: `[cmd, ...args]`. */
  readonly prefix?: readonly string[];
}

function spawnChild(entry: string, config: ChildConfig, prefix: readonly string[] = []) {
  const argv = [...prefix, process.execPath, entry, JSON.stringify(config)];
  return spawn(argv[0]!, argv.slice(1), {
    cwd: projectRoot,
    env: { ...process.env, FUNNEL_REVIEW_HOME: config.home, NODE_PATH: path.join(projectRoot, 'node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs a crash-test child to its end (or its kill). */
export async function runChild(config: ChildConfig, options: ChildOptions = {}): Promise<ChildRun> {
  const entry = await childBundle();
  return new Promise((resolve, reject) => {
    const child = spawnChild(entry, config, options.prefix);
    let output = '';
    let armedAt: number | null = null;
    let endedAt: number | null = null;
    const guard = setTimeout(() => child.kill('SIGKILL'), 170_000);
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      if (armedAt === null && output.includes('ARMED\n')) {
        armedAt = Date.now();
        if (options.killAfterArmedMs !== undefined) setTimeout(() => child.kill('SIGKILL'), options.killAfterArmedMs);
      }
      if (endedAt === null && /(?:^|\n)(DONE|FAILED) /.test(output)) endedAt = Date.now();
    });
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      const done = /(?:^|\n)DONE (.*)\n/.exec(output);
      const failed = /(?:^|\n)FAILED (.*)\n/.exec(output);
      resolve({
        code,
        signal,
        done: done
          ? (JSON.parse(done[1]!) as { writes: number; commitAt: number | null } & Record<string, unknown>)
          : null,
        failed: failed ? failed[1]! : null,
        armedMs: armedAt === null ? null : (endedAt ?? Date.now()) - armedAt,
        output,
      });
    });
  });
}

export interface LongRunningChild {
  /** What the child printed after READY (for `serve`: its origin and token). */
  readonly ready: Promise<Record<string, string>>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): void;
}

/** Starts a child that keeps running (an app instance serving its workspace) until killed. */
export async function startChild(config: ChildConfig, options: ChildOptions = {}): Promise<LongRunningChild> {
  const entry = await childBundle();
  const child = spawnChild(entry, config, options.prefix);
  let output = '';
  const ready = new Promise<Record<string, string>>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      const m = /READY (.*)\n/.exec(output);
      if (m) resolve(JSON.parse(m[1]!) as Record<string, string>);
      if (/FAILED /.test(output)) reject(new Error(output));
    });
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', () => reject(new Error(`the child ended before it was ready: ${output}`)));
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { ready, exited, kill: (signal) => void child.kill(signal) };
}

export interface CrashPlan {
  readonly name: string;
  /** The workspace as it is before the write; copied afresh for every run. */
  readonly original: string;
  readonly config: Omit<ChildConfig, 'workspace' | 'killAtWrite' | 'killAfter' | 'home'>;
  /** What the app does on reopening, which must succeed after any crash (integrity check included). */
  readonly reopen: (file: string) => void;
  /** Extra statements to die at, besides the middle and the last one. */
  readonly extraKillPoints?: readonly number[];
  /** Scenario checks after a crash run (e.g. the migration's backup holds the old state). */
  readonly afterCrash?: (file: string, old: DbState) => void;
}

export interface CrashOutcome {
  readonly point: string;
  readonly killed: boolean;
  readonly state: 'old' | 'new' | 'mix';
  /** What this kill point must leave (null: either, as for the timer). */
  readonly expected: 'old' | 'new' | null;
  readonly detail: string;
}

export interface CrashReport {
  readonly writes: number;
  readonly outcomes: readonly CrashOutcome[];
  readonly rowsLost: number;
}

function copyWorkspace(from: string, to: string): void {
  for (const f of [to, `${to}-wal`, `${to}-shm`, `${to}.lock`]) fs.rmSync(f, { force: true });
  fs.rmSync(`${to}.backups`, { recursive: true, force: true });
  fs.copyFileSync(from, to);
}

/**
 * Runs the write once to the end (the "new" state), then again on fresh copies of the original,
 * killed with SIGKILL in the middle of it, at its last statement, and on a timer; each time the
 * workspace must reopen and hold exactly the old or the new state, never a mix.
 */
export async function crashTest(plan: CrashPlan, work: string): Promise<CrashReport> {
  fs.mkdirSync(work, { recursive: true });
  const old = stateOfFile(plan.original);
  const run = (file: string, killAtWrite: number | null, killAfter = false, killAfterArmedMs?: number) =>
    runChild(
      { ...plan.config, workspace: file, killAtWrite, killAfter, home: path.join(work, `home-${path.basename(file)}`) },
      killAfterArmedMs === undefined ? {} : { killAfterArmedMs },
    );

  const measured = path.join(work, 'measured.db');
  copyWorkspace(plan.original, measured);
  const full = await run(measured, null);
  if (!full.done) throw new Error(`${plan.name}: the uninterrupted run did not finish:\n${full.output}`);
  plan.reopen(measured);
  const next = stateOfFile(measured);
  if (next.checksum === old.checksum)
    throw new Error(`${plan.name}: the write changed nothing, so a crash test proves nothing`);

  const writes = full.done.writes;
  // Statements after the commit (the app's connection reloading the statistics an import gathered)
  // change nothing: the commit is the point between old and new.
  const commit = full.done.commitAt ?? writes;
  const points: Array<{
    label: string;
    atWrite: number | null;
    after?: boolean;
    afterMs?: number;
    expect?: 'old' | 'new';
  }> = [
    ...(plan.extraKillPoints ?? []).map((n) => ({
      label: `before statement ${n} of ${writes}`,
      atWrite: n,
      expect: 'old' as const,
    })),
    { label: `before statement ${Math.ceil(commit / 2)} of ${writes}`, atWrite: Math.ceil(commit / 2), expect: 'old' },
    // Just before the commit nothing is kept, just after it everything is.
    { label: `before statement ${commit} of ${writes} (the commit)`, atWrite: commit, expect: 'old' },
    { label: `after statement ${commit} of ${writes} (the commit)`, atWrite: commit, after: true, expect: 'new' },
    ...(commit < writes
      ? [{ label: `before statement ${writes} of ${writes}, the last`, atWrite: writes, expect: 'new' as const }]
      : []),
    {
      label: `${Math.round((full.armedMs ?? 0) / 2)} ms into it`,
      atWrite: null,
      afterMs: Math.max(1, Math.round((full.armedMs ?? 0) / 2)),
    },
  ];
  const outcomes: CrashOutcome[] = [];
  let rowsLost = 0;
  for (const [i, p] of points.entries()) {
    const file = path.join(work, `killed-${i}.db`);
    copyWorkspace(plan.original, file);
    const r = await run(file, p.atWrite, p.after ?? false, p.afterMs);
    if (r.failed) throw new Error(`${plan.name} (${p.label}): the write failed instead of being killed: ${r.failed}`);
    const killed = r.signal === 'SIGKILL';
    if (p.atWrite !== null && !killed)
      throw new Error(`${plan.name} (${p.label}): the child was not killed:\n${r.output}`);
    plan.reopen(file);
    const now = stateOfFile(file);
    const state = now.checksum === old.checksum ? 'old' : now.checksum === next.checksum ? 'new' : 'mix';
    rowsLost += rowsMissing(state === 'new' ? next : old, now);
    const detail =
      state === 'mix' ? `vs old: ${describeDifference(old, now)}; vs new: ${describeDifference(next, now)}` : '';
    outcomes.push({ point: p.label, killed, state, expected: p.expect ?? null, detail });
    plan.afterCrash?.(file, old);
  }
  return { writes, outcomes, rowsLost };
}
