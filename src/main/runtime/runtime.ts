import fs from 'node:fs';
import path from 'node:path';
import { Workspace } from '../workspace/workspace';
import { WorkspaceRepository } from '../workspace/repository';
import { writeBackupStepwise } from '../db/backups';
import { readThrough } from '../db/read-through';
import { backUpBeforeMigration, checkIsWorkspaceFile, isWritable } from '../db/workspace-file';
import { checkWorkspaceFile, upgradeLargeWorkspaceFile } from '../db/check-thread';
import { JobRegistry } from '../jobs/registry';
import { FileStore } from '../files/store';
import { PreferencesStore } from './preferences';
import { EventBus } from './events';
import type { PeriodPool } from '../metrics/period-pool';
import type { DesktopBridge } from './desktop';
import type { IdentityVault } from '../documents/safe-storage-vault';
import { restoreWorkspaceFile } from '../db/restore';
import { AppError, errorFromPayload } from '../../shared/errors';
import type { JobStatus } from '../../shared/jobs/types';
import type { Preferences, SessionState } from '../../shared/domain/types';

export interface RuntimeOptions {
  /** Folder for preferences, the sample workspace and temporary files. */
  readonly dataDir: string;
  readonly host: SessionState['host'];
  readonly appVersion: string;
  /** Native dialogs and the file manager, when the host has them (Electron). */
  readonly desktop?: DesktopBridge;
  /** Where the desktop app keeps signing keys, sealed by the OS (Electron safeStorage). */
  readonly keyVault?: IdentityVault;
  /** Lets the host follow preference changes (Electron: native theme of menus and dialogs). */
  readonly onPreferencesChanged?: (preferences: Preferences) => void;
}

export const SAMPLE_FILE_NAME = 'Sample workspace.db';

/**
 * One session of the services: at most one open workspace, its jobs and files, and the user's
 * preferences. Electron, the local server and the CLI each create one and hand it to the handlers.
 */
export class Runtime {
  private current: Workspace | null = null;
  readonly jobs = new JobRegistry();
  readonly files: FileStore;
  readonly prefs: PreferencesStore;
  readonly events = new EventBus();
  private periods: PeriodPool | null = null;
  /** Opens and restores under way, by file: a second request for the same file follows the first. */
  private readonly inFlight = new Map<string, { restoring: string | null; done: Promise<Workspace> }>();

