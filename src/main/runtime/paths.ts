import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The per-user data folder, the same one Electron's `userData` uses for the product name, so the
 * app, the CLI and browser mode share preferences and the sample workspace. FUNNEL_REVIEW_HOME
 * overrides it (tests, portable installs).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.FUNNEL_REVIEW_HOME) return path.resolve(env.FUNNEL_REVIEW_HOME);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Funnel Review');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Funnel Review');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Funnel Review');
}

/** The repository root when running from source (CLI, server, tests). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export const rendererDist = path.join(projectRoot, 'dist', 'renderer');
