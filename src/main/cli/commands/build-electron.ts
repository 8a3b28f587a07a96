import path from 'node:path';
import type { Command } from '../main';
import { parseOptions } from '../io';
import { projectRoot } from '../../runtime/paths';
import { AppError } from '../../../shared/errors';
import { writeLicensesFile } from '../../app/licenses';

/**
 * Left out of the bundles: Electron itself, better-sqlite3 (native, shipped beside), and
 * playwright-core, which only the CLI's Chromium PDF engine loads (lazily); the desktop app injects
 * Electron's own engine, so the packaged app never reaches it.
 */
export const BUNDLE_EXTERNALS = ['electron', 'better-sqlite3', 'playwright-core'];

/**
 * Bundles the Electron entry and preload with esbuild. The preload must be a single CommonJS file
 * because sandboxed preloads cannot `require` our other modules.
 */
export async function buildElectron(root = projectRoot): Promise<string> {
  const esbuild = await import('esbuild');
  const outdir = path.join(root, 'dist', 'electron');
  const common = {
    bundle: true,
    platform: 'node' as const,
    format: 'cjs' as const,
    target: 'node22',
    sourcemap: true,
    external: BUNDLE_EXTERNALS,
    logLevel: 'silent' as const,
    minify: true,
    // import.meta.url is used by shared Node helpers; CommonJS has __filename instead.
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  };
  try {
    await esbuild.build({
      ...common,
      entryPoints: {
        main: path.join(root, 'src/main/electron/main.ts'),
        // Report periods run on threads (src/main/metrics/period-pool.ts), from this sibling file.
        'period-worker': path.join(root, 'src/main/metrics/period-worker.ts'),
        // A large workspace's integrity check runs on a thread (src/main/db/check-thread.ts).
        'check-worker': path.join(root, 'src/main/db/check-worker.ts'),
      },
      outdir,
      outExtension: { '.js': '.cjs' },
    });
    await esbuild.build({
      ...common,
      entryPoints: { preload: path.join(root, 'src/main/electron/preload.ts') },
      outdir,
      outExtension: { '.js': '.cjs' },
      external: ['electron'],
    });
  } catch (e) {
    throw new AppError('desktop.buildFailed', { detail: (e as Error).message.slice(0, 500) });
  }
  // The About box lists these licences; the packaged app has no lockfile to compute them from.
  writeLicensesFile(outdir, root);
  return outdir;
}

export const buildElectronCommand: Command = {
  async run(ctx, args) {
    parseOptions(args, {});
    const out = await buildElectron();
    ctx.out(out);
    return 0;
  },
};
