import fs from 'node:fs';
import path from 'node:path';
import { Workspace } from '../workspace/workspace';
import { writeBackupStepwise } from '../db/backups';
import { readThrough } from '../db/read-through';
import { checkIsWorkspaceFile } from '../db/workspace-file';
import { JobRegistry } from '../jobs/registry';
import { FileStore } from '../files/store';
import { PreferencesStore } from './preferences';
import { EventBus } from './events';
import type { PeriodPool } from '../metrics/period-pool';
import type { DesktopBridge } from './desktop';
import type { IdentityVault } from '../documents/safe-storage-vault';
import { AppError } from '../../shared/errors';
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

  /** The open workspace, or a `workspace.noneOpen` error the UI turns into its start screen. */
  requireWorkspace(): Workspace {
    if (!this.current) throw new AppError('workspace.noneOpen');
    return this.current;
  }

  /** Replaces the open workspace (closing the previous one) and remembers it in the recent list. */
  adopt(ws: Workspace): Workspace {
    if (this.current && this.current !== ws) this.closeWorkspace();
    this.current = ws;
    this.prefs.touchRecent(ws.path, ws.settings().name);
    return ws;
  }

  /**
   * Opens a workspace file for this session. The file is first read through (a job, `workspace.open`,
   * its subject the path, that the front ends show and may cancel: the workspace open before stays
   * open), so the integrity check that follows reads memory. The day's first backup is then copied
   * a hundred pages at a time (a job), where VACUUM INTO held the open for seconds on a large
   * workspace: the desktop app and the local server answer at once and the copy runs while the
   * workspace is in use (closing it cancels the copy, which leaves nothing); a CLI command, which
   * may end at once, waits for it.
   */
  async openWorkspace(file: string, readOnly: boolean): Promise<Workspace> {
    // A file that is no workspace is refused before it is read through (a film picked by mistake).
    checkIsWorkspaceFile(file);
    const reading = this.jobs.startOnce(file, 'workspace.open', (ctl) => readThrough(file, ctl), 'bytes');
    if ((await this.jobs.wait(reading.id, undefined, 20)).state === 'cancelled') throw new AppError('jobs.cancelled');
    const ws = this.adopt(Workspace.open(file, { readOnly, dailyBackup: 'later' }));
    const version = ws.dailyBackupDue;
    if (version === null) return ws;
    const copy = this.jobs.start(
      'workspace.dailyBackup',
      (ctl) => writeBackupStepwise(ws.db, ws.path, 'daily', version, ctl),
      'pages',
    );
    // A copy that fails (a full disk) does not keep anyone from their workspace; the job says why.
    if (this.options.host === 'cli') await this.jobs.wait(copy.id, undefined, 20);
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
