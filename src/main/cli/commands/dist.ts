import path from 'node:path';
import { spawn } from 'node:child_process';
import type { Command } from '../main';
import { parseOptions } from '../io';
import { projectRoot } from '../../runtime/paths';
import { electronTarget } from '../../native/ensure';

/**
 * `npm run dist`: electron-builder with the Electron version exported for electron-builder.yml,
 * which names the per-target better-sqlite3 build shipped as an extra resource.
 */
export const distCommand: Command = {
  async run(_ctx, args) {
    const { positionals } = parseOptions(args, {});
    const builder = path.join(projectRoot, 'node_modules', 'electron-builder', 'cli.js');
    const env = { ...process.env, FUNNEL_REVIEW_ELECTRON_VERSION: electronTarget(projectRoot).electronVersion };
    const child = spawn(process.execPath, [builder, '--config', 'electron-builder.yml', ...positionals], {
      cwd: projectRoot,
      env,
      stdio: 'inherit',
    });
    return await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  },
};
