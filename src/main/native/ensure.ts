import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { AppError } from '../../shared/errors';
import { NATIVE_FILE, devNativeDir, prebuiltUrl, type ElectronTarget } from './electron-sqlite';

const require = createRequire(import.meta.url);

export function electronTarget(
  projectRoot: string,
  platform: NodeJS.Platform = process.platform,
  arch: string = process.arch,
): ElectronTarget {
  const dir = path.join(projectRoot, 'node_modules', 'electron');
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
  return {
    electronVersion: pkg.version,
    abi: fs.readFileSync(path.join(dir, 'abi_version'), 'utf8').trim(),
    platform,
    arch,
  };
}

function sqliteVersion(projectRoot: string): string {
  const pkg = path.join(projectRoot, 'node_modules', 'better-sqlite3', 'package.json');
  return (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version;
}

/**
 * Electron downloads its own binary lazily on first launch. We trigger that ourselves, so that a
 * machine without internet gets our explanation instead of a stack trace.
 */
export function ensureElectronBinary(projectRoot: string): string {
  const dir = path.join(projectRoot, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  const binary = () => (fs.existsSync(pathFile) ? path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8')) : null);
  const existing = binary();
  if (existing && fs.existsSync(existing)) return existing;
  const result = spawnSync(process.execPath, [path.join(dir, 'install.js')], {
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  const installed = binary();
  if (result.status !== 0 || !installed || !fs.existsSync(installed)) {
    const detail =
      `${result.stderr ?? ''}${result.stdout ?? ''}`.trim().split('\n').filter(Boolean).slice(0, 1).join(' ') ||
      `exit ${result.status}`;
    throw new AppError('desktop.electronUnavailable', { detail: detail.slice(0, 300) });
  }
  return installed;
}

async function download(url: string, dest: string): Promise<void> {
  const res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(120_000) });
  if (!res.ok || !res.body) throw new Error(`HTTP ${res.status} for ${url}`);
  fs.writeFileSync(dest, Buffer.from(await res.arrayBuffer()));
}

/**
 * Makes sure the Electron-ABI build of better-sqlite3 exists in its own folder: first the
 * maintainers' prebuilt binary, else a compile against Electron's headers in a scratch copy of the
 * package. node_modules/better-sqlite3 (the Node build the tests use) is never modified.
 */
export async function ensureElectronSqlite(
  projectRoot: string,
  log: (line: string) => void,
  target: ElectronTarget = electronTarget(projectRoot),
): Promise<string> {
  const dir = devNativeDir(projectRoot, target);
  const file = path.join(dir, NATIVE_FILE);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(dir, { recursive: true });
  const version = sqliteVersion(projectRoot);
  const errors: string[] = [];
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'funnel-review-native-'));
  try {
    try {
      const tarball = path.join(scratch, 'prebuilt.tar.gz');
      await download(prebuiltUrl(version, target), tarball);
      const tar = await import('tar');
      await tar.x({ file: tarball, cwd: scratch });
      fs.copyFileSync(path.join(scratch, 'build', 'Release', NATIVE_FILE), `${file}.partial`);
      fs.renameSync(`${file}.partial`, file);
      return file;
    } catch (e) {
      errors.push(`prebuilt: ${(e as Error).message}`);
    }
    // Compiling only works for the machine we run on; other targets need the published binary.
    if (target.platform !== process.platform || target.arch !== process.arch) {
      throw new AppError('desktop.nativeUnavailable', { detail: errors.join('; ').slice(0, 400) });
    }
    log('prebuilt binary unavailable; compiling better-sqlite3 against Electron headers');
    const copy = path.join(scratch, 'better-sqlite3');
    fs.cpSync(path.join(projectRoot, 'node_modules', 'better-sqlite3'), copy, {
      recursive: true,
      filter: (src) => !src.includes(`${path.sep}build${path.sep}`),
    });
    const gyp = path.join(path.dirname(require.resolve('node-gyp/package.json')), 'bin', 'node-gyp.js');
    // npm_config_nodedir would point node-gyp at Node's headers while it claims Electron's ABI.
    const env = { ...process.env, npm_config_nodedir: '', NPM_CONFIG_NODEDIR: '' };
    const built = spawnSync(
      process.execPath,
      [
        gyp,
        'rebuild',
        '--release',
        `--target=${target.electronVersion}`,
        `--arch=${target.arch}`,
        '--dist-url=https://electronjs.org/headers',
      ],
      { cwd: copy, env, encoding: 'utf8', timeout: 20 * 60_000 },
    );
    const out = path.join(copy, 'build', 'Release', NATIVE_FILE);
    if (built.status !== 0 || !fs.existsSync(out)) {
      errors.push(
        `compile: ${(built.stderr || built.stdout || '').trim().split('\n').slice(-1)[0] ?? `exit ${built.status}`}`,
      );
      throw new AppError('desktop.nativeUnavailable', { detail: errors.join('; ').slice(0, 400) });
    }
    fs.copyFileSync(out, `${file}.partial`);
    fs.renameSync(`${file}.partial`, file);
    return file;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
