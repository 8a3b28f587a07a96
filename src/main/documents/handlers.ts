import fs from 'node:fs';
import { createHash } from 'node:crypto';
import type { ContractHandlers } from '../../shared/contract';
import { createI18n } from '../../shared/i18n';
import { renderSlaHtml, renderSlaSheet } from '../../shared/documents/template';
import { AppError } from '../../shared/errors';
import type { Runtime } from '../runtime/runtime';
import { composeTerms, rememberParties } from './compose';
import { definitionsInForce } from './definitions-in-force';
import { createIdentity, infoOf, readPkcs12, toPkcs12 } from './identity';
import { checkPassphrase, type UnlockedIdentity } from './key-vault';
import { pdfEngine } from './pdf-engine';
import { renderSlaPdf } from './render';
import { DocumentsRepository } from './repository';
import { recordSignedFile } from './record';
import { signDocument } from './sign';
import { verifyPdf } from './verify';
import { plannerRates } from './planner-rates';
import { proposeTargets } from './targets';
import type { IdentityVault } from './safe-storage-vault';

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** Writes a produced file into the session's file store; nothing is registered if writing fails. */
function produce(rt: Runtime, name: string, bytes: Uint8Array, mode = 0o644) {
  const slot = rt.files.reserve(name);
  try {
    fs.writeFileSync(slot.path, bytes, { mode });
    return slot.commit();
  } catch (e) {
    fs.rmSync(slot.path, { force: true });
    throw e;
  }
}

/** A PKCS#12 file of the session, opened under the name people know it by (errors name it so, not the store's path). */
function unlockFile(rt: Runtime, id: string, passphrase: string): UnlockedIdentity {
  const entry = rt.files.get(id);
  const material = readPkcs12(fs.readFileSync(entry.path), passphrase, entry.ref.name);
  return { info: infoOf(material), material };
}

/** The machine's OS-protected vault; only the desktop app has one. */
function keyVault(rt: Runtime): IdentityVault {
  if (!rt.options.keyVault) throw new AppError('documents.vaultUnavailable');
  return rt.options.keyVault;
}

export const documentsHandlers: ContractHandlers<Runtime>['documents'] = {
  preview: (input, rt) => {
    const terms = composeTerms(rt.requireWorkspace(), input);
    const t = createI18n(terms.locale).t;
    return { terms, html: renderSlaHtml(terms, t).html, sheet: renderSlaSheet(terms, t) };
  },

  render: async (input, rt) => {
    const ws = rt.requireWorkspace();
    const terms = composeTerms(ws, input);
    const pdf = await renderSlaPdf(terms, await pdfEngine(), `Funnel Review ${rt.options.appVersion}`);
    const fileSha256 = sha256(pdf.bytes);
    const file = produce(rt, `${terms.documentId}.pdf`, pdf.bytes);
    ws.db.transaction(() => {
      ws.repo(DocumentsRepository).insertDocument({
        documentId: terms.documentId,
        locale: terms.locale,
        periodFrom: terms.period.from,
        periodTo: terms.period.to,
        terms: pdf.termsJson,
        termsSha256: sha256(new TextEncoder().encode(pdf.termsJson)),
        revisionIds: terms.definitions.map((d) => d.revisionId),
        fileSha256,
        fileSize: pdf.bytes.length,
        createdBy: rt.prefs.preferences.userName,
        createdAt: terms.composedAt,
      });
      rememberParties(ws, input);
    })();
    return { documentId: terms.documentId, file, terms, fileSha256, pages: pdf.pages };
  },

  list: (_input, rt) => rt.requireWorkspace().repo(DocumentsRepository).list(),

  createIdentity: ({ passphrase, ...person }, rt) => {
    const secret = checkPassphrase(passphrase, person.name);
    const material = createIdentity(person);
    const identity = infoOf(material);
    // Handed over as a file the front end saves (the CLI to --out; the app into its own vault).
    const file = produce(rt, `${person.name}.p12`, toPkcs12(material, secret), 0o600);
    return { file, identity };
  },

  inspectIdentity: ({ identity, passphrase }, rt) => unlockFile(rt, identity, passphrase).info,

  importIdentity: async ({ identity, passphrase, newPassphrase }, rt) => {
    const entry = rt.files.get(identity);
    const material = readPkcs12(fs.readFileSync(entry.path), passphrase, entry.ref.name);
    // A passphrase of the user's own must meet the vault's rule; the organisation's is kept as it was.
    const secret = newPassphrase !== undefined ? checkPassphrase(newPassphrase, entry.ref.name) : passphrase;
    const info = infoOf(material);
    const file = produce(rt, `${info.name || 'identity'}.p12`, toPkcs12(material, secret), 0o600);
    return { file, identity: info };
  },

  sign: async ({ file, identity, vaultIdentity, passphrase, party }, rt) => {
    const entry = rt.files.get(file);
    const bytes = fs.readFileSync(entry.path);
    // The schema guarantees exactly one of the two, and a passphrase with a PKCS#12 file.
    const unlocked =
      identity !== undefined ? unlockFile(rt, identity, passphrase!) : await keyVault(rt).unlock(vaultIdentity!, null);
    const result = await signDocument({
      bytes,
      file: entry.ref.name,
      identity: unlocked,
      party,
      engine: await pdfEngine(),
    });
    const out = produce(rt, entry.ref.name.replace(/(\.pdf)?$/i, '.signed.pdf'), result.bytes);
    const ws = rt.workspace;
    if (ws && !ws.readOnly)
      recordSignedFile(ws, result.terms, result.bytes, result.after, rt.prefs.preferences.userName);
    return { file: out, party: result.party, signer: result.signer, report: result.after };
  },

  verify: async ({ file }, rt) => {
    const entry = rt.files.get(file);
    const ws = rt.workspace;
    const current = ws ? { workspace: ws.settings().name, definitions: definitionsInForce(ws) } : undefined;
    return verifyPdf(fs.readFileSync(entry.path), entry.ref.name, current);
  },

  plannerRates: (input, rt) => plannerRates(rt.requireWorkspace(), input),

  proposeTargets: (input, rt) => proposeTargets(rt.requireWorkspace(), input),

  vault: async (_input, rt) =>
    rt.options.keyVault
      ? rt.options.keyVault.state()
      : { kind: null, available: false, reason: 'documents.vaultUnavailable', identities: [] },

  createVaultIdentity: async (person, rt) => {
    const v = keyVault(rt);
    const material = createIdentity(person);
    const info = await v.store(material, null, infoOf(material).fingerprint);
    return vaultEntry(v, info.fingerprint);
  },

  importVaultIdentity: async ({ identity, passphrase }, rt) => {
    const v = keyVault(rt);
    const entry = rt.files.get(identity);
    const material = readPkcs12(fs.readFileSync(entry.path), passphrase, entry.ref.name);
    const info = await v.store(material, null, infoOf(material).fingerprint);
    return vaultEntry(v, info.fingerprint);
  },
};

/** The vault's listing of an identity just stored (with the time it was stored). */
async function vaultEntry(v: IdentityVault, id: string) {
  const found = (await v.state()).identities.find((i) => i.id === id);
  if (!found) throw new AppError('documents.identityNotFound', { id });
  return found;
}
