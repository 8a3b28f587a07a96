import fs from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { IdentityInfo, VaultIdentity, VaultState } from '../../shared/documents/types';
import { certificateDer, describeCertificate, infoOf, type IdentityMaterial } from './identity';
import type { KeyVault, UnlockedIdentity } from './key-vault';

/**
 * The parts of Electron's `safeStorage` the vault uses. Kept as an interface so the vault runs and
 * is tested without Electron; the app passes `electron.safeStorage` itself.
 */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which secret store backs the encryption ("basic_text" means none). */
  getSelectedStorageBackend?(): string;
}

/** A key vault that can also list what it holds and say whether it can be used at all. */
export interface IdentityVault extends KeyVault {
  readonly kind: 'safeStorage';
  state(): Promise<VaultState>;
}

const FORMAT = 'funnel-review/vault-identity@1';
const EXTENSION = '.identity.json';
const fingerprintId = /^[0-9a-f]{64}$/;

/** What one file of the vault holds: the certificates in the clear, the private key sealed by the OS. */
const stored = z
  .object({
    format: z.literal(FORMAT),
    storedAt: z.number().int(),
    /** PEM, the signer's certificate first. */
    certificates: z.array(z.string().max(20_000)).min(1).max(10),
    /** safeStorage.encryptString of the PKCS#8/PKCS#1 PEM private key, base64. */
    sealedKey: z.string().max(100_000),
  })
  .strict();

/**
 * Private keys sealed with Electron safeStorage (the OS key store: Keychain, DPAPI, libsecret or
 * KWallet), one file per identity named by its certificate fingerprint, owner-only. The key is never
 * on disk in the clear and no passphrase is asked: the OS unlocks it for this user. On Linux without
 * a secret store Electron falls back to a fixed key ("basic_text"), which protects nothing, so the
 * vault refuses to work there and the app offers passphrase-protected PKCS#12 files instead.
 */
export class SafeStorageVault implements IdentityVault {
  readonly kind = 'safeStorage' as const;

  constructor(
    private readonly storage: SafeStorageLike,
    private readonly dir: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Null when usable; else the error code that says why not. */
  private unavailableReason(): string | null {
    if (!this.storage.isEncryptionAvailable()) return 'documents.vaultUnavailable';
    if (this.storage.getSelectedStorageBackend?.() === 'basic_text') return 'documents.vaultNoKeyStore';
    return null;
  }

  private requireAvailable(): void {
    const reason = this.unavailableReason();
    if (reason) throw new AppError(reason);
  }

  private fileOf(id: string): string {
    if (!fingerprintId.test(id)) throw new AppError('documents.identityNotFound', { id });
    return path.join(this.dir, `${id}${EXTENSION}`);
  }

  async state(): Promise<VaultState> {
    const reason = this.unavailableReason();
    return { kind: this.kind, available: reason === null, reason, identities: reason === null ? this.list() : [] };
  }

  /** Every identity in the vault, newest first; files that do not parse are skipped, never deleted. */
  private list(): VaultIdentity[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return [];
    }
    const out: VaultIdentity[] = [];
    for (const name of names.filter((n) => n.endsWith(EXTENSION))) {
      const entry = this.read(path.join(this.dir, name));
      if (entry) out.push({ ...entry.info, id: entry.info.fingerprint, storedAt: entry.storedAt });
    }
    return out.sort((a, b) => b.storedAt - a.storedAt || a.name.localeCompare(b.name));
  }

  private read(file: string): { info: IdentityInfo; storedAt: number; record: z.infer<typeof stored> } | null {
    try {
      const record = stored.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
      const cert = forge.pki.certificateFromPem(record.certificates[0]!);
      const info = describeCertificate(certificateDer(cert));
      // A file renamed to another fingerprint is not the identity it claims to be.
      if (path.basename(file) !== `${info.fingerprint}${EXTENSION}`) return null;
      return { info, storedAt: record.storedAt, record };
    } catch {
      return null;
    }
  }

  /** Seals the key with the OS and writes the file owner-only, atomically; never overwrites. */
  async store(material: IdentityMaterial, secret: string | null, ref: string): Promise<IdentityInfo> {
    this.requireAvailable();
    const info = infoOf(material);
    // The vault names identities itself; a secret would suggest a protection it does not use.
    if (secret !== null || ref !== info.fingerprint)
      throw new Error('a vault identity is stored under its fingerprint, without a passphrase');
    const file = this.fileOf(info.fingerprint);
    if (fs.existsSync(file)) throw new AppError('documents.identityExists', { name: info.name });
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const record: z.infer<typeof stored> = {
      format: FORMAT,
      storedAt: this.now(),
      certificates: material.certificates.map((c) => forge.pki.certificateToPem(c)),
      sealedKey: this.storage.encryptString(forge.pki.privateKeyToPem(material.key)).toString('base64'),
    };
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    try {
      fs.renameSync(tmp, file);
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      throw e;
    }
    return info;
  }

  async unlock(ref: string, secret: string | null): Promise<UnlockedIdentity> {
    this.requireAvailable();
    if (secret !== null) throw new Error('vault identities are unlocked by the OS, not by a passphrase');
    const file = this.fileOf(ref);
    if (!fs.existsSync(file)) throw new AppError('documents.identityNotFound', { id: ref });
    const entry = this.read(file);
    if (!entry) throw new AppError('documents.identityDamaged', { id: ref });
    let pem: string;
    try {
      pem = this.storage.decryptString(Buffer.from(entry.record.sealedKey, 'base64'));
    } catch {
      // Sealed by another user or machine, or the OS key store was reset.
      throw new AppError('documents.vaultCannotUnlock', { name: entry.info.name });
    }
    let key: forge.pki.rsa.PrivateKey;
    try {
      key = forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey;
    } catch {
      throw new AppError('documents.identityDamaged', { id: ref });
    }
    const certificates = entry.record.certificates.map((c) => forge.pki.certificateFromPem(c));
    const own = certificates[0]!.publicKey as forge.pki.rsa.PublicKey;
    if (!own.n.equals(key.n) || !own.e.equals(key.e)) throw new AppError('documents.identityDamaged', { id: ref });
    const material: IdentityMaterial = { key, certificates };
    return { info: infoOf(material), material };
  }
}
