import { createDispatch } from '../../../src/main/runtime/dispatch';
import { handlers } from '../../../src/main/runtime/handlers';
import { Runtime } from '../../../src/main/runtime/runtime';
import { openWorkspaceFile } from '../../../src/main/db/workspace-file';
import { acquireLock } from '../../../src/main/db/lock';
import { Workspace } from '../../../src/main/workspace/workspace';
import { startMeeting } from '../../../src/main/meetings/lifecycle';
import { usePdfEngine } from '../../../src/main/documents/pdf-engine';
import { startServer } from '../../../src/main/server/server';
import { errorFromPayload, type ApiResult } from '../../../src/shared/errors';
import type { WorkspaceInfo } from '../../../src/shared/domain/types';
import type { JobStatus } from '../../../src/shared/jobs/types';
import type { ChildConfig } from './config';
import { TestPdfEngine } from './pdf-engine';
import { withProbeMigration } from './test-migration';

/** A session like the app's: the same runtime and dispatcher the bridges use. */
function session(config: ChildConfig) {
  const rt = new Runtime({ dataDir: config.home, host: 'cli', appVersion: 'crash-test' });
  const dispatch = createDispatch(rt, handlers, () => undefined);
  const call = async <T>(wire: string, input: unknown): Promise<T> => {
    const r = (await dispatch(wire, input)) as ApiResult<T>;
    if (!r.ok) throw errorFromPayload(r.error);
    return r.value;
  };
  return { rt, call, dispatch };
}

/** What a session sees of a workspace it opened: read-only or not, why, a probe value, and a write's fate. */
export interface ReadOnlyProbe {
  readonly readOnly: boolean;
  readonly reason: string | null;
  readonly probe: unknown;
  readonly writeError: string | null;
}

export async function readOnlyProbe(config: Pick<ChildConfig, 'home' | 'workspace'>): Promise<ReadOnlyProbe> {
  const { rt, call, dispatch } = session({ ...config, scenario: 'readonly-probe', now: 0, killAtWrite: null });
  try {
    const info = await call<WorkspaceInfo>('workspace.open', { path: config.workspace });
    const write = await dispatch('workspace.updateSettings', { name: 'Changed where it cannot be' });
    const probe = rt.requireWorkspace().db.prepare("SELECT value FROM settings WHERE key = 'probe.wal'").pluck().get();
    return {
      readOnly: info.readOnly,
      reason: info.readOnlyReason,
      probe,
      writeError: write.ok ? null : write.error.code,
    };
  } finally {
    rt.dispose();
  }
}

/** Runs the scenario's write, calling `arm` right before it begins. */
export async function runScenario(config: ChildConfig, arm: () => void): Promise<Record<string, unknown>> {
  switch (config.scenario) {
    case 'import': {
      const { rt, call } = session(config);
      await call('workspace.open', { path: config.workspace });
      const file = rt.files.registerPath(config.csv!);
      arm();
      const started = await call<JobStatus>('imports.apply', { files: [{ fileId: file.id }] });
      const ended = await rt.jobs.wait(started.id, undefined, 10);
      if (ended.state !== 'done')
        throw ended.error ? errorFromPayload(ended.error) : new Error(`import ${ended.state}`);
      rt.dispose();
      return { state: ended.state };
    }
    case 'migration': {
      arm();
      const opened = openWorkspaceFile(config.workspace, { migrations: withProbeMigration });
      opened.db.close();
      opened.lock?.release();
      return { migratedFrom: opened.migratedFrom };
    }
    case 'meeting': {
      const ws = Workspace.open(config.workspace);
      arm();
      const detail = startMeeting(ws, config.meetingId!, config.now);
      ws.close();
      return { status: detail.status };
    }
    case 'import-outcome': {
      // The import as a user runs it, reporting how it ended instead of failing (disk-full tests).
      const { rt, call } = session(config);
      await call('workspace.open', { path: config.workspace });
      const file = rt.files.registerPath(config.csv!);
      arm();
      const started = await call<JobStatus>('imports.apply', { files: [{ fileId: file.id }] });
      const ended = await rt.jobs.wait(started.id, undefined, 10);
      const after = await call<WorkspaceInfo>('workspace.info', {});
      rt.dispose();
      return { state: ended.state, error: ended.error, leads: after.counts.leads };
    }
    case 'serve': {
      // A second app instance: the same runtime and server `funnel-review serve` runs.
      const { rt, call, dispatch } = session(config);
      await call('workspace.open', { path: config.workspace });
      const server = await startServer({ runtime: rt, dispatch, rendererDir: config.rendererDir! });
      process.stdout.write(`READY ${JSON.stringify({ origin: server.origin, token: server.token })}\n`);
      await new Promise<void>((resolve) => process.once('SIGTERM', () => resolve()));
      await server.close();
      rt.dispose();
      return {};
    }
    case 'lock': {
      // Real time (the frozen clock stands still): every child tries at the same instant.
      const realNow = () => performance.timeOrigin + performance.now();
      while (realNow() < config.startAt!) await new Promise((r) => setTimeout(r, 1));
      while (realNow() < config.startAt! + 1) {
        // spin the last millisecond so the attempts line up as closely as the scheduler allows
      }
      arm();
      const lock = acquireLock(config.workspace);
      await new Promise((r) => setTimeout(r, config.holdMs ?? 0));
      lock?.release();
      return { held: lock !== null };
    }
    case 'readonly-probe':
      return { ...(await readOnlyProbe(config)) };
    case 'sign': {
      usePdfEngine(new TestPdfEngine());
      const { rt, call } = session(config);
      await call('workspace.open', { path: config.workspace });
      const pdf = rt.files.registerPath(config.pdf!);
      const p12 = rt.files.registerPath(config.p12!);
      arm();
      const signed = await call<{ party: string }>('documents.sign', {
        file: pdf.id,
        identity: p12.id,
        passphrase: config.passphrase,
      });
      rt.dispose();
      return { party: signed.party };
    }
  }
}
