import type { Command } from '../main';
import { absolute, parseOptions, requireOption, table, type CliContext } from '../io';
import { AppError } from '../../../shared/errors';
import type { CreatedIdentity, IdentityInfo } from '../../../shared/documents/types';
import { fingerprintText } from '../../../shared/documents/format';
import { checkOutput, deliver, readPassphrase } from '../../documents/cli-support';

export function identityRows(ctx: CliContext, info: IdentityInfo): string {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return table([
    [ctx.t('documents.cli.name'), info.name],
    [ctx.t('documents.cli.role'), info.role],
    [ctx.t('documents.cli.company'), info.company],
    [ctx.t('documents.cli.email'), info.email],
    [ctx.t('documents.cli.valid'), `${day(info.notBefore)} … ${day(info.notAfter)}`],
    [
      ctx.t('documents.verify.certificate'),
      info.selfSigned
        ? ctx.t('documents.verify.selfSigned')
        : ctx.t('documents.verify.issuedBy', { issuer: info.issuer }),
    ],
    [ctx.t('documents.cli.fingerprint'), fingerprintText(info.fingerprint)],
  ]);
}

function days(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new AppError('cli.badOption', { option: 'days', value, expected: 'integer' });
  return Number(value);
}

/** `identity create|show|import`: signing identities as passphrase-protected PKCS#12 files. */
export const identityCommand: Command = {
  async run(ctx, args) {
    const [sub, ...rest] = args;
    const { values, positionals } = parseOptions(rest, {
      name: { type: 'string' },
      role: { type: 'string' },
      email: { type: 'string' },
      company: { type: 'string' },
      days: { type: 'string' },
      out: { type: 'string' },
      'passphrase-file': { type: 'string' },
    });
    const passphrase = (forWhat: string) =>
      readPassphrase({
        file: values['passphrase-file'],
        env: process.env,
        prompt: ctx.t('documents.cli.passphrasePrompt', { file: forWhat }),
        forWhat,
      });
    if (sub === 'create') {
      const out = absolute(requireOption(values.out, 'out'));
      checkOutput(out);
      const created = await ctx.call<CreatedIdentity>('documents.createIdentity', {
        name: requireOption(values.name, 'name'),
        role: requireOption(values.role, 'role'),
        email: requireOption(values.email, 'email'),
        company: values.company,
        days: days(values.days),
        passphrase: await passphrase(out),
      });
      deliver(ctx.runtime.files.pathOf(created.file.id), out, 0o600);
      if (ctx.json) ctx.out(JSON.stringify({ ok: true, value: { path: out, identity: created.identity } }, null, 2));
      else
        ctx.out(
          `${ctx.t('documents.cli.identityCreated', { name: created.identity.name, path: out })}\n${identityRows(ctx, created.identity)}`,
        );
      return 0;
    }
    if (sub === 'show' || sub === 'import') {
      const file = absolute(requireOption(positionals[0], 'FILE.p12'));
      const out = sub === 'import' ? absolute(requireOption(values.out, 'out')) : null;
      if (out) checkOutput(out, [file]);
      const ref = ctx.runtime.files.registerPath(file);
      const secret = await passphrase(file);
      if (!out) {
        const info = await ctx.call<IdentityInfo>('documents.inspectIdentity', {
          identity: ref.id,
          passphrase: secret,
        });
        ctx.out(ctx.json ? JSON.stringify({ ok: true, value: info }, null, 2) : identityRows(ctx, info));
        return 0;
      }
      const created = await ctx.call<CreatedIdentity>('documents.importIdentity', {
        identity: ref.id,
        passphrase: secret,
      });
      deliver(ctx.runtime.files.pathOf(created.file.id), out, 0o600);
      if (ctx.json) ctx.out(JSON.stringify({ ok: true, value: { path: out, identity: created.identity } }, null, 2));
      else
        ctx.out(
          `${ctx.t('documents.cli.identityCreated', { name: created.identity.name, path: out })}\n${identityRows(ctx, created.identity)}`,
        );
      return 0;
    }
    if (sub !== undefined && sub !== 'help') throw new AppError('cli.unknownCommand', { command: `identity ${sub}` });
    ctx.out(ctx.t('documents.cli.help'));
    return 0;
  },
};
