import path from 'node:path';
import type { Db } from '../db/driver';
import { latestVersion, schemaVersion } from '../db/migrate';
import { migrations } from '../db/migrations';
import { refreshStaleStatisticsIfPossible, reloadStatisticsIfPossible } from '../db/statistics';
import { attachWorkspaceFile, createWorkspaceFile, openWorkspaceFile, type OpenedFile } from '../db/workspace-file';
import { WorkspaceRepository } from './repository';
import { DEFAULT_CURRENCY, DEFAULT_STAGES, DEFAULT_TIME_ZONE } from '../../shared/domain/defaults';
import { LOCALES, type Locale, type WorkspaceInfo } from '../../shared/domain/types';
import { AppError } from '../../shared/errors';

/** Workspaces are plain SQLite files; the extension only helps file dialogs. */
export const WORKSPACE_EXTENSION = '.db';

export interface WorkspaceSettings {
  readonly name: string;
  readonly timeZone: string;
  readonly locale: Locale;
  readonly currency: string;
  readonly createdAt: number;
}

/** An open workspace file: its connection, whether it may be written, and its repositories. */
export class Workspace {
  private readonly repos = new Map<unknown, unknown>();

  readonly db: Db;
  readonly readOnlyReason: string | null;

  private constructor(
    readonly path: string,
    private readonly opened: OpenedFile,
  ) {
    this.db = opened.db;
    this.readOnlyReason = opened.readOnlyReason;
  }

  /** The schema version to label the day's backup with, when it is still to be written; else null. */
  get dailyBackupDue(): number | null {
    return this.opened.dailyBackupDue;
  }

  /**
   * `dailyBackup: 'later'` leaves the day's first backup to the caller (`dailyBackupDue`), for a
   * host that writes it while the workspace is already in use (`Runtime.openWorkspace`). `checked`
   * skips the integrity check for a file this process has just checked (see InspectOptions).
   */
  static open(
    file: string,
    options: { readOnly?: boolean; dailyBackup?: 'now' | 'later'; checked?: boolean; migrationBackup?: string } = {},
  ): Workspace {
    const abs = path.resolve(file);
    return new Workspace(abs, openWorkspaceFile(abs, options));
  }

  /** Another read-only connection to a workspace this process has opened already (see attachWorkspaceFile). */
  static attach(file: string): Workspace {
    return new Workspace(path.resolve(file), attachWorkspaceFile(file));
  }

  /** `upTo` creates the file as a build at that schema version would (tests of upgrades). */
  static create(
    file: string,
    settings: Partial<Omit<WorkspaceSettings, 'createdAt'>> = {},
    upTo: number = latestVersion(migrations),
  ): Workspace {
    const abs = path.resolve(file);
    const ws = new Workspace(
      abs,
      createWorkspaceFile(
        abs,
        migrations.filter((m) => m.version <= upTo),
      ),
    );
    const db = ws.db;
    db.transaction(() => {
      const repo = ws.repo(WorkspaceRepository);
      repo.insertStages(DEFAULT_STAGES);
      repo.setSetting('workspace.name', settings.name ?? path.basename(abs).replace(/\.[^.]+$/, ''));
      repo.setSetting('workspace.timeZone', settings.timeZone ?? DEFAULT_TIME_ZONE);
      repo.setSetting('workspace.locale', settings.locale ?? 'en');
      repo.setSetting('workspace.currency', settings.currency ?? DEFAULT_CURRENCY);
      repo.setSetting('workspace.createdAt', Date.now());
    })();
    return ws;
  }

  get readOnly(): boolean {
    return this.readOnlyReason !== null;
  }

  /** One repository instance per class and connection, so prepared statements are reused. */
  repo<T>(Repo: new (db: Db) => T): T {
    let r = this.repos.get(Repo) as T | undefined;
    if (!r) {
      r = new Repo(this.db);
      this.repos.set(Repo, r);
    }
    return r;
  }

  assertWritable(): void {
    if (this.readOnlyReason) throw new AppError('workspace.readOnly', { reason: this.readOnlyReason });
  }

  settings(): WorkspaceSettings {
    const repo = this.repo(WorkspaceRepository);
    const locale = repo.getSetting('workspace.locale');
    return {
      name: String(repo.getSetting('workspace.name') ?? path.basename(this.path)),
      timeZone: String(repo.getSetting('workspace.timeZone') ?? DEFAULT_TIME_ZONE),
      locale: LOCALES.includes(locale as Locale) ? (locale as Locale) : 'en',
      currency: String(repo.getSetting('workspace.currency') ?? DEFAULT_CURRENCY),
      createdAt: Number(repo.getSetting('workspace.createdAt') ?? 0),
    };
  }

  info(): WorkspaceInfo {
    const repo = this.repo(WorkspaceRepository);
    const s = this.settings();
    const range = repo.eventRange();
    return {
      path: this.path,
      name: s.name,
      schemaVersion: schemaVersion(this.db),
      readOnly: this.readOnly,
      readOnlyReason: this.readOnlyReason,
      timeZone: s.timeZone,
      locale: s.locale,
      currency: s.currency,
      createdAt: s.createdAt,
      counts: repo.counts(),
      firstEventAt: range.first,
      lastEventAt: range.last,
      stages: repo.stages(),
    };
  }

  /**
   * Loads the statistics a bulk writer's own connection committed (an import, its undo), so this
   * connection plans with them.
   */
  reloadStatistics(): void {
    if (this.db.open && !this.readOnly) reloadStatisticsIfPossible(this.db);
  }

  close(): void {
    if (this.db.open) {
      if (!this.readOnly) refreshStaleStatisticsIfPossible(this.db);
      this.db.close();
    }
    this.opened.lock?.release();
    this.opened.cleanup?.();
  }
}
