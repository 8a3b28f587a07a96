import type { Command } from '../main';
import { absolute, parseOptions } from '../io';
import { methods } from '../../../shared/contract';
import { AppError, errorFromPayload } from '../../../shared/errors';
import type { JobStatus } from '../../../shared/jobs/types';
import { followJob } from '../follow-job';

/**
 * `funnel-review api METHOD [JSON]`: every contract method, with no per-method code. A method that
 * starts a job waits for it: it prints the job's final status, or its error.
 */
export const apiCommand: Command = {
  async run(ctx, args) {
    const { values, positionals } = parseOptions(args, {
      workspace: { type: 'string' },
      'read-only': { type: 'boolean' },
    });
    const [wire, rawInput] = positionals;
    const entry = methods.find((m) => m.wire === wire);
    if (!wire) {
      if (ctx.json)
        ctx.out(
          JSON.stringify(
            methods.map((m) => ({ method: m.wire, doc: m.spec.doc, writes: m.spec.writes, job: m.spec.job })),
          ),
        );
      else {
        ctx.out(ctx.t('cli.api.list'));
        for (const m of methods) ctx.out(`  ${m.wire.padEnd(28)} ${m.spec.doc}`);
      }
      return 0;
    }
    let input: unknown = {};
    if (rawInput !== undefined) {
      try {
        input = JSON.parse(rawInput);
      } catch (e) {
        throw new AppError('cli.badJsonInput', { detail: (e as Error).message });
      }
    }
    if (values.workspace)
      await ctx.call('workspace.open', { path: absolute(values.workspace), readOnly: values['read-only'] ?? false });
    let value = await ctx.call(wire, input);
    // A job would end with the process: wait for it, and answer with how it ended.
    if (entry?.spec.job) {
      const status = await followJob(ctx, value as JobStatus);
      if (status.state === 'cancelled') throw new AppError('jobs.cancelled');
      if (status.state === 'failed')
        throw errorFromPayload(status.error ?? { code: 'internal', params: {}, message: 'job failed' });
      value = status;
    }
    ctx.out(JSON.stringify(ctx.json ? { ok: true, value } : value, null, 2));
    return 0;
  },
};
