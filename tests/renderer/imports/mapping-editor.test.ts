import { describe, expect, it } from 'vitest';
import { fileMapping } from '../../../src/shared/imports/mapping';
import {
  dropMissingColumns,
  explicitStage,
  idColumn,
  layoutOf,
  mappingProblems,
  sampleValues,
  setIdColumn,
  setReasonValue,
  setStageValue,
  setTargets,
  switchLayout,
  targetGroups,
  targetsOf,
} from '../../../src/renderer/screens/imports/wizard/mapping-editor';

const headers = ['Record ID', 'Create Date', 'Lifecycle Stage', 'Became an MQL Date', 'Notes'];
const stageKeys = ['lead', 'mql', 'sal', 'sql', 'opportunity', 'won', 'lost'];
const base = fileMapping({
  columns: [
    { column: 'Record ID', target: 'lead_id' },
    { column: 'Create Date', target: 'created_at' },
    { column: 'became an mql date', target: 'stage:mql' },
  ],
});

describe('targets of a column', () => {
  it('reads the entries of a header, matched as the services match them (case, spaces)', () => {
    expect(targetsOf(base, headers, 3)).toEqual(['stage:mql']);
    expect(targetsOf(base, headers, 4)).toEqual(['ignore']);
  });

  it('shows what the services do with an unmapped column when they keep them as custom fields', () => {
    const native = { ...base, unmappedColumns: 'custom' as const };
    expect(targetsOf(native, headers, 4)).toEqual(['custom:Notes']);
    // Ignoring such a column has to be said explicitly, or it would come back as a custom field.
    const ignored = setTargets(native, headers, 4, ['ignore']);
    expect(ignored.columns).toContainEqual({ column: 'Notes', target: 'ignore' });
    expect(targetsOf(ignored, headers, 4)).toEqual(['ignore']);
  });

  it('gives a column two meanings (created at and MQL date), in header order', () => {
    const m = setTargets(base, headers, 1, ['created_at', 'stage:mql']);
    expect(targetsOf(m, headers, 1)).toEqual(['created_at', 'stage:mql']);
    // A stage date may come from two columns (the services take both), so the other column keeps it.
    expect(targetsOf(m, headers, 3)).toEqual(['stage:mql']);
    expect(m.columns.map((c) => c.column)).toEqual(['Record ID', 'Create Date', 'Create Date', 'became an mql date']);
  });

  it('moves a field that belongs to one column only, instead of mapping it twice', () => {
    const m = setTargets(base, headers, 4, ['lead_id']);
    expect(targetsOf(m, headers, 4)).toEqual(['lead_id']);
    expect(targetsOf(m, headers, 0)).toEqual(['ignore']);
    expect(m.columns.filter((c) => c.target === 'lead_id')).toHaveLength(1);
  });

  it('drops "ignore" and repeats when other targets are given', () => {
    const m = setTargets(base, headers, 4, ['ignore', 'custom:Notes', 'custom:Notes']);
    expect(targetsOf(m, headers, 4)).toEqual(['custom:Notes']);
  });

  it('makes a column the join key, keeping its other meanings', () => {
    const withBoth = setTargets(base, headers, 2, ['custom:Lifecycle Stage', 'status']);
    const m = setIdColumn(withBoth, headers, 2);
    expect(idColumn(m, headers)).toBe(2);
    expect(targetsOf(m, headers, 2)).toEqual(['lead_id', 'status']);
    expect(targetsOf(m, headers, 0)).toEqual(['ignore']);
  });
});

