import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../../src/main/runtime/dispatch';
import { handlers } from '../../../src/main/runtime/handlers';
import { Runtime } from '../../../src/main/runtime/runtime';
import { methods } from '../../../src/shared/contract';
import type { ContractHandlers } from '../../../src/shared/contract';
import { tmpDir } from '../../helpers/tmp';

function setup(custom: ContractHandlers<Runtime> = handlers) {
  const dir = tmpDir();
  const runtime = new Runtime({ dataDir: path.join(dir, 'data'), host: 'cli', appVersion: 'test' });
  return { dir, runtime, dispatch: createDispatch(runtime, custom, () => undefined) };
}

describe('dispatch', () => {
  it('answers an unknown method, including prototype names, with a specific error', async () => {
    const { dispatch } = setup();
    for (const wire of ['workspace.nope', '__proto__', 'constructor', 'toString', '']) {
      const r = await dispatch(wire, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'api.unknownMethod' } });
    }
  });

  it('validates input with the method schema and lists the issues', async () => {
    const { dispatch } = setup();
    const r = await dispatch('workspace.create', { path: 'relative.db', extra: 1 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('validation.invalidInput');
    expect(r.error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['path', '(input)']));
    expect(r.error.issues?.find((i) => i.code === 'unrecognized_keys')?.params.keys).toBe('extra');
  });

  it('rejects non-object input without calling the handler', async () => {
    const { dispatch } = setup();
    for (const input of ['x', 42, [], null]) {
      const r = await dispatch('workspace.setPreferences', input);
      if (input === null)
        expect(r.ok).toBe(true); // null is treated as "no fields"
      else expect(r).toMatchObject({ ok: false, error: { code: 'validation.invalidInput' } });
    }
  });

  it('turns an unexpected exception into an internal error without a stack trace', async () => {
    const broken = {
      ...handlers,
      jobs: {
        ...handlers.jobs,
        list: () => {
          throw new TypeError('kaput');
        },
      },
    };
    const { dispatch } = setup(broken);
    const r = await dispatch('jobs.list', {});
    expect(r).toEqual({
      ok: false,
      error: { code: 'internal', params: { detail: 'kaput' }, message: 'Internal error: kaput' },
    });
  });

  it('refuses writing methods on a read-only workspace before the handler runs', async () => {
    const { dir, dispatch } = setup();
    const file = path.join(dir, 'w.db');
    expect((await dispatch('workspace.create', { path: file })).ok).toBe(true);
    expect((await dispatch('workspace.open', { path: file, readOnly: true })).ok).toBe(true);
    const r = await dispatch('workspace.updateSettings', { name: 'Renamed' });
    expect(r).toMatchObject({ ok: false, error: { code: 'workspace.readOnly' } });
    const info = await dispatch('workspace.info', {});
    expect(info).toMatchObject({ ok: true, value: { name: 'w' } });
  });

  it('has a handler for every contract method and nothing else', () => {
    const wires = Object.entries(handlers).flatMap(([g, hs]) => Object.keys(hs).map((n) => `${g}.${n}`));
    expect(wires.sort()).toEqual(methods.map((m) => m.wire).sort());
  });

  it('fails at start-up when a handler is missing', () => {
    const missing = { ...handlers, jobs: { get: handlers.jobs.get } } as unknown as ContractHandlers<Runtime>;
    expect(() => setup(missing)).toThrow('No handler for jobs.cancel');
  });
});
