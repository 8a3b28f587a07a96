import type { Command } from '../main';
import { parseOptions } from '../io';
import { projectRoot } from '../../runtime/paths';
import { electronTarget, ensureElectronSqlite } from '../../native/ensure';

/** `funnel-review native [--platform P --arch A]`: fetch (or build) better-sqlite3 for Electron's ABI. */
export const nativeCommand: Command = {
  async run(ctx, args) {
    const { values } = parseOptions(args, { platform: { type: 'string' }, arch: { type: 'string' } });
    const target = electronTarget(
      projectRoot,
      (values.platform ?? process.platform) as NodeJS.Platform,
      values.arch ?? process.arch,
    );
    const file = await ensureElectronSqlite(projectRoot, (line) => ctx.err(line), target);
    ctx.out(ctx.json ? JSON.stringify({ ok: true, value: { file, ...target } }) : file);
    return 0;
  },
};
