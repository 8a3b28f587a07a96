import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/shared/i18n';
import { MeetingWords } from '../../../src/shared/meetings/describe';
import type { Report } from '../../../src/shared/metrics/types';

/** Just what MeetingWords reads of a snapshot: stage labels and the reason taxonomy. */
const snapshot = {
  report: {
    stages: [{ key: 'sal', labels: { en: 'Sales accepted', es: 'Aceptado por ventas' } }],
  } as unknown as Report,
  reasons: [{ kind: 'loss' as const, code: 'price', labels: { en: 'Price', es: 'Precio' } }],
};

describe('MeetingWords.figure', () => {
  it('names a win/loss breakdown cell by its reason, field and value, in the meeting language', () => {
    const en = new MeetingWords(createI18n('en').t, 'en', snapshot as never);
    expect(
      en.figure({ type: 'winloss', outcome: 'lost', reason: 'price', by: { field: 'segment', value: 'SMB' } }),
    ).toBe('Lost: Price · segment: SMB');
    expect(en.figure({ type: 'winloss', outcome: 'lost', by: { field: 'lost_at_stage', value: 'sal' } })).toBe(
      'Lost · lost at stage: Sales accepted',
    );
    expect(en.figure({ type: 'winloss', outcome: 'lost', by: { field: 'source', value: null } })).toBe(
      'Lost · source: (none)',
    );
    const es = new MeetingWords(createI18n('es').t, 'es', snapshot as never);
    expect(es.figure({ type: 'winloss', outcome: 'lost', by: { field: 'lost_at_stage', value: 'sal' } })).toContain(
      'Aceptado por ventas',
    );
  });

  it('names every waterfall movement', () => {
    const en = new MeetingWords(createI18n('en').t, 'en', snapshot as never);
    expect(en.figure({ type: 'waterfall', stage: 'sal', movement: 'out_recycled' })).toBe(
      'Sales accepted (recycled to nurture)',
    );
  });
});
