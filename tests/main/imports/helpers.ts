import fs from 'node:fs';
import path from 'node:path';
import { createDispatch, type Dispatch } from '../../../src/main/runtime/dispatch';
import { handlers } from '../../../src/main/runtime/handlers';
import { Runtime } from '../../../src/main/runtime/runtime';
import { projectRoot } from '../../../src/main/runtime/paths';
import { errorFromPayload, type ApiResult } from '../../../src/shared/errors';
import type { JobStatus } from '../../../src/shared/jobs/types';
import type { ExportResult, ImportResult } from '../../../src/shared/imports/types';
import type { ImportMappingInput } from '../../../src/shared/imports/mapping';
import { tmpDir } from '../../helpers/tmp';

/** The real datasets (never copied into the repository); tests using them skip when absent. */
export const dataDir = path.resolve(projectRoot, '../shared/data');
export const hasData = (sub: string): boolean => fs.existsSync(path.join(dataDir, sub));
export const fixture = (name: string): ImportMappingInput =>
  JSON.parse(fs.readFileSync(path.join(projectRoot, 'tests/fixtures/imports', name), 'utf8')) as ImportMappingInput;

export interface Session {
  readonly dir: string;
  readonly rt: Runtime;
  readonly dispatch: Dispatch;
  call<T>(wire: string, input?: unknown): Promise<T>;
  /** A file in this session's folder with the given content. */
  file(name: string, content: string | Buffer): string;
  importFiles(
    files: string[],
    options?: Record<string, unknown>,
    perFile?: Record<string, unknown>,
  ): Promise<ImportResult>;
  waitJob<T>(status: JobStatus<T>): Promise<JobStatus<T>>;
  /** leads.csv and stage_events.csv of the open workspace, as text: the state of every lead and event. */
  snapshot(): Promise<{ leads: string; events: string }>;
  dispose(): void;
}

export async function session(options: { timeZone?: string; workspace?: string } = {}): Promise<Session> {
  const dir = tmpDir('fr-imports-');
  const rt = new Runtime({ dataDir: path.join(dir, 'data'), host: 'cli', appVersion: 'test' });
  const dispatch = createDispatch(rt, handlers, () => undefined);
  const call = async <T>(wire: string, input: unknown = {}): Promise<T> => {
    const r = (await dispatch(wire, input)) as ApiResult<T>;
    if (!r.ok) throw errorFromPayload(r.error);
    return r.value;
  };
  await call('workspace.create', {
    path: path.join(dir, options.workspace ?? 'w.db'),
    timeZone: options.timeZone ?? 'UTC',
  });
  const waitJob = async <T>(status: JobStatus<T>): Promise<JobStatus<T>> => {
    let s = status;
    while (s.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      s = await call<JobStatus<T>>('jobs.get', { id: status.id });
    }
    return s;
  };
  const s: Session = {
    dir,
    rt,
    dispatch,
    call,
    file: (name, content) => {
      const p = path.join(dir, name);
      fs.writeFileSync(p, content);
      return p;
    },
    importFiles: async (files, opts = {}, perFile = {}) => {
      const refs = files.map((f) => ({ fileId: rt.files.registerPath(f).id, ...perFile }));
      const dry = opts.dryRun === true;
      const { dryRun: _dry, ...rest } = opts;
      const started = await call<JobStatus<ImportResult>>(dry ? 'imports.validate' : 'imports.apply', {
        files: refs,
        ...rest,
      });
      const done = await waitJob(started);
      if (done.state !== 'done' || !done.result)
        throw done.error ? errorFromPayload(done.error) : new Error(`job ${done.state}`);
      return done.result;
    },
    waitJob,
    snapshot: async () => {
      const done = await waitJob(await call<JobStatus<ExportResult>>('imports.exportNative'));
      if (!done.result) throw new Error('export failed');
      const [leads, events] = done.result.files.map((f) => fs.readFileSync(rt.files.pathOf(f.id), 'utf8'));
      return { leads: leads!, events: events! };
    },
    dispose: () => rt.dispose(),
  };
  return s;
}

/** A wide export of `n` generated leads (deterministic), for tests that need a file that takes a while. */
export function wideCsv(n: number, prefix = 'G'): string {
  const out = ['lead_id,created_at,source,owner,mql_date,won_date'];
  for (let i = 0; i < n; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    out.push(
      `${prefix}${i},2024-01-${day} 10:00,src${i % 7},owner${i % 13},2024-02-${day} 11:00,${i % 5 === 0 ? `2024-03-${day} 12:00` : ''}`,
    );
  }
  return `${out.join('\n')}\n`;
}
