import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from '../../../src/shared/domain/defaults';
import { isFooterRow } from '../../../src/shared/imports/footer';
import { detectPreset } from '../../../src/shared/imports/presets';
import type { StageRef } from '../../../src/shared/imports/stages';
import { suggestFileMapping } from '../../../src/shared/imports/suggest';
import { fieldForHeader, stageForDateHeader } from '../../../src/shared/imports/synonyms';

const stages: StageRef[] = DEFAULT_STAGES.map((s, i) => ({ id: i + 1, key: s.key, kind: s.kind, labels: s.labels }));
const targets = (headers: string[], preset?: Parameters<typeof suggestFileMapping>[2]) =>
  Object.fromEntries(suggestFileMapping(headers, stages, preset).columns.map((c) => [c.column, c.target]));

describe('header synonyms', () => {
  it('recognise lead fields in English, Portuguese, Spanish, Russian and Chinese', () => {
    const cases: Array<[string, string]> = [
      ['Lead ID', 'lead_id'],
      ['Data de criação', 'created_at'],
      ['Fecha de creación', 'created_at'],
      ['Дата создания', 'created_at'],
      ['创建时间', 'created_at'],
      ['Origem', 'source'],
      ['Fuente', 'source'],
      ['Источник', 'source'],
      ['来源', 'source'],
      ['Responsável', 'owner'],
      ['Ответственный', 'owner'],
      ['负责人', 'owner'],
      ['País', 'country'],
      ['Страна', 'country'],
      ['国家/地区', 'country'],
      ['Valor', 'amount'],
      ['Сумма', 'amount'],
      ['金额', 'amount'],
      ['Motivo da perda', 'outcome_reason'],
      ['Причина отказа', 'outcome_reason'],
      ['Campaña', 'campaign'],
      ['Moeda', 'currency'],
    ];
    for (const [header, target] of cases) expect(fieldForHeader(header)?.target, header).toBe(target);
    expect(fieldForHeader('Favourite colour')).toBeNull();
  });

  it('find stage entry dates in headers, in five languages and in HubSpot forms', () => {
    const cases: Array<[string, string | null]> = [
      ['Became a Marketing Qualified Lead Date', 'mql'],
      ['Became a Lead Date', 'lead'],
      ['Became a Customer Date', 'won'],
      ['Date entered "Sales Qualified Lead (Lifecycle Stage Pipeline)"', 'sql'],
      ['Date exited "Lead (Lifecycle Stage Pipeline)"', null],
      ['MQL date', 'mql'],
      ['won_date', 'won'],
      ['Data de conversão', 'lead'],
      ['Data da primeira conversão', 'lead'],
      ['Fecha de MQL', 'mql'],
      ['Дата MQL', 'mql'],
      ['赢单日期', 'won'],
      ['Deal - Expected close date', null],
      ['first_contact_date', null],
    ];
    for (const [header, key] of cases) expect(stageForDateHeader(header, stages)?.key ?? null, header).toBe(key);
  });
});

describe('mapping suggestions', () => {
  it('map a wide export: fields, stage dates, and each target once', () => {
    const t = targets(['ID', 'Lead ID', 'Created date', 'Lead Source', 'MQL date', 'SAL date', 'Won date', 'Notes']);
    expect(t).toMatchObject({
      'Lead ID': 'lead_id',
      'Created date': 'created_at',
      'Lead Source': 'source',
      'MQL date': 'stage:mql',
      'SAL date': 'stage:sal',
      'Won date': 'stage:won',
      Notes: 'ignore',
    });
    // "ID" is a weaker name than "Lead ID" for the same target.
    expect(t.ID).toBe('ignore');
  });

  it('read a file with a stage column and a plain date column as one row per stage change', () => {
    expect(targets(['Lead ID', 'Stage', 'Date', 'Reason'])).toEqual({
      'Lead ID': 'lead_id',
      Stage: 'stage',
      Date: 'entered_at',
      Reason: 'event_reason',
    });
    expect(targets(['Deal ID', 'Deal Stage', 'Close Date', 'Amount'])).toMatchObject({
      'Deal Stage': 'status',
      'Close Date': 'status_at',
    });
  });

  it('use a preset for the labels it knows and synonyms for the rest', () => {
    const t = targets(
      [
        'Record ID',
        'Create Date',
        'Original Source',
        'Lifecycle Stage',
        'Became a Marketing Qualified Lead Date',
        'Lead Status',
        'Segmento',
      ],
      'hubspot-contacts',
    );
    expect(t).toMatchObject({
      'Record ID': 'lead_id',
      'Create Date': 'created_at',
      'Original Source': 'source',
      'Lifecycle Stage': 'custom:Lifecycle Stage',
      'Became a Marketing Qualified Lead Date': 'stage:mql',
      Segmento: 'segment',
    });
  });

  it('keep every other column of a native file as a custom field, and do not take a wide export for one', () => {
    const t = targets(['lead_id', 'created_at', 'source', 'Industry', 'custom.source']);
    expect(t).toEqual({
      lead_id: 'lead_id',
      created_at: 'created_at',
      source: 'source',
      Industry: 'custom:Industry',
      'custom.source': 'custom:source',
    });
    expect(suggestFileMapping(['lead_id', 'created_at', 'mql_date'], stages).preset).toBeNull();
  });
});

