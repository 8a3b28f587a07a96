import { describe, expect, it, vi } from 'vitest';
import { createElectronMock } from './electron-mock';
import { contract } from '../../../src/shared/contract';

const mock = createElectronMock();
vi.mock('electron', () => mock.electron);

describe('preload bridge', () => {
  it('exposes only `api`, shaped exactly like the contract, each function on its own channel', async () => {
    await import('../../../src/main/electron/preload');
    expect([...mock.calls.exposed.keys()]).toEqual(['api']);
    const api = mock.calls.exposed.get('api') as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
    const shape = (o: Record<string, Record<string, unknown>>) =>
      Object.fromEntries(Object.entries(o).map(([g, ms]) => [g, Object.keys(ms).sort()]));
    expect(shape(api)).toEqual(shape(contract as unknown as Record<string, Record<string, unknown>>));
    for (const group of Object.values(api)) for (const fn of Object.values(group)) expect(typeof fn).toBe('function');
    await api.workspace!.info!({});
    expect(mock.calls.invoked).toEqual([{ channel: 'api:workspace.info', input: {} }]);
  });
});
