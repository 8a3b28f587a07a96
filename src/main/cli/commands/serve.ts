import fs from 'node:fs';
import type { Command } from '../main';
import { absolute, intOption, parseOptions } from '../io';
import { startServer } from '../../server/server';
import { rendererDist } from '../../runtime/paths';
import { PeriodPool } from '../../metrics/period-pool';
import { AppError } from '../../../shared/errors';

/** Browser mode: the local server on loopback, until Ctrl+C. */
export const serveCommand: Command = {
  async run(ctx, args) {
    const { values } = parseOptions(args, {
      workspace: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'allow-remote': { type: 'boolean' },
      'read-only': { type: 'boolean' },
    });
    if (!fs.existsSync(rendererDist)) throw new AppError('cli.noRenderer', { dir: rendererDist });
    ctx.runtime.useReportThreads(new PeriodPool());
    if (values.workspace) {
      await ctx.call('workspace.open', { path: absolute(values.workspace), readOnly: values['read-only'] ?? false });
    }
    const server = await startServer({
      runtime: ctx.runtime,
      dispatch: ctx.dispatch,
      rendererDir: rendererDist,
      host: values.host ?? '127.0.0.1',
      port: intOption(values.port, 'port') ?? 0,
      allowRemote: values['allow-remote'] ?? false,
    });
    if (ctx.json) ctx.out(JSON.stringify({ ok: true, value: { url: server.url, port: server.port } }));
    else ctx.out(ctx.t('cli.serve.listening', { url: server.url }));
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    ctx.runtime.dispose();
    return 0;
  },
};