describe('built-in presets', () => {
  it('are detected from the real column labels of each export', () => {
    expect(
      detectPreset([
        'Record ID',
        'First Name',
        'Last Name',
        'Email',
        'Contact owner',
        'Lifecycle Stage',
        'Became a Lead Date',
      ]),
    ).toBe('hubspot-contacts');
    expect(
      detectPreset(['Record ID', 'Deal Name', 'Deal Stage', 'Close Date', 'Deal owner', 'Amount', 'Pipeline']),
    ).toBe('hubspot-deals');
    expect(
      detectPreset([
        'Lead ID',
        'Lead Owner',
        'First Name',
        'Company / Account',
        'Lead Status',
        'Lead Source',
        'Create Date',
      ]),
    ).toBe('salesforce-leads');
    expect(
      detectPreset([
        'Opportunity Owner',
        'Account Name',
        'Opportunity Name',
        'Stage',
        'Fiscal Period',
        'Amount',
        'Probability (%)',
        'Close Date',
        'Created Date',
      ]),
    ).toBe('salesforce-opportunities');
    expect(
      detectPreset([
        'Deal - ID',
        'Deal - Title',
        'Deal - Value',
        'Deal - Currency',
        'Deal - Stage',
        'Deal - Status',
        'Deal - Deal created',
        'Deal - Won time',
      ]),
    ).toBe('pipedrive-deals');
    expect(detectPreset(['lead_id', 'stage', 'entered_at'])).toBe('native');
    expect(detectPreset(['Name', 'Email'])).toBeNull();
  });

  it('accept the known label variants', () => {
    expect(targets(['Contact ID', 'Create date', 'Country/Region', 'HubSpot Score'], 'hubspot-contacts')).toEqual({
      'Contact ID': 'lead_id',
      'Create date': 'created_at',
      'Country/Region': 'country',
      'HubSpot Score': 'score',
    });
    expect(
      targets(
        ['Deal - ID', 'Deal - Creation date', 'Deal - Won time', 'Deal - Lost time', 'Deal - Lost reason'],
        'pipedrive-deals',
      ),
    ).toEqual({
      'Deal - ID': 'lead_id',
      'Deal - Creation date': 'created_at',
      'Deal - Won time': 'stage:won',
      'Deal - Lost time': 'stage:lost',
      'Deal - Lost reason': 'outcome_reason',
    });
    const deals = suggestFileMapping(
      [
        'Deal ID',
        'Deal Stage',
        'Close Date',
        'Date entered "Closed Won (Sales Pipeline)"',
        'Date entered "Appointment Scheduled (Sales Pipeline)"',
      ],
      stages,
      'hubspot-deals',
    );
    expect(Object.fromEntries(deals.columns.map((c) => [c.column, c.target]))).toMatchObject({
      'Date entered "Closed Won (Sales Pipeline)"': 'stage:won',
      'Date entered "Appointment Scheduled (Sales Pipeline)"': 'stage:sal',
    });
    expect(deals.mapping.stageValues).toMatchObject({ closedwon: 'won', 'Closed Lost': 'lost' });
  });
});

describe('report footers', () => {
  it('recognise Salesforce totals, confidentiality and copyright lines, not data', () => {
    expect(isFooterRow(['Grand Totals (1,234 records)', '', '', '$5,000.00'])).toBe(true);
    expect(isFooterRow(['Total', '', ''])).toBe(true);
    expect(isFooterRow(['Confidential Information - Do Not Distribute', '', ''])).toBe(true);
    expect(isFooterRow(['Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved.', ''])).toBe(true);
    expect(isFooterRow(['"Generated By:  Ana Silva  11/26/2026 10:03 AM"'])).toBe(true);
    expect(isFooterRow(['Total Recall Inc', 'ana', 'Web', '2024-01-01', 'x'])).toBe(false);
    expect(isFooterRow(['00Q5e00000AbCdE', 'Ana', 'Web'])).toBe(false);
  });
});
