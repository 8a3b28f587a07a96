import { afterEach, describe, expect, it } from 'vitest';
import type { PreviewResult } from '../../../src/shared/imports/types';
import { session, type Session } from './helpers';

let s: Session;
afterEach(() => s?.dispose());

function events(): Array<{ id: string; stage: string; at: string; reason: string | null }> {
  return (
    s.rt
      .requireWorkspace()
      .db.prepare(
        `SELECT l.external_id AS id, st.key AS stage, e.entered_at AS at, e.reason_text AS reason
         FROM stage_events e JOIN leads l ON l.id = e.lead_id JOIN stages st ON st.id = e.stage_id ORDER BY l.external_id, e.entered_at`,
      )
      .all() as Array<{ id: string; stage: string; at: number; reason: string | null }>
  ).map((e) => ({ ...e, at: new Date(e.at).toISOString().slice(0, 16) }));
}

describe('built-in presets, end to end', () => {
  it('HubSpot contacts: "Became a … Date" and `Date entered "…"` columns become stage entries', async () => {
    s = await session();
    const file = s.file(
      'hubspot-contacts.csv',
      [
        'Record ID,First Name,Create Date,Lifecycle Stage,Original Source,Contact owner,Became a Lead Date,Became a Marketing Qualified Lead Date,"Date entered ""Customer (Lifecycle Stage Pipeline)""",Became a Subscriber Date',
        '101,Ana,2024-01-05 10:00,customer,ORGANIC_SEARCH,Bob Lee,2024-01-05 10:00,2024-01-08 09:30,2024-02-20 16:00,2024-01-01 00:00',
        '102,Bia,2024-01-06 11:00,lead,PAID_SEARCH,Bob Lee,2024-01-06 11:00,,,',
      ].join('\n'),
    );
    const p = await s.call<PreviewResult>('imports.preview', { files: [{ fileId: s.rt.files.registerPath(file).id }] });
    expect(p.files[0]!.preset).toBe('hubspot-contacts');
    const r = await s.importFiles([file]);
    expect(r.counts).toMatchObject({ leadsInserted: 2, stageEventsAdded: 4, rowsRejected: 0 });
    expect(events()).toEqual([
      { id: '101', stage: 'lead', at: '2024-01-05T10:00', reason: null },
      { id: '101', stage: 'mql', at: '2024-01-08T09:30', reason: null },
      { id: '101', stage: 'won', at: '2024-02-20T16:00', reason: null },
      { id: '102', stage: 'lead', at: '2024-01-06T11:00', reason: null },
    ]);
  });

  it('HubSpot deals: Close Date dates only closed deals (open deals carry an expected date)', async () => {
    s = await session();
    const file = s.file(
      'hubspot-deals.csv',
      [
        'Record ID,Deal Name,Deal Stage,Close Date,Create Date,Amount,Deal owner,Pipeline,Closed Lost Reason',
        '9001,Acme,closedwon,2024-03-01 12:00,2024-01-10 09:00,12000,Ana,Sales Pipeline,',
        '9002,Globex,Closed Lost,2024-03-05 12:00,2024-01-11 09:00,5000,Ana,Sales Pipeline,Price too high',
        '9003,Initech,contractsent,2024-04-30 12:00,2024-01-12 09:00,800,Bob,Sales Pipeline,',
      ].join('\n'),
    );
    const r = await s.importFiles([file], { preset: 'hubspot-deals' });
    expect(r.counts).toMatchObject({ leadsInserted: 3, stageEventsAdded: 2 });
    expect(events()).toEqual([
      { id: '9001', stage: 'won', at: '2024-03-01T12:00', reason: null },
      { id: '9002', stage: 'lost', at: '2024-03-05T12:00', reason: 'Price too high' },
    ]);
  });

  it('Pipedrive deals: won and lost times, lost reason, and the "Deal - Creation date" variant', async () => {
    s = await session();
    const file = s.file(
      'deals.csv',
      [
        '"Deal - ID","Deal - Title","Deal - Value","Deal - Currency","Deal - Status","Deal - Creation date","Deal - Won time","Deal - Lost time","Deal - Lost reason","Deal - Owner"',
        '"1","Acme","1.500,00","EUR","won","2024-01-02 08:00:00","2024-02-01 10:00:00","","","Ana"',
        '"2","Globex","900,50","EUR","lost","2024-01-03 08:00:00","","2024-02-10 10:00:00","Went with a competitor","Bob"',
      ].join('\n'),
    );
    const r = await s.importFiles([file]);
    expect(r.counts).toMatchObject({ leadsInserted: 2, stageEventsAdded: 2, rowsRejected: 0 });
    expect(r.decimalDecisions[0]).toMatchObject({ decimal: ',' });
    expect(events()).toEqual([
      { id: '1', stage: 'won', at: '2024-02-01T10:00', reason: null },
      { id: '2', stage: 'lost', at: '2024-02-10T10:00', reason: 'Went with a competitor' },
    ]);
    expect(
      s.rt
        .requireWorkspace()
        .db.prepare(`SELECT amount, currency, outcome_reason_text AS reason, owner FROM leads ORDER BY id`)
        .all(),
    ).toEqual([
      { amount: 1500, currency: 'EUR', reason: null, owner: 'Ana' },
      { amount: 900.5, currency: 'EUR', reason: 'Went with a competitor', owner: 'Bob' },
    ]);
  });
});
