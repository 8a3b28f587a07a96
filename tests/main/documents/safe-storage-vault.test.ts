import fs from 'node:fs';
import path from 'node:path';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { safeStorage } from 'electron';
import { SafeStorageVault } from '../../../src/main/documents/safe-storage-vault';
import { createIdentity, infoOf, toPkcs12 } from '../../../src/main/documents/identity';
import { Runtime } from '../../../src/main/runtime/runtime';
import { createDispatch } from '../../../src/main/runtime/dispatch';
import { handlers } from '../../../src/main/runtime/handlers';
import type { SignedDocument, RenderedDocument, VaultIdentity, VaultState } from '../../../src/shared/documents/types';
import { tmpDir } from '../../helpers/tmp';
import { fixtureWorkspace, PARTIES } from './fixture';
import { chromiumPath, CHROMIUM_MISSING } from './tools';

/**
 * Electron's safeStorage stand-in: real encryption (AES-256-GCM under a key only this "OS" knows),
 * so a test can tell a sealed key from a key written in the clear, and a switch for the states a
 * real key store can be in.
 */
const os = vi.hoisted(() => ({ available: true, backend: 'gnome_libsecret', key: Buffer.alloc(0) }));
vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => os.available,
    getSelectedStorageBackend: () => os.backend,
    encryptString(plain: string): Buffer {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', os.key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(sealed: Buffer): string {
      const decipher = createDecipheriv('aes-256-gcm', os.key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  },
}));

function freshOs(): void {
  os.available = true;
  os.backend = 'gnome_libsecret';
  os.key = randomBytes(32);
}

const ana = { name: 'Ana Souza', role: 'Head of Marketing', company: 'Acme Analytics', email: 'ana@acme.example' };

function session(vault?: SafeStorageVault) {
  const rt = new Runtime({
    dataDir: tmpDir(),
    host: vault ? 'electron' : 'browser',
    appVersion: 'test',
    ...(vault ? { keyVault: vault } : {}),
  });
  return { rt, dispatch: createDispatch(rt, handlers, () => undefined) };
}

describe('SafeStorageVault (Electron safeStorage, mocked)', () => {
  it('keeps the key sealed by the OS in an owner-only file named by the fingerprint, and lists it', async () => {
    freshOs();
    const dir = path.join(tmpDir(), 'identities');
    const vault = new SafeStorageVault(safeStorage, dir, () => 1_700_000_000_000);
    const material = createIdentity({ ...ana, days: 30 });
    const info = await vault.store(material, null, infoOf(material).fingerprint);
    const file = path.join(dir, `${info.fingerprint}.identity.json`);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toMatch(/PRIVATE KEY/);
    expect(text).toContain('BEGIN CERTIFICATE');
    const state = await vault.state();
    expect(state).toMatchObject({ kind: 'safeStorage', available: true, reason: null });
    expect(state.identities).toEqual([{ ...info, id: info.fingerprint, storedAt: 1_700_000_000_000 }]);
    const unlocked = await vault.unlock(info.fingerprint, null);
    expect(unlocked.info).toEqual(info);
    expect(unlocked.material.key.n.equals(material.key.n)).toBe(true);
    await expect(vault.store(material, null, info.fingerprint)).rejects.toMatchObject({
      code: 'documents.identityExists',
    });
  });

  it('refuses to work without a real key store, and says which case it is', async () => {
    freshOs();
    const vault = new SafeStorageVault(safeStorage, path.join(tmpDir(), 'identities'));
    os.backend = 'basic_text';
    expect(await vault.state()).toEqual({
      kind: 'safeStorage',
      available: false,
      reason: 'documents.vaultNoKeyStore',
      identities: [],
    });
    const material = createIdentity({ ...ana, days: 30 });
    const id = infoOf(material).fingerprint;
    await expect(vault.store(material, null, id)).rejects.toMatchObject({ code: 'documents.vaultNoKeyStore' });
    os.backend = 'gnome_libsecret';
    os.available = false;
    expect(await vault.state()).toMatchObject({ available: false, reason: 'documents.vaultUnavailable' });
    await expect(vault.unlock(id, null)).rejects.toMatchObject({ code: 'documents.vaultUnavailable' });
  });

  it('cannot unlock a key sealed under another OS key, nor a file renamed to another fingerprint', async () => {
    freshOs();
    const dir = path.join(tmpDir(), 'identities');
    const vault = new SafeStorageVault(safeStorage, dir);
    const material = createIdentity({ ...ana, days: 30 });
    const id = infoOf(material).fingerprint;
    await vault.store(material, null, id);
    os.key = randomBytes(32);
    await expect(vault.unlock(id, null)).rejects.toMatchObject({
      code: 'documents.vaultCannotUnlock',
      params: { name: 'Ana Souza' },
    });
    const other = 'f'.repeat(64);
    fs.renameSync(path.join(dir, `${id}.identity.json`), path.join(dir, `${other}.identity.json`));
    expect((await vault.state()).identities).toEqual([]);
    await expect(vault.unlock(other, null)).rejects.toMatchObject({ code: 'documents.identityDamaged' });
    await expect(vault.unlock(id, null)).rejects.toMatchObject({ code: 'documents.identityNotFound' });
    await expect(vault.unlock('../../etc/passwd', null)).rejects.toMatchObject({ code: 'documents.identityNotFound' });
  });
});

