import { afterEach, describe, expect, it } from 'vitest';
import type { ReasonRef } from '../../../src/shared/imports/reasons';
import { session, type Session } from './helpers';

let s: Session | undefined;
afterEach(() => {
  s?.dispose();
  s = undefined;
});

describe('imports.reasons (the codes the wizard offers for free-text reasons)', () => {
  it('lists the active taxonomy with its labels, and nothing for a new workspace', async () => {
    s = await session();
    expect(await s.call<ReasonRef[]>('imports.reasons')).toEqual([]);
    const insert = s.rt
      .requireWorkspace()
      .db.prepare('INSERT INTO reasons (kind, code, labels, active) VALUES (?, ?, ?, ?)');
    insert.run('loss', 'price', JSON.stringify({ en: 'Price too high', 'pt-BR': 'Preço alto' }), 1);
    insert.run('loss', 'retired', JSON.stringify({ en: 'No longer used' }), 0);
    insert.run('win', 'fit', JSON.stringify({ en: 'Good fit' }), 1);
    const reasons = await s.call<ReasonRef[]>('imports.reasons');
    expect([...reasons].sort((a, b) => a.code.localeCompare(b.code))).toEqual([
      { code: 'fit', kind: 'win', labels: { en: 'Good fit' } },
      { code: 'price', kind: 'loss', labels: { en: 'Price too high', 'pt-BR': 'Preço alto' } },
    ]);
  });

  it('needs an open workspace', async () => {
    s = await session();
    await s.call('workspace.close');
    await expect(s.call('imports.reasons')).rejects.toMatchObject({ code: 'workspace.noneOpen' });
  });
});