  constructor(readonly options: RuntimeOptions) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    this.prefs = new PreferencesStore(options.dataDir);
    this.files = new FileStore(options.dataDir);
  }

  get workspace(): Workspace | null {
    return this.current;
  }

  get samplePath(): string {
    return path.join(this.options.dataDir, SAMPLE_FILE_NAME);
  }

  /**
   * The open workspace, or why there is none: a restore under way has closed it (other windows and
   * browser tabs are told so, and that it comes back), else `workspace.noneOpen`.
   */
  requireWorkspace(): Workspace {
    if (this.current) return this.current;
    const restoring = [...this.inFlight].find(([, run]) => run.restoring !== null);
    if (restoring) throw new AppError('workspace.restoring', { path: restoring[0] });
    throw new AppError('workspace.noneOpen');
  }

  /** Replaces the open workspace (closing the previous one) and remembers it in the recent list. */
  adopt(ws: Workspace): Workspace {
    if (this.current && this.current !== ws) this.closeWorkspace();
    this.current = ws;
    this.prefs.touchRecent(ws.path, ws.settings().name);
    return ws;
  }

  /**
   * Opens a workspace file for this session. The file is first read through and checked (a job,
   * `workspace.open`, its subject the path, that the front ends show and may cancel: the workspace
   * open before stays open). The read brings the file into the OS cache, so the check reads
   * memory; a large file's check, and its upgrade after the migration backup, run on a thread, so
   * the process keeps answering meanwhile.
   */
  openWorkspace(file: string, readOnly: boolean): Promise<Workspace> {
    return this.once(file, null, () => this.readAndOpen(file, readOnly));
  }

  private async readAndOpen(file: string, readOnly: boolean): Promise<Workspace> {
    // A file that is no workspace is refused before it is read through (a film picked by mistake).
    checkIsWorkspaceFile(file);
    // On read-only media the open checks the private copy it reads from (workspace-file.ts).
    const checked = isWritable(file);
    let migrationBackup: string | null = null;
    const opening = this.jobs.startOnce(
      file,
      'workspace.open',
      async (ctl) => {
        await readThrough(file, ctl);
        if (!checked) return;
        ctl.progress({ done: 0, total: null, phase: 'workspace.checking' });
        const version = await checkWorkspaceFile(file, ctl);
        if (!readOnly) migrationBackup = await backUpBeforeMigration(file, version, ctl);
        if (migrationBackup) await upgradeLargeWorkspaceFile(file, migrationBackup, ctl);
      },
      'bytes',
    );
    await this.finished(opening);
    return this.openChecked(file, { readOnly, checked, ...(migrationBackup ? { migrationBackup } : {}) });
  }

  /**
   * Puts a backup in place of a workspace and opens it. The restore is a job (`workspace.restore`,
   * its subject the path) with progress in bytes and a cancel until the file is swapped
   * (`restoreWorkspaceFile`). The workspace is closed first, so nothing is written to it after its
   * state was kept; a restore that fails or is cancelled opens it again as it was.
   */
  restoreWorkspace(file: string, backupPath: string): Promise<Workspace> {
    return this.once(file, backupPath, () => this.restore(file, backupPath));
  }

  /**
   * Runs `work` on `file` unless an open or a restore of it is under way. A second open, or a
   * second restore of the same backup (a second click, a second window), then waits for the first
   * and gets its workspace rather than opening the file again; a restore of another backup is
   * refused, since the one under way is about to replace the file.
   */
  private once(file: string, restoring: string | null, work: () => Promise<Workspace>): Promise<Workspace> {
    const running = this.inFlight.get(file);
    if (running) {
      if (restoring === null || restoring === running.restoring) return running.done;
      return Promise.reject(new AppError('workspace.fileBusy', { path: file }));
    }
    const done = work().finally(() => this.inFlight.delete(file));
    this.inFlight.set(file, { restoring, done });
    return done;
  }

  private async restore(file: string, backupPath: string): Promise<Workspace> {
    const wasOpen = this.current?.path === file;
    if (wasOpen) this.closeWorkspace();
    try {
      await this.finished(
        this.jobs.startOnce(
          file,
          'workspace.restore',
          (ctl) => restoreWorkspaceFile(file, backupPath, ctl, { wasOpen }),
          'bytes',
        ),
      );
    } catch (e) {
      // Closed moments ago, checked when it opened: it opens again without a second check.
      if (wasOpen) await this.openChecked(file, { checked: true });
      throw e;
    }
    // The restore checked the very bytes it renamed into place.
    return this.openChecked(file, { checked: true });
  }

  /** Waits for a job the caller's answer depends on; its failure or cancel is the caller's. */
  private async finished(job: JobStatus): Promise<void> {
    const end = await this.jobs.wait(job.id);
    if (end.state === 'cancelled') throw new AppError('jobs.cancelled');
    if (end.error) throw errorFromPayload(end.error);
  }

  /**
   * Opens a file the caller has read through or checked, for this session. The day's first backup
   * is then copied a hundred pages at a time (a job), where VACUUM INTO held the open for seconds
   * on a large workspace: the desktop app and the local server answer at once and the copy runs
   * while the workspace is in use (closing it cancels the copy, which leaves nothing); a CLI
   * command, which may end at once, waits for it.
   */
  private async openChecked(
    file: string,
    options: { readOnly?: boolean; checked?: boolean; migrationBackup?: string },
  ): Promise<Workspace> {
    const ws = this.adopt(Workspace.open(file, { ...options, dailyBackup: 'later' }));
    this.periods?.warmFor(ws.repo(WorkspaceRepository).leadCountBound());
    const version = ws.dailyBackupDue;
    if (version === null) return ws;
    const copy = this.jobs.start(
      'workspace.dailyBackup',
      (ctl) => writeBackupStepwise(ws.db, ws.path, 'daily', version, ctl),
      'pages',
    );
    // A copy that fails (a full disk) does not keep anyone from their workspace; the job says why.
    if (this.options.host === 'cli') await this.jobs.wait(copy.id);
    return ws;
  }

  /**
   * Lets reports compute their periods side by side on these threads. Only hosts that live on
   * (the desktop app, the local server) use them; a CLI command would pay their start for nothing.
   */
  useReportThreads(pool: PeriodPool): void {
    this.periods = pool;
  }

  get reportThreads(): PeriodPool | null {
    return this.periods;
  }

  closeWorkspace(): void {
    this.jobs.cancelAll();
    // Before the file may be replaced or removed, no thread may still hold it open; and a small
    // workspace opened next should not keep the memory a large one's threads took.
    this.periods?.release();
    this.current?.close();
    this.current = null;
  }

  session(): SessionState {
    return {
      workspace: this.current?.info() ?? null,
      recent: this.prefs.recent(),
      preferences: this.prefs.preferences,
      appVersion: this.options.appVersion,
      host: this.options.host,
      samplePath: this.samplePath,
    };
  }

  dispose(): void {
    this.events.close();
    this.closeWorkspace();
    void this.periods?.close();
    this.files.dispose();
  }
}