describe('documents API with a key vault', () => {
  it('creates and imports vault identities; without a vault (browser mode) it says so', async () => {
    freshOs();
    const vault = new SafeStorageVault(safeStorage, path.join(tmpDir(), 'identities'));
    const { rt, dispatch } = session(vault);
    const browser = session();
    try {
      const created = await dispatch('documents.createVaultIdentity', ana);
      expect(created).toMatchObject({
        ok: true,
        value: { name: 'Ana Souza', role: 'Head of Marketing', selfSigned: true },
      });
      const orgFile = path.join(tmpDir(), 'org.p12');
      fs.writeFileSync(
        orgFile,
        toPkcs12(
          createIdentity({
            name: 'Иван Петров',
            role: 'Директор по продажам',
            company: 'Acme',
            email: 'ivan@acme.example',
            days: 90,
          }),
          'org-passphrase',
        ),
      );
      const ref = rt.files.registerPath(orgFile);
      expect(
        await dispatch('documents.importVaultIdentity', { identity: ref.id, passphrase: 'wrong-passphrase' }),
      ).toMatchObject({ ok: false, error: { code: 'documents.wrongPassphrase' } });
      expect(
        await dispatch('documents.importVaultIdentity', { identity: ref.id, passphrase: 'org-passphrase' }),
      ).toMatchObject({ ok: true, value: { name: 'Иван Петров' } });
      const state = await dispatch('documents.vault', {});
      expect(state.ok).toBe(true);
      const names = (state.ok ? (state.value as VaultState).identities : []).map((i) => i.name).sort();
      expect(names).toEqual(['Ana Souza', 'Иван Петров']);

      expect(await browser.dispatch('documents.vault', {})).toEqual({
        ok: true,
        value: { kind: null, available: false, reason: 'documents.vaultUnavailable', identities: [] },
      });
      expect(await browser.dispatch('documents.createVaultIdentity', ana)).toMatchObject({
        ok: false,
        error: { code: 'documents.vaultUnavailable' },
      });
      expect(await browser.dispatch('documents.sign', { file: ref.id, vaultIdentity: 'a'.repeat(64) })).toMatchObject({
        ok: false,
        error: { code: 'files.unknownId' },
      });
      // Exactly one identity, and a PKCS#12 file always with its passphrase.
      expect(
        await dispatch('documents.sign', { file: ref.id, identity: ref.id, vaultIdentity: 'a'.repeat(64) }),
      ).toMatchObject({ ok: false, error: { code: 'validation.invalidInput' } });
      expect(await dispatch('documents.sign', { file: ref.id, identity: ref.id })).toMatchObject({
        ok: false,
        error: { code: 'validation.invalidInput' },
      });
    } finally {
      rt.dispose();
      browser.rt.dispose();
    }
  });

  it.skipIf(!chromiumPath)(
    'signs with a vault identity, unlocked by the OS without a passphrase',
    async () => {
      freshOs();
      const dir = tmpDir();
      fixtureWorkspace(dir).close();
      const vault = new SafeStorageVault(safeStorage, path.join(dir, 'identities'));
      const { rt, dispatch } = session(vault);
      try {
        expect(await dispatch('workspace.open', { path: path.join(dir, 'ws.db') })).toMatchObject({ ok: true });
        const rendered = await dispatch('documents.render', {
          ...PARTIES,
          period: { from: '2027-01-01', to: '2027-12-31' },
        });
        if (!rendered.ok) throw new Error(rendered.error.message);
        const created = await dispatch('documents.createVaultIdentity', ana);
        if (!created.ok) throw new Error(created.error.message);
        const id = (created.value as VaultIdentity).id;
        const signed = await dispatch('documents.sign', {
          file: (rendered.value as RenderedDocument).file.id,
          vaultIdentity: id,
          party: 'marketing',
        });
        expect(signed).toMatchObject({
          ok: true,
          value: { party: 'marketing', signer: { name: 'Ana Souza' }, report: { ok: true } },
        });
        const value = signed.ok ? (signed.value as SignedDocument) : null;
        expect(value?.report.signatures.map((s) => s.signer?.fingerprint)).toEqual([id]);
        os.available = false;
        const refused = await dispatch('documents.sign', { file: value!.file.id, vaultIdentity: id, party: 'sales' });
        expect(refused).toMatchObject({ ok: false, error: { code: 'documents.vaultUnavailable' } });
      } finally {
        rt.dispose();
      }
    },
    180_000,
  );
});

if (!chromiumPath) console.warn(CHROMIUM_MISSING);
