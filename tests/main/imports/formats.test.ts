import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import type { PreviewResult } from '../../../src/shared/imports/types';
import { session, type Session } from './helpers';

let s: Session;
afterEach(() => s?.dispose());

function rows<T>(sql: string): T[] {
  return s.rt.requireWorkspace().db.prepare(sql).all() as T[];
}

/** A realistic export in each language: enough text for statistical detection, as the UI warns tiny samples are not. */
const SAMPLES = {
  ru: [
    'ID лида;Имя;Источник;Дата создания;Сумма',
    (i: number) => `R${i};Иван Петров ${i};Яндекс Директ;0${(i % 9) + 1}.02.2024;1 234,50`,
  ],
  pt: [
    'ID do lead;Nome;Origem;Data de criação;Valor',
    (i: number) => `P${i};João Conceição ${i};Indicação de cliente;2${i % 8}/02/2024;R$ 1.234,50`,
  ],
  es: [
    'Id del lead,Nombre,Fuente,Fecha de creación,Importe',
    (i: number) => `E${i},José Muñoz ${i},Búsqueda orgánica,1${i % 9}/03/2024,"€1.234,50"`,
  ],
  zh: ['线索编号,姓名,来源,创建日期,金额', (i: number) => `Z${i},张伟${i},百度推广搜索,2024/02/1${i % 9},￥12000`],
} as const;

function text(lang: keyof typeof SAMPLES, n = 40, newline = '\n'): string {
  const [header, row] = SAMPLES[lang];
  return [header, ...Array.from({ length: n }, (_, i) => row(i))].join(newline) + newline;
}

async function preview(file: string, extra: Record<string, unknown> = {}): Promise<PreviewResult> {
  return s.call<PreviewResult>('imports.preview', { files: [{ fileId: s.rt.files.registerPath(file).id, ...extra }] });
}

describe('encodings', () => {
  const cases: Array<[string, keyof typeof SAMPLES, string, boolean, string]> = [
    ['UTF-8 without BOM', 'pt', 'utf-8', false, 'utf-8'],
    ['UTF-8 with BOM', 'ru', 'utf-8', true, 'utf-8'],
    ['UTF-16 LE with BOM (Excel "Unicode text")', 'zh', 'utf-16le', true, 'utf-16le'],
    ['UTF-16 BE with BOM', 'es', 'utf-16be', true, 'utf-16be'],
    ['UTF-16 LE without BOM', 'pt', 'utf-16le', false, 'utf-16le'],
    ['Windows-1251', 'ru', 'windows-1251', false, 'windows-1251'],
    ['Windows-1252', 'es', 'windows-1252', false, 'windows-1252'],
    ['Latin-1', 'pt', 'latin1', false, 'windows-1252'],
    ['GBK', 'zh', 'gbk', false, 'gb18030'],
    ['GB18030', 'zh', 'gb18030', false, 'gb18030'],
  ];
  it.each(cases)('%s is detected and every character survives', async (_name, lang, encoding, withBom, detected) => {
    s = await session();
    const file = s.file(`${lang}.csv`, iconv.encode(text(lang), encoding, { addBOM: withBom }));
    const p = await preview(file);
    expect(p.files[0]!.format.encoding).toBe(detected);
    const r = await s.importFiles([file]);
    expect(r.counts).toMatchObject({ leadsInserted: 40, rowsRejected: 0 });
    const sources = rows<{ source: string }>('SELECT DISTINCT source FROM leads');
    expect(sources).toEqual([{ source: text(lang).split('\n')[1]!.split(/[;,]/)[2] }]);
    expect(sources[0]!.source).toMatch(/[^\p{ASCII}]/u);
  });

  it('a tiny Windows-1251 file is misdetected, and the override reads it', async () => {
    s = await session();
    const file = s.file('tiny.csv', iconv.encode('lead_id;created_at;source\n1;2024-01-01;Яндекс\n', 'windows-1251'));
    const guessed = await preview(file);
    expect(guessed.files[0]!.format.encoding).not.toBe('windows-1251');
    const r = await s.importFiles([file], {}, { encoding: 'cp1251' });
    expect(r.counts.leadsInserted).toBe(1);
    expect(rows<{ source: string }>('SELECT source FROM leads')[0]!.source).toBe('Яндекс');
  });
});