describe('layouts', () => {
  it('turns a status reading into a stage-change reading and back', () => {
    const wide = fileMapping({
      columns: [
        { column: 'Deal ID', target: 'lead_id' },
        { column: 'Deal Stage', target: 'status' },
        { column: 'Close Date', target: 'status_at' },
        { column: 'Lost Reason', target: 'outcome_reason' },
      ],
    });
    expect(layoutOf(wide)).toBe('wide');
    const long = switchLayout(wide, 'long');
    expect(layoutOf(long)).toBe('long');
    expect(long.columns.map((c) => c.target)).toEqual(['lead_id', 'stage', 'entered_at', 'event_reason']);
    expect(switchLayout(long, 'wide')).toEqual(wide);
  });

  it('offers what fits the layout, and always what the column already has', () => {
    const wide = targetGroups('wide', stageKeys, 'Notes', ['custom:Old name']);
    expect(wide.map((g) => g.id)).toEqual(['lead', 'stageDates', 'status', 'other']);
    expect(wide.find((g) => g.id === 'stageDates')?.targets).toContain('stage:won');
    expect(wide.find((g) => g.id === 'other')?.targets).toEqual(['custom:Notes', 'custom:Old name', 'ignore']);
    const long = targetGroups('long', stageKeys, 'Stage', []);
    expect(long.map((g) => g.id)).toEqual(['lead', 'history', 'stageDates', 'other']);
    expect(long.flatMap((g) => g.targets)).not.toContain('status');
  });
});

describe('problems found before asking the services', () => {
  it('asks for an id column, the stage and time of a long file, and the status of a status date', () => {
    const m = fileMapping({ columns: [{ column: 'Close Date', target: 'status_at' }] });
    expect(mappingProblems(m, ['Close Date'], stageKeys, 'wide')).toEqual([
      { code: 'noId' },
      { code: 'statusDateWithoutStatus', column: 'Close Date' },
    ]);
    const long = fileMapping({
      columns: [
        { column: 'id', target: 'lead_id' },
        { column: 'stage', target: 'stage' },
      ],
    });
    expect(mappingProblems(long, ['id', 'stage'], stageKeys, 'long')).toEqual([
      { code: 'longIncomplete', missing: 'entered_at' },
    ]);
    expect(mappingProblems(base, headers, stageKeys, 'long')).toEqual([{ code: 'longIncomplete', missing: 'stage' }]);
    expect(mappingProblems(base, headers, stageKeys, 'wide')).toEqual([]);
  });

  it('names the columns a preset expects that the file lacks, and drops them on request', () => {
    const m = fileMapping({
      columns: [
        ...base.columns,
        { column: 'Lead Status', target: 'custom:Lead Status' },
        { column: 'Owner', target: 'owner' },
      ],
    });
    expect(mappingProblems(m, headers, stageKeys, 'wide')).toEqual([
      { code: 'missingColumns', columns: ['Lead Status', 'Owner'] },
    ]);
    expect(mappingProblems(dropMissingColumns(m, headers), headers, stageKeys, 'wide')).toEqual([]);
  });

  it('names a stage the workspace does not have, once', () => {
    const m = fileMapping({
      columns: [...base.columns, { column: 'Notes', target: 'stage:demo' }],
      stageValues: { 'Demo held': 'demo' },
    });
    expect(mappingProblems(m, headers, stageKeys, 'wide')).toEqual([{ code: 'unknownStage', stage: 'demo' }]);
  });
});

describe('stage and reason values', () => {
  it('maps a CRM value to a stage, to "no stage", or back to unmapped, whatever its case', () => {
    let m = setStageValue(base, 'Closed Won', 'won');
    expect(explicitStage(m, 'closed won')).toBe('won');
    m = setStageValue(m, 'CLOSED WON', null);
    expect(m.stageValues).toEqual({ 'CLOSED WON': null });
    expect(explicitStage(m, 'Closed Won')).toBeNull();
    m = setStageValue(m, 'closed won', undefined);
    expect(m.stageValues).toEqual({});
    expect(explicitStage(m, 'Closed Won')).toBeUndefined();
  });

  it('gives a reason text a code, and takes it away', () => {
    const m = setReasonValue(base, 'Too expensive', 'price');
    expect(m.reasonValues).toEqual({ 'Too expensive': 'price' });
    expect(setReasonValue(m, 'too expensive', null).reasonValues).toEqual({});
  });
});

it('shows up to three distinct examples of a column, skipping empty cells', () => {
  const rows = [
    ['1', ''],
    ['2', 'social'],
    ['3', 'social'],
    ['4', ' email '],
    ['5', 'paid'],
    ['6', 'organic'],
  ];
  expect(sampleValues(rows, 1)).toEqual(['social', 'email', 'paid']);
  expect(sampleValues(rows, 5)).toEqual([]);
});
