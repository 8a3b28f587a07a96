/** What the parent tells a crash-test child to do (passed as JSON on its command line). */
export interface ChildConfig {
  readonly scenario:
    'import' | 'migration' | 'meeting' | 'sign' | 'import-outcome' | 'serve' | 'readonly-probe' | 'lock';
  readonly workspace: string;
  /** The child's own data folder (preferences, file store). */
  readonly home: string;
  /** The frozen clock's instant. */
  readonly now: number;
  /** Kill itself just before this statement (1-based, counted once armed); null: run to the end. */
  readonly killAtWrite: number | null;
  /** Die just after that statement has run instead of just before it. */
  readonly killAfter?: boolean;
  readonly csv?: string;
  readonly meetingId?: number;
  readonly pdf?: string;
  readonly p12?: string;
  readonly passphrase?: string;
  /** `serve`: the renderer folder the server serves. */
  readonly rendererDir?: string;
  /** `lock`: when to try (epoch ms, real time), and how long to hold the lock if taken. */
  readonly startAt?: number;
  readonly holdMs?: number;
}
