import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { assertUsable, createIdentity, infoOf, readPkcs12, toPkcs12 } from '../../../src/main/documents/identity';
import { Pkcs12FileVault } from '../../../src/main/documents/key-vault';
import { AppError } from '../../../src/shared/errors';
import { folderState, tmpDir } from '../../helpers/tmp';

const code = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? e.code : `not an AppError: ${String(e)}`;
  }
  return 'no error';
};
const codeAsync = async (f: () => Promise<unknown>): Promise<string> => {
  try {
    await f();
  } catch (e) {
    return e instanceof AppError ? e.code : `not an AppError: ${String(e)}`;
  }
  return 'no error';
};

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('signing identities', () => {
  const ivan = createIdentity({
    name: 'Иван Петров',
    role: 'Руководитель продаж',
    company: '王氏 Analytics',
    email: 'ivan@acme.example',
    days: 365,
  });

  it('puts name, role, company and e-mail in a self-signed certificate, in any script', () => {
    const info = infoOf(ivan);
    expect(info).toMatchObject({
      name: 'Иван Петров',
      role: 'Руководитель продаж',
      company: '王氏 Analytics',
      email: 'ivan@acme.example',
      selfSigned: true,
    });
    expect(info.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(info.notAfter - info.notBefore).toBeGreaterThan(364 * 86_400_000);
  });

  it('round-trips through a passphrase-protected PKCS#12 and refuses a wrong passphrase or another file', () => {
    const p12 = toPkcs12(ivan, 'a long passphrase');
    expect(infoOf(readPkcs12(p12, 'a long passphrase', 'ivan.p12')).fingerprint).toBe(infoOf(ivan).fingerprint);
    expect(code(() => readPkcs12(p12, 'wrong passphrase', 'ivan.p12'))).toBe('documents.wrongPassphrase');
    expect(code(() => readPkcs12(Buffer.from('%PDF-1.7 not a key'), 'x', 'x.p12'))).toBe('documents.notPkcs12');
  });

  it('refuses an expired or not yet valid certificate', () => {
    const old = infoOf(
      createIdentity({
        name: 'Old',
        role: 'CMO',
        company: '',
        email: 'o@x.example',
        days: 30,
        now: Date.UTC(2020, 0, 1),
      }),
    );
    expect(code(() => assertUsable(old, Date.UTC(2026, 0, 1)))).toBe('documents.certificateExpired');
    expect(code(() => assertUsable(old, Date.UTC(2019, 0, 1)))).toBe('documents.certificateNotYetValid');
    expect(code(() => assertUsable(old, Date.UTC(2020, 0, 10)))).toBe('no error');
  });

  it.skipIf(!hasOpenssl)("imports an organisation's PKCS#12 made by OpenSSL, with its CA chain", () => {
    const dir = tmpDir();
    const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    run(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
      '-days',
      '30',
      '-subj',
      '/CN=Acme Root CA/O=Acme',
    );
    run(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'me.key',
      '-out',
      'me.csr',
      '-subj',
      '/CN=Maria Lopez/O=Acme/title=Directora de Ventas',
    );
    run(
      'x509',
      '-req',
      '-in',
      'me.csr',
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'me.crt',
      '-days',
      '30',
    );
    // OpenSSL 3 defaults: AES-256-CBC with PBKDF2 and a SHA-256 MAC.
    run(
      'pkcs12',
      '-export',
      '-inkey',
      'me.key',
      '-in',
      'me.crt',
      '-certfile',
      'ca.crt',
      '-out',
      'org.p12',
      '-passout',
      'pass:org-secret',
    );
    const material = readPkcs12(fs.readFileSync(path.join(dir, 'org.p12')), 'org-secret', 'org.p12');
    const info = infoOf(material);
    expect(info).toMatchObject({
      name: 'Maria Lopez',
      role: 'Directora de Ventas',
      company: 'Acme',
      selfSigned: false,
      issuer: 'Acme Root CA',
    });
    expect(material.certificates).toHaveLength(2);
    expect(code(() => readPkcs12(fs.readFileSync(path.join(dir, 'org.p12')), 'nope', 'org.p12'))).toBe(
      'documents.wrongPassphrase',
    );
  });

  it.skipIf(!hasOpenssl)('says an EC key cannot sign here', () => {
    const dir = tmpDir();
    const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    run(
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      'ec.key',
      '-out',
      'ec.crt',
      '-days',
      '30',
      '-subj',
      '/CN=EC User',
    );
    run('pkcs12', '-export', '-inkey', 'ec.key', '-in', 'ec.crt', '-out', 'ec.p12', '-passout', 'pass:ec-secret');
    expect(code(() => readPkcs12(fs.readFileSync(path.join(dir, 'ec.p12')), 'ec-secret', 'ec.p12'))).toBe(
      'documents.unsupportedKey',
    );
  });
});

describe('Pkcs12FileVault', () => {
  const vault = new Pkcs12FileVault();
  const ana = createIdentity({ name: 'Ana Souza', role: 'CMO', company: 'Acme', email: 'ana@acme.example', days: 365 });

  it('stores an identity owner-only and unlocks it with its passphrase', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'ana.p12');
    const info = await vault.store(ana, 'marketing-secret', file);
    expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
    expect((await vault.unlock(file, 'marketing-secret')).info.fingerprint).toBe(info.fingerprint);
    expect(await codeAsync(() => vault.unlock(file, 'wrong-secret'))).toBe('documents.wrongPassphrase');
  });

  it('never overwrites, refuses a short passphrase, and leaves the folder untouched when it refuses', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'ana.p12');
    await vault.store(ana, 'marketing-secret', file);
    const before = folderState(dir);
    expect(await codeAsync(() => vault.store(ana, 'marketing-secret', file))).toBe('documents.outputExists');
    expect(await codeAsync(() => vault.store(ana, 'short', path.join(dir, 'other.p12')))).toBe(
      'documents.passphraseTooShort',
    );
    expect(await codeAsync(() => vault.store(ana, null, path.join(dir, 'other.p12')))).toBe(
      'documents.passphraseRequired',
    );
    expect(folderState(dir)).toEqual(before);
  });
});
