import { describe, expect, it } from 'vitest';
import { contract } from '../../src/shared/contract';
import { buildClient } from '../../src/shared/contract/define';
import { AppError } from '../../src/shared/errors';
import { createIpcTransport, isIpcBridge } from '../../src/renderer/transport/ipc-transport';

/** A stand-in for the preload's `window.api`: the contract's shape, answering envelopes. */
function fakeBridge(answer: (wire: string, input: unknown) => unknown) {
  const calls: { wire: string; input: unknown }[] = [];
  const bridge = buildClient(contract, async (wire, input) => {
    calls.push({ wire, input });
    return answer(wire, input);
  });
  return { bridge, calls };
}

describe('IPC transport', () => {
  it('recognises the preload bridge and nothing else', () => {
    expect(isIpcBridge(fakeBridge(() => null).bridge)).toBe(true);
    expect(isIpcBridge(undefined)).toBe(false);
    expect(isIpcBridge({ workspace: {} })).toBe(false);
  });

  it('calls the method of the same name and unwraps the value', async () => {
    const fake = fakeBridge((wire) => ({ ok: true, value: wire === 'workspace.forgetRecent' ? { recent: [] } : null }));
    const transport = createIpcTransport(fake.bridge);
    expect(await transport.api.workspace.forgetRecent({ path: '/tmp/a.db' })).toEqual({ recent: [] });
    expect(fake.calls).toEqual([{ wire: 'workspace.forgetRecent', input: { path: '/tmp/a.db' } }]);
  });

  it('throws the AppError an error envelope describes', async () => {
    const fake = fakeBridge(() => ({
      ok: false,
      error: {
        code: 'workspace.corrupt',
        params: { path: '/w.db', detail: 'bad page', backup: '/w.db.backups/1.db' },
        message: 'damaged',
      },
    }));
    const failure = await createIpcTransport(fake.bridge)
      .api.workspace.open({ path: '/w.db' })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'workspace.corrupt', params: { backup: '/w.db.backups/1.db' } });
  });

  it('refuses an answer that is not an envelope', async () => {
    const fake = fakeBridge(() => 'surprise');
    await expect(createIpcTransport(fake.bridge).api.jobs.list({})).rejects.toMatchObject({
      code: 'renderer.badResponse',
    });
  });

  it('reports a method the bridge lacks as unknown instead of crashing', async () => {
    const transport = createIpcTransport({ workspace: { session: async () => ({ ok: true, value: null }) } });
    await expect(transport.api.jobs.list({})).rejects.toMatchObject({
      code: 'api.unknownMethod',
      params: { method: 'jobs.list' },
    });
  });

  it('saves a produced file with the desktop save dialog', async () => {
    const fake = fakeBridge(() => ({ ok: true, value: '/home/me/SLA.pdf' }));
    await createIpcTransport(fake.bridge).download({
      id: '0b7e6a0e-5a3e-4e55-9a7e-0d1c2b3a4f5e',
      name: 'SLA.pdf',
      sizeBytes: 1,
      mime: 'application/pdf',
    });
    expect(fake.calls).toEqual([{ wire: 'desktop.saveFile', input: { id: '0b7e6a0e-5a3e-4e55-9a7e-0d1c2b3a4f5e' } }]);
  });
});
