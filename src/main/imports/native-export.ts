import fs from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { openDb } from '../db/driver';
import type { JobControl } from '../jobs/registry';
import { neutralizeCell } from '../../shared/export/formula';
import { ExportRepository } from './export-repository';
import { NATIVE_CUSTOM_PREFIX, NATIVE_EVENT_COLUMNS, NATIVE_LEAD_COLUMNS } from '../../shared/imports/fields';
import { nextTurn } from '../jobs/turns';

const CHUNK_ROWS = 5000;

function time(ms: number | null): string {
  return ms === null ? '' : new Date(ms).toISOString();
}

function num(n: number | null): string {
  return n === null ? '' : String(n);
}

/** The CSV column of a custom field: its name, prefixed when it would collide with a native column. */
export function customColumn(key: string): string {
  const native: readonly string[] = NATIVE_LEAD_COLUMNS;
  return native.includes(key) || key.startsWith(NATIVE_CUSTOM_PREFIX) ? `${NATIVE_CUSTOM_PREFIX}${key}` : key;
}

function customValues(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null ? { ...v } : {};
  } catch {
    return {};
  }
}

class CsvFile {
  private readonly fd: number;
  private buffer: string[][] = [];
  rows = 0;

  constructor(path: string, header: readonly string[]) {
    this.fd = fs.openSync(path, 'w');
    // A BOM so spreadsheets read UTF-8 (Cyrillic and Chinese names) correctly; our import skips it.
    fs.writeSync(this.fd, `\uFEFF${stringify([header.map(neutralizeCell)])}`);
  }

  add(cells: string[]): void {
    this.buffer.push(cells.map(neutralizeCell));
    this.rows++;
  }

  get pending(): number {
    return this.buffer.length;
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    fs.writeSync(this.fd, stringify(this.buffer));
    this.buffer = [];
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

async function exportLeads(
  repo: ExportRepository,
  path: string,
  ctl: JobControl,
  progress: (rows: number) => void,
): Promise<number> {
  const keys = repo.customKeys();
  const file = new CsvFile(path, [...NATIVE_LEAD_COLUMNS, ...keys.map(customColumn)]);
  try {
    const rows = repo.leads();
    for (const r of rows) {
      const custom = keys.length > 0 ? customValues(r.custom) : {};
      file.add([
        r.external_id,
        time(r.created_at),
        r.source ?? '',
        r.campaign ?? '',
        r.segment ?? '',
        r.country ?? '',
        r.owner ?? '',
        num(r.score),
        num(r.amount),
        r.currency ?? '',
        time(r.first_touch_at),
        time(r.assigned_at),
        r.outcome_reason_text ?? '',
        r.outcome_reason_code ?? '',
        ...keys.map((k) => {
          const v = custom[k];
          return v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v);
        }),
      ]);
      if (file.pending >= CHUNK_ROWS) {
        file.flush();
        progress(file.rows);
        await nextTurn(ctl);
      }
    }
    return file.rows;
  } finally {
    file.close();
  }
}

async function exportEvents(
  repo: ExportRepository,
  path: string,
  ctl: JobControl,
  progress: (rows: number) => void,
): Promise<number> {
  const file = new CsvFile(path, NATIVE_EVENT_COLUMNS);
  try {
    const rows = repo.events();
    for (const r of rows) {
      file.add([r.external_id, r.key, time(r.entered_at), r.reason_code ?? '', r.reason_text ?? '']);
      if (file.pending >= CHUNK_ROWS) {
        file.flush();
        progress(file.rows);
        await nextTurn(ctl);
      }
    }
    return file.rows;
  } finally {
    file.close();
  }
}

/**
 * Writes the interchange format (docs/import.md): leads.csv and stage_events.csv, from one
 * consistent snapshot read on its own connection. Every cell goes through the formula guard;
 * importing the pair with the `native` preset gives back the same leads and events.
 */
export async function exportNative(
  workspacePath: string,
  out: { leads: string; stageEvents: string },
  ctl: JobControl,
): Promise<{ leads: number; stageEvents: number }> {
  const db = openDb(workspacePath, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // One read transaction: both files describe the same moment even if an import commits meanwhile.
    db.exec('BEGIN');
    const repo = new ExportRepository(db);
    const total = repo.total();
    ctl.progress({ done: 0, total, unit: 'rows', phase: 'imports.exporting' });
    const leads = await exportLeads(repo, out.leads, ctl, (n) => ctl.progress({ done: n }));
    const stageEvents = await exportEvents(repo, out.stageEvents, ctl, (n) => ctl.progress({ done: leads + n }));
    db.exec('COMMIT');
    return { leads, stageEvents };
  } finally {
    db.close();
  }
}
