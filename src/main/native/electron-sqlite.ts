import fs from 'node:fs';
import path from 'node:path';

/**
 * better-sqlite3 for Electron. `npm install` builds the module for Node (tests, CLI, browser
 * mode); Electron needs a build for its own ABI. We keep that second build in its own folder,
 * never touching node_modules, and load it through better-sqlite3's `nativeBinding` option.
 * See docs/native-modules.md.
 */
export const NATIVE_FILE = 'better_sqlite3.node';

export interface ElectronTarget {
  readonly electronVersion: string;
  /** NODE_MODULE_VERSION of that Electron (node_modules/electron/abi_version). */
  readonly abi: string;
  readonly platform: NodeJS.Platform;
  readonly arch: string;
}

/** Where the development build lives: .electron-native/electron-<version>-<platform>-<arch>/. */
export function devNativeDir(projectRoot: string, target: ElectronTarget): string {
  return path.join(
    projectRoot,
    '.electron-native',
    `electron-${target.electronVersion}-${target.platform}-${target.arch}`,
  );
}

/** The prebuilt binary better-sqlite3's maintainers publish for each Electron ABI and platform. */
export function prebuiltUrl(sqliteVersion: string, target: ElectronTarget): string {
  return (
    `https://github.com/WiseLibs/better-sqlite3/releases/download/v${sqliteVersion}/` +
    `better-sqlite3-v${sqliteVersion}-electron-v${target.abi}-${target.platform}-${target.arch}.tar.gz`
  );
}

/**
 * In the running app: the packaged binary (extraResources/native) or the development build. The
 * returned path is verified to exist; null means "not built yet".
 */
export function resolveNativeBinding(candidates: readonly string[]): string | null {
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}
