import fs from 'node:fs';
import type { Command } from '../main';
import { absolute, intOption, parseOptions, requireOption } from '../io';
import type { WorkspaceInfo } from '../../../shared/domain/types';
import { AppError } from '../../../shared/errors';
import { printInfo } from './info';

export const sampleCommand: Command = {
  async run(ctx, args) {
    const { values } = parseOptions(args, {
      out: { type: 'string' },
      leads: { type: 'string' },
      seed: { type: 'string' },
      end: { type: 'string' },
      force: { type: 'boolean' },
    });
    const out = absolute(requireOption(values.out, 'out'));
    if (fs.existsSync(out) && !values.force) throw new AppError('workspace.alreadyExists', { path: out });
    const info = await ctx.call<WorkspaceInfo>('workspace.openSample', {
      path: out,
      replace: true,
      leads: intOption(values.leads, 'leads'),
      seed: intOption(values.seed, 'seed'),
      end: values.end,
    });
    if (ctx.json) ctx.out(JSON.stringify({ ok: true, value: info }, null, 2));
    else {
      ctx.out(ctx.t('cli.sample.created', { path: out }));
      ctx.out(printInfo(ctx, info));
    }
    return 0;
  },
};
