import Database from 'better-sqlite3';

export type Db = Database.Database;

/**
 * better-sqlite3 is a native module: tests and the CLI load the build made for Node by
 * `npm install`; the Electron app loads a separate build for Electron's ABI (see docs/native-modules.md).
 * The Electron entry sets this once at start-up; everything else opens databases through `openDb`.
 */
let nativeBinding: string | undefined;

export function useNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

/** The binding set by `useNativeBinding`, for threads that open their own connections. */
export function currentNativeBinding(): string | undefined {
  return nativeBinding;
}

export function openDb(path: string, options: { readonly?: boolean; fileMustExist?: boolean } = {}): Db {
  return new Database(path, {
    readonly: options.readonly ?? false,
    fileMustExist: options.fileMustExist ?? false,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
}

/** Connection settings every workspace connection uses. */
export function configure(db: Db, writable: boolean): void {
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  if (writable) {
    db.pragma('journal_mode = WAL');
    // FULL: a committed import survives a power cut, not only a crash.
    db.pragma('synchronous = FULL');
  }
}
