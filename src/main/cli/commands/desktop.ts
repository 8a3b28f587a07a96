import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import type { Command } from '../main';
import { parseOptions } from '../io';
import { projectRoot, rendererDist } from '../../runtime/paths';
import { ensureElectronBinary, ensureElectronSqlite } from '../../native/ensure';
import { buildElectron } from './build-electron';
import { AppError } from '../../../shared/errors';

/**
 * `npm start`: build what is missing, fetch Electron and its better-sqlite3 build once, then
 * launch the app. Every failure ends in a translated message that points to browser mode.
 */
export const desktopCommand: Command = {
  async run(ctx, args) {
    const { values } = parseOptions(args, { 'no-build': { type: 'boolean' } });
    const say = (key: string) => !ctx.json && ctx.err(ctx.t(key));
    if (!values['no-build'] || !fs.existsSync(rendererDist)) {
      say('cli.desktop.building');
      const vite = path.join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js');
      const r = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.config.ts', '--logLevel', 'warn'], {
        cwd: projectRoot,
        stdio: 'inherit',
      });
      if (r.status !== 0) throw new AppError('desktop.buildFailed', { detail: `vite exit ${r.status}` });
      await buildElectron();
    }
    say('cli.desktop.fetching');
    const electron = ensureElectronBinary(projectRoot);
    say('cli.desktop.fetchingNative');
    const native = await ensureElectronSqlite(projectRoot, (line) => ctx.err(line));
    const child = spawn(electron, [path.join(projectRoot)], {
      stdio: 'inherit',
      env: { ...process.env, FUNNEL_REVIEW_NATIVE: native, ELECTRON_RUN_AS_NODE: '' },
    });
    return await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  },
};
