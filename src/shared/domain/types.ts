/** Domain vocabulary shared by every layer (see DESIGN.md, "Domain model"). Times are epoch milliseconds, UTC. */

export const LOCALES = ['en', 'pt-BR', 'es', 'ru', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** What a stage means to the metrics, whatever the team calls it. */
export const STAGE_KINDS = ['funnel', 'won', 'lost', 'recycled', 'disqualified'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

export type LocalizedText = Partial<Record<Locale, string>> & { readonly en: string };

export interface Stage {
  readonly id: number;
  readonly key: string;
  readonly position: number;
  readonly kind: StageKind;
  readonly labels: LocalizedText;
  /** Open leads sitting in this stage longer than this are stalled; null never stalls. */
  readonly allowedAgeDays: number | null;
}

export interface WorkspaceCounts {
  readonly leads: number;
  readonly stageEvents: number;
  readonly touches: number;
  readonly meetings: number;
  readonly decisions: number;
  readonly actionItems: number;
  readonly definitions: number;
  readonly definitionRevisions: number;
  readonly importBatches: number;
}

export interface WorkspaceInfo {
  readonly path: string;
  readonly name: string;
  readonly schemaVersion: number;
  readonly readOnly: boolean;
  /** Why the workspace is read-only, as an i18n key under `errors.`; null when writable. */
  readonly readOnlyReason: string | null;
  readonly timeZone: string;
  readonly locale: Locale;
  readonly currency: string;
  readonly createdAt: number;
  readonly counts: WorkspaceCounts;
  readonly firstEventAt: number | null;
  readonly lastEventAt: number | null;
  readonly stages: readonly Stage[];
}

export interface RecentWorkspace {
  readonly path: string;
  readonly name: string;
  readonly openedAt: number;
  readonly exists: boolean;
}

export interface Backup {
  readonly path: string;
  readonly fileName: string;
  readonly createdAt: number;
  readonly reason: BackupReason;
  readonly sizeBytes: number;
  readonly schemaVersion: number | null;
}
export const BACKUP_REASONS = ['migration', 'daily', 'undo', 'restore', 'manual'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export type Theme = 'light' | 'dark' | 'system';

export interface Preferences {
  readonly theme: Theme;
  /** null follows the system locale. */
  readonly locale: Locale | null;
  readonly userName: string;
}

export interface SessionState {
  readonly workspace: WorkspaceInfo | null;
  readonly recent: readonly RecentWorkspace[];
  readonly preferences: Preferences;
  readonly appVersion: string;
  /** Where this front end runs; the renderer may adapt wording, never behaviour. */
  readonly host: 'electron' | 'browser' | 'cli';
  /** Workspace a user can create without choosing a path (the sample lives in the data folder). */
  readonly samplePath: string;
}

/** A file the main side holds for a front end: uploaded for import, or produced for download. */
export interface FileRef {
  readonly id: string;
  readonly name: string;
  readonly sizeBytes: number;
  readonly mime: string;
}
