import type { Command } from '../main';
import { absolute, parseOptions, requireOption, table, type CliContext } from '../io';
import type { VerificationReport } from '../../../shared/documents/types';
import { fingerprintText } from '../../../shared/documents/format';

const when = (ms: number | null): string =>
  ms === null ? '—' : `${new Date(ms).toISOString().replace('T', ' ').slice(0, 19)} UTC`;

export function printReport(ctx: CliContext, r: VerificationReport): string {
  const { t } = ctx;
  const out: string[] = [t('documents.verify.title', { file: r.fileName })];
  if (r.signatures.length === 0) out.push(t('documents.verify.noSignatures'));
  for (const s of r.signatures) {
    const [, b, c] = s.byteRange;
    const end = s.byteRange[2] + s.byteRange[3];
    out.push(
      '',
      `${t('documents.verify.signature', { index: s.index })}: ${s.intact ? t('documents.verify.intact') : t('documents.verify.notIntact')}`,
    );
    const rows: Array<[string, string]> = [];
    if (s.party) rows.push([t('documents.verify.party'), t(`documents.party.${s.party}`)]);
    if (s.signer) {
      rows.push([
        t('documents.verify.signer'),
        [s.signer.name, s.signer.role, s.signer.company, s.signer.email].filter(Boolean).join(' · '),
      ]);
    }
    rows.push([t('documents.verify.signedAt'), when(s.signedAt)]);
    if (s.signer) {
      rows.push([
        t('documents.verify.certificate'),
        s.signer.selfSigned
          ? t('documents.verify.selfSigned')
          : t('documents.verify.issuedBy', { issuer: s.signer.issuer }),
      ]);
      rows.push([t('documents.verify.fingerprint'), fingerprintText(s.signer.fingerprint)]);
    }
    rows.push([
      t('documents.verify.coverage'),
      s.coversWholeRevision
        ? t('documents.verify.coverageWhole', { end })
        : t('documents.verify.coveragePartial', { end, gapFrom: b, gapTo: c }),
    ]);
    rows.push([
      t('documents.verify.digest'),
      s.digestValid ? t('documents.verify.digestOk') : t('documents.verify.digestBad'),
    ]);
    rows.push(['', s.signatureValid ? t('documents.verify.cryptoOk') : t('documents.verify.cryptoBad')]);
    out.push(table(rows).replace(/^/gm, '  '));
  }
  if (r.unsignedTrailingBytes > 0 && r.signatures.length > 0)
    out.push('', t('documents.verify.unsignedAfter', { bytes: r.unsignedTrailingBytes }));
  out.push('');
  if (r.terms) {
    out.push(
      `${t('documents.verify.terms')}: ${t('documents.verify.termsSummary', { id: r.terms.documentId, company: r.terms.parties.company, from: r.terms.period.from, to: r.terms.period.to })}`,
    );
  } else out.push(t('documents.verify.noTerms'));
  if (r.workspaceMatch) {
    const m = r.workspaceMatch;
    out.push(
      m.matches
        ? t('documents.verify.termsMatch', { workspace: m.workspace })
        : t('documents.verify.termsDiffer', { workspace: m.workspace }),
    );
    for (const d of m.definitions) {
      if (d.status !== 'same')
        out.push(
          `  - ${t(`documents.verify.match.${d.status}`, { key: d.key, signed: d.signedVersion ?? '—', current: d.currentVersion ?? '—' })}`,
        );
    }
  }
  out.push('', r.ok ? t('documents.verify.allIntact') : t('documents.verify.broken'));
  return out.join('\n');
}

/** `verify FILE.pdf [--workspace W] [--json]`: exit 0 only when every signature is intact. */
export const verifyCommand: Command = {
  async run(ctx, args) {
    const { values, positionals } = parseOptions(args, { workspace: { type: 'string' } });
    const file = absolute(requireOption(positionals[0], 'FILE.pdf'));
    // Read-only: verifying against a workspace must never change it.
    if (values.workspace) await ctx.call('workspace.open', { path: absolute(values.workspace), readOnly: true });
    const ref = ctx.runtime.files.registerPath(file);
    const report = await ctx.call<VerificationReport>('documents.verify', { file: ref.id });
    ctx.out(ctx.json ? JSON.stringify({ ok: report.ok, value: report }, null, 2) : printReport(ctx, report));
    return report.ok ? 0 : 1;
  },
};
