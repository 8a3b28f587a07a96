import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Runtime } from '../../../src/main/runtime/runtime';
import { createDispatch } from '../../../src/main/runtime/dispatch';
import { handlers } from '../../../src/main/runtime/handlers';
import { createIdentity, toPkcs12 } from '../../../src/main/documents/identity';
import { tmpDir } from '../../helpers/tmp';
import { fixtureWorkspace } from './fixture';

function session() {
  const rt = new Runtime({ dataDir: tmpDir(), host: 'cli', appVersion: 'test' });
  const dispatch = createDispatch(rt, handlers, () => undefined);
  return { rt, dispatch };
}

describe('documents API group', () => {
  it('previews the SLA document of the open workspace without saving anything', async () => {
    const dir = tmpDir();
    fixtureWorkspace(dir, 'es').close();
    const { rt, dispatch } = session();
    try {
      expect(await dispatch('workspace.open', { path: path.join(dir, 'ws.db') })).toMatchObject({ ok: true });
      const r = await dispatch('documents.preview', { period: { from: '2027-01-01', to: '2027-12-31' } });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const value = r.value as { terms: { locale: string; definitions: unknown[] }; html: string };
      expect(value.terms.locale).toBe('es');
      expect(value.terms.definitions).toHaveLength(5);
      expect(value.html).toContain('Acuerdo de Nivel de Servicio entre Marketing y Ventas');
      expect(await dispatch('documents.list', {})).toEqual({ ok: true, value: [] });
      const bad = await dispatch('documents.preview', { period: { from: '2027-12-31', to: '2027-01-01' } });
      expect(bad).toMatchObject({ ok: false, error: { code: 'validation.invalidInput' } });
    } finally {
      rt.dispose();
    }
  });

  it("imports an organisation's PKCS#12 under a new passphrase", async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'org.p12');
    fs.writeFileSync(
      file,
      toPkcs12(
        createIdentity({ name: 'Maria Lopez', role: 'CSO', company: 'Acme', email: 'maria@acme.example', days: 90 }),
        'org-passphrase',
      ),
    );
    const { rt, dispatch } = session();
    try {
      const ref = rt.files.registerPath(file);
      const imported = await dispatch('documents.importIdentity', {
        identity: ref.id,
        passphrase: 'org-passphrase',
        newPassphrase: 'my-own-passphrase',
      });
      expect(imported).toMatchObject({ ok: true, value: { identity: { name: 'Maria Lopez', role: 'CSO' } } });
      if (!imported.ok) return;
      const produced = rt.files.registerPath(rt.files.pathOf((imported.value as { file: { id: string } }).file.id));
      expect(
        await dispatch('documents.inspectIdentity', { identity: produced.id, passphrase: 'my-own-passphrase' }),
      ).toMatchObject({ ok: true, value: { name: 'Maria Lopez' } });
      expect(
        await dispatch('documents.inspectIdentity', { identity: produced.id, passphrase: 'org-passphrase' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'documents.wrongPassphrase' },
      });
    } finally {
      rt.dispose();
    }
  });
});
