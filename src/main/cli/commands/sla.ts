import path from 'node:path';
import type { Command } from '../main';
import { absolute, parseOptions, requireOption, type CliContext } from '../io';
import { AppError } from '../../../shared/errors';
import type { DocumentRecord, RenderedDocument, SignedDocument } from '../../../shared/documents/types';
import { checkOutput, deliver, readPassphrase } from '../../documents/cli-support';
import { printReport } from './verify';

type Values = Record<string, string | boolean | undefined>;
const str = (v: Values, k: string): string | undefined => (typeof v[k] === 'string' ? v[k] : undefined);

function party(values: Values, side: 'marketing' | 'sales') {
  const p = {
    name: str(values, `${side}-name`),
    title: str(values, `${side}-title`),
    email: str(values, `${side}-email`),
  };
  return Object.values(p).some((x) => x !== undefined)
    ? Object.fromEntries(Object.entries(p).filter(([, x]) => x !== undefined))
    : undefined;
}

async function render(ctx: CliContext, values: Values): Promise<number> {
  const out = absolute(requireOption(str(values, 'out'), 'out'));
  checkOutput(out);
  await ctx.call('workspace.open', { path: absolute(requireOption(str(values, 'workspace'), 'workspace')) });
  const from = str(values, 'from');
  const to = str(values, 'to');
  if ((from === undefined) !== (to === undefined))
    throw new AppError('cli.missingOption', { option: from === undefined ? 'from' : 'to' });
  const rendered = await ctx.call<RenderedDocument>('documents.render', {
    period: from && to ? { from, to } : undefined,
    company: str(values, 'company'),
    marketing: party(values, 'marketing'),
    sales: party(values, 'sales'),
    locale: str(values, 'locale'),
  });
  deliver(ctx.runtime.files.pathOf(rendered.file.id), out);
  if (ctx.json)
    ctx.out(
      JSON.stringify(
        {
          ok: true,
          value: { path: out, documentId: rendered.documentId, sha256: rendered.fileSha256, pages: rendered.pages },
        },
        null,
        2,
      ),
    );
  else ctx.out(ctx.t('documents.cli.rendered', { id: rendered.documentId, path: out }));
  return 0;
}

async function sign(ctx: CliContext, values: Values, positionals: string[]): Promise<number> {
  const file = absolute(requireOption(positionals[0], 'FILE.pdf'));
  const identity = absolute(requireOption(str(values, 'identity'), 'identity'));
  const out = absolute(requireOption(str(values, 'out'), 'out'));
  checkOutput(out, [file, identity]);
  const side = str(values, 'party');
  if (side !== undefined && side !== 'marketing' && side !== 'sales')
    throw new AppError('cli.badOption', { option: 'party', value: side, expected: 'marketing | sales' });
  const workspace = str(values, 'workspace');
  if (workspace) await ctx.call('workspace.open', { path: absolute(workspace) });
  const pdf = ctx.runtime.files.registerPath(file);
  const id = ctx.runtime.files.registerPath(identity);
  const passphrase = await readPassphrase({
    file: str(values, 'passphrase-file'),
    env: process.env,
    prompt: ctx.t('documents.cli.passphrasePrompt', { file: identity }),
    forWhat: identity,
  });
  const signed = await ctx.call<SignedDocument>('documents.sign', {
    file: pdf.id,
    identity: id.id,
    passphrase,
    party: side,
  });
  deliver(ctx.runtime.files.pathOf(signed.file.id), out);
  if (ctx.json)
    ctx.out(
      JSON.stringify(
        { ok: true, value: { path: out, party: signed.party, signer: signed.signer, report: signed.report } },
        null,
        2,
      ),
    );
  else
    ctx.out(
      `${ctx.t('documents.cli.signed', { name: signed.signer.name, party: ctx.t(`documents.party.${signed.party}`), path: out })}\n\n${printReport(ctx, { ...signed.report, fileName: path.basename(out) })}`,
    );
  return 0;
}

async function list(ctx: CliContext, values: Values): Promise<number> {
  await ctx.call('workspace.open', {
    path: absolute(requireOption(str(values, 'workspace'), 'workspace')),
    readOnly: true,
  });
  const docs = await ctx.call<DocumentRecord[]>('documents.list', {});
  if (ctx.json) {
    ctx.out(JSON.stringify({ ok: true, value: docs }, null, 2));
    return 0;
  }
  if (docs.length === 0) ctx.out(ctx.t('documents.cli.listEmpty'));
  const at = (ms: number) => `${new Date(ms).toISOString().replace('T', ' ').slice(0, 16)} UTC`;
  for (const d of docs) {
    ctx.out(
      ctx.t('documents.cli.listDocument', {
        id: d.documentId,
        from: d.periodFrom,
        to: d.periodTo,
        issued: at(d.createdAt),
      }),
    );
    for (const s of d.signatures) {
      ctx.out(
        ctx.t('documents.cli.listSignature', {
          party: ctx.t(`documents.party.${s.party}`),
          name: s.signerName,
          at: at(s.signedAt),
          sha: s.signedFileSha256.slice(0, 16),
        }),
      );
    }
  }
  return 0;
}

/** `sla render|sign|list`: the signed SLA document from the command line. */
export const slaCommand: Command = {
  async run(ctx, args) {
    const [sub, ...rest] = args;
    const { values, positionals } = parseOptions(rest, {
      workspace: { type: 'string' },
      out: { type: 'string' },
      company: { type: 'string' },
      'marketing-name': { type: 'string' },
      'marketing-title': { type: 'string' },
      'marketing-email': { type: 'string' },
      'sales-name': { type: 'string' },
      'sales-title': { type: 'string' },
      'sales-email': { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      locale: { type: 'string' },
      identity: { type: 'string' },
      'passphrase-file': { type: 'string' },
      party: { type: 'string' },
    });
    if (sub === 'render') return render(ctx, values);
    if (sub === 'sign') return sign(ctx, values, positionals);
    if (sub === 'list') return list(ctx, values);
    if (sub !== undefined && sub !== 'help') throw new AppError('cli.unknownCommand', { command: `sla ${sub}` });
    ctx.out(ctx.t('documents.cli.help'));
    return 0;
  },
};
