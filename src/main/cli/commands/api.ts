import type { Command } from '../main';
import { absolute, parseOptions } from '../io';
import { methods } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';

/** `funnel-review api METHOD [JSON]`: every contract method, with no per-method code. */
export const apiCommand: Command = {
  async run(ctx, args) {
    const { values, positionals } = parseOptions(args, {
      workspace: { type: 'string' },
      'read-only': { type: 'boolean' },
    });
    const [wire, rawInput] = positionals;
    if (!wire) {
      if (ctx.json)
        ctx.out(JSON.stringify(methods.map((m) => ({ method: m.wire, doc: m.spec.doc, writes: m.spec.writes }))));
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
    const value = await ctx.call(wire, input);
    ctx.out(JSON.stringify(ctx.json ? { ok: true, value } : value, null, 2));
    return 0;
  },
};