describe('locales: dates and numbers', () => {
  it('reads dd.mm.yyyy, decimal commas with spaced thousands and ruble signs (Russian export)', async () => {
    s = await session({ timeZone: 'Europe/Moscow' });
    const r = await s.importFiles([s.file('ru.csv', iconv.encode(text('ru'), 'windows-1251'))]);
    expect(r.decimalDecisions[0]).toMatchObject({ decimal: ',', basis: 'data' });
    const lead = rows<{ created_at: number; amount: number }>(
      `SELECT created_at, amount FROM leads WHERE external_id = 'R0'`,
    )[0]!;
    // 01.02.2024 is midnight in Moscow (UTC+3).
    expect(new Date(lead.created_at).toISOString()).toBe('2024-01-31T21:00:00.000Z');
    expect(lead.amount).toBe(1234.5);
  });

  it('decides day/month from the data and says so; R$ and € go to the currency', async () => {
    s = await session();
    const pt = await s.importFiles([s.file('pt.csv', text('pt'))]);
    expect(pt.dateDecisions[0]).toMatchObject({ order: 'dmy', basis: 'data' });
    expect(rows(`SELECT currency, amount FROM leads WHERE external_id = 'P1'`)).toEqual([
      { currency: 'BRL', amount: 1234.5 },
    ]);
    const es = await s.importFiles([s.file('es.csv', text('es'))]);
    expect(es.dateDecisions[0]).toMatchObject({
      order: 'dmy',
      basis: 'data',
      example: expect.stringMatching(/^1\d\/03\/2024$/),
    });
    expect(rows(`SELECT currency, amount FROM leads WHERE external_id = 'E1'`)).toEqual([
      { currency: 'EUR', amount: 1234.5 },
    ]);
    const zh = await s.importFiles([s.file('zh.csv', text('zh'))]);
    expect(zh.counts.leadsInserted).toBe(40);
    expect(rows(`SELECT currency, amount FROM leads WHERE external_id = 'Z1'`)).toEqual([
      { currency: 'CNY', amount: 12000 },
    ]);
  });

  it('reads month/day files when the data shows it, and assumes (and says) day/month when nothing tells', async () => {
    s = await session();
    const us = await s.importFiles([
      s.file('us.csv', 'lead_id,created_at\nA,1/5/2024 2:30 PM\nB,12/25/2024 9:00 AM\n'),
    ]);
    expect(us.dateDecisions[0]).toMatchObject({ order: 'mdy', basis: 'data', example: '12/25/2024 9:00 AM' });
    expect(rows<{ t: number }>(`SELECT created_at AS t FROM leads WHERE external_id = 'A'`)[0]!.t).toBe(
      Date.UTC(2024, 0, 5, 14, 30),
    );
    const p = await preview(s.file('vague.csv', 'lead_id,created_at\nC,01/02/2024\nD,03/04/2024\n'));
    expect(p.files[0]!.dateDecisions[0]).toMatchObject({ order: 'dmy', basis: 'assumed' });
  });

  it('detects tab and pipe delimiters, and reads a long file (one row per stage change) in Portuguese', async () => {
    s = await session();
    const tsv = await s.importFiles([
      s.file('t.tsv', 'Lead ID\tCreated date\tSource\nT1\t2024-01-01\tweb, organic\nT2\t2024-01-02\tads\n'),
    ]);
    expect(tsv.counts.leadsInserted).toBe(2);
    expect(rows(`SELECT source FROM leads WHERE external_id = 'T1'`)).toEqual([{ source: 'web, organic' }]);
    const pipe = await s.importFiles([
      s.file(
        'p.txt',
        'ID do lead|Etapa|Data|Motivo\nT1|MQL|05/01/2024|\nT1|Perdido|20/01/2024|Preço\nT2|Lead|02/01/2024|\n',
      ),
    ]);
    expect(pipe.counts).toMatchObject({ leadsInserted: 0, stageEventsAdded: 3, rowsRejected: 0 });
    expect(
      rows(
        `SELECT l.external_id, st.key, e.entered_at, e.reason_text FROM stage_events e JOIN leads l ON l.id = e.lead_id JOIN stages st ON st.id = e.stage_id ORDER BY e.id`,
      ),
    ).toEqual([
      { external_id: 'T1', key: 'mql', entered_at: Date.UTC(2024, 0, 5), reason_text: null },
      { external_id: 'T1', key: 'lost', entered_at: Date.UTC(2024, 0, 20), reason_text: 'Preço' },
      { external_id: 'T2', key: 'lead', entered_at: Date.UTC(2024, 0, 2), reason_text: null },
    ]);
  });

  it('reads Excel workbooks: the chosen sheet, real dates, serial dates and numbers', async () => {
    s = await session();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').addRow(['not the data']);
    const ws = wb.addWorksheet('Leads');
    ws.addRow(['Lead ID', 'Create Date', 'Amount', 'Won date']);
    ws.addRow(['X1', new Date(Date.UTC(2024, 1, 3, 10, 30)), 1234.5, null]);
    ws.addRow(['X2', 45000, 99, new Date(Date.UTC(2024, 2, 1))]);
    const file = `${s.dir}/leads.xlsx`;
    await wb.xlsx.writeFile(file);
    const p = await preview(file, { sheet: 'Leads' });
    expect(p.files[0]!.format).toMatchObject({ kind: 'xlsx', sheet: 'Leads', sheets: ['Notes', 'Leads'] });
    const r = await s.importFiles([file], {}, { sheet: 'Leads' });
    expect(r.counts).toMatchObject({ leadsInserted: 2, stageEventsAdded: 1 });
    expect(rows(`SELECT external_id, created_at, amount FROM leads ORDER BY id`)).toEqual([
      { external_id: 'X1', created_at: Date.UTC(2024, 1, 3, 10, 30), amount: 1234.5 },
      { external_id: 'X2', created_at: Date.UTC(2023, 2, 15), amount: 99 },
    ]);
    await expect(s.importFiles([file], {}, { sheet: 'Nope' })).rejects.toMatchObject({
      code: 'imports.sheetNotFound',
      params: { sheets: 'Notes, Leads' },
    });
  });

  it('skips Salesforce report footers at the end, and keeps a "Total" row that is followed by data', async () => {
    s = await session();
    const file = s.file(
      'report.csv',
      [
        '"Opportunity Owner","Opportunity Name","Stage","Close Date","Created Date","Opportunity ID","Amount","Account Name"',
        '"Ana Silva","Acme - 200 units","Closed Won","2/26/2024","1/10/2024","0065e00000ABC01","$12,000.00","Acme"',
        '"Ana Silva","Globex renewal","Negotiation/Review","3/30/2024","2/01/2024","0065e00000ABC02","$5,500.00","Globex"',
        '"Bob Lee","Initech","Closed Lost","3/02/2024","1/15/2024","0065e00000ABC03","$800.00","Initech"',
        '',
        '"Grand Totals (3 records)","","","","","","$18,300.00",""',
        '',
        '"Confidential Information - Do Not Distribute"',
        '"Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved."',
        '',
      ].join('\r\n'),
    );
    const r = await s.importFiles([file], { preset: 'salesforce-opportunities' });
    expect(r.counts).toMatchObject({ leadsInserted: 3, footerRowsSkipped: 3, rowsRejected: 0, stageEventsAdded: 2 });
    expect(rows(`SELECT external_id, amount, currency, owner FROM leads ORDER BY id`)).toEqual([
      { external_id: '0065e00000ABC01', amount: 12000, currency: 'USD', owner: 'Ana Silva' },
      { external_id: '0065e00000ABC02', amount: 5500, currency: 'USD', owner: 'Ana Silva' },
      { external_id: '0065e00000ABC03', amount: 800, currency: 'USD', owner: 'Bob Lee' },
    ]);
  });
});
