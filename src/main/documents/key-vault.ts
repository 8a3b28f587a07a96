import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { IdentityInfo } from '../../shared/documents/types';
import { infoOf, MIN_PASSPHRASE, readPkcs12, toPkcs12, type IdentityMaterial } from './identity';

/** An identity opened for one signature; the key lives only in memory. */
export interface UnlockedIdentity {
  readonly info: IdentityInfo;
  readonly material: IdentityMaterial;
}

/**
 * Where private keys are kept. The CLI keeps each identity as a passphrase-protected PKCS#12 file
 * (`Pkcs12FileVault`, refs are file paths); the desktop app will keep them encrypted with Electron
 * safeStorage (refs are ids, the secret is null because the OS unlocks them). Signing code sees only
 * this interface.
 */
export interface KeyVault {
  /** Keeps a new or imported identity under `ref`, protected by `secret`; never overwrites. */
  store(material: IdentityMaterial, secret: string | null, ref: string): Promise<IdentityInfo>;
  /** Opens an identity; a wrong secret is `documents.wrongPassphrase`. */
  unlock(ref: string, secret: string | null): Promise<UnlockedIdentity>;
}

export function checkPassphrase(secret: string | null, file: string): string {
  if (secret === null || secret === '') throw new AppError('documents.passphraseRequired', { file });
  if ([...secret].length < MIN_PASSPHRASE) throw new AppError('documents.passphraseTooShort', { min: MIN_PASSPHRASE });
  return secret;
}

export class Pkcs12FileVault implements KeyVault {
  async store(material: IdentityMaterial, secret: string | null, ref: string): Promise<IdentityInfo> {
    const file = path.resolve(ref);
    const passphrase = checkPassphrase(secret, file);
    if (fs.existsSync(file)) throw new AppError('documents.outputExists', { path: file });
    if (!fs.existsSync(path.dirname(file))) throw new AppError('workspace.folderMissing', { path: path.dirname(file) });
    const bytes = toPkcs12(material, passphrase);
    // Written beside the target, owner-only, then renamed: no half-written key file, no world-readable one.
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, bytes, { mode: 0o600, flag: 'wx' });
    try {
      fs.renameSync(tmp, file);
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      throw e;
    }
    return infoOf(material);
  }

  async unlock(ref: string, secret: string | null): Promise<UnlockedIdentity> {
    const file = path.resolve(ref);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      throw new AppError('files.notFound', { path: file });
    }
    if (secret === null) throw new AppError('documents.passphraseRequired', { file });
    const material = readPkcs12(bytes, secret, path.basename(file));
    return { info: infoOf(material), material };
  }
}
