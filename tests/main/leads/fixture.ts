import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { createDispatch } from '../../../src/main/runtime/dispatch';
import { handlers } from '../../../src/main/runtime/handlers';
import { Runtime } from '../../../src/main/runtime/runtime';
import { errorFromPayload, type ApiResult } from '../../../src/shared/errors';
import type { JobStatus } from '../../../src/shared/jobs/types';

export const ZONE = 'Europe/Madrid';
/** Lead i is created i hours after this instant. */
export const BASE = DateTime.fromISO('2026-03-02T08:00', { zone: ZONE }).toMillis();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** What the fixture wrote, so tests compute expected answers in plain code. */
export interface SpecLead {
  readonly externalId: string;
  readonly createdAt: number;
  readonly segment: string | null;
  readonly source: string;
  readonly campaign: string | null;
  readonly country: string;
  readonly owner: string | null;
  readonly score: number | null;
  readonly amount: number | null;
  readonly custom: { industry: string; employees: string };
  /** [stage key, instant, reason code] in time order. */
  readonly events: ReadonlyArray<readonly [string, number, string | null]>;
  readonly touches: readonly number[];
}

/** Names that would run as formulas in a spreadsheet, and a plain negative number that must stay a number. */
export const MALICIOUS_ID = '=HYPERLINK("http://x","y")';
export const AT_FORMULA = '@SUM(1)';
export const NEGATIVE = '-5';

export function specLeads(count: number): SpecLead[] {
  const leads: SpecLead[] = [];
  for (let i = 1; i <= count; i++) {
    const created = BASE + i * HOUR;
    const events: Array<readonly [string, number, string | null]> = [['lead', created, null]];
    if (i % 2 === 0) events.push(['mql', created + DAY, null]);
    if (i % 4 === 0) events.push(['sal', created + 2 * DAY, null]);
    if (i % 8 === 0) events.push(['won', created + 5 * DAY, 'best_fit']);
    else if (i % 12 === 6) events.push(['lost', created + 3 * DAY, 'price']);
    leads.push({
      externalId: i === 7 ? MALICIOUS_ID : i === 8 ? AT_FORMULA : i === 9 ? NEGATIVE : `L${String(i).padStart(4, '0')}`,
      createdAt: created,
      segment: [null, 'SMB', 'Mid-market', 'Enterprise'][i % 4] ?? null,
      source: ['Google Ads', 'LinkedIn', 'Events'][i % 3]!,
      campaign: i % 5 === 0 ? null : `C${i % 5}`,
      country: i % 7 < 3 ? 'BR' : i % 7 < 5 ? 'ES' : 'RU',
      owner: [null, 'Ana', 'Bob', 'Chen', 'Dana'][i % 5] ?? null,
      score: i % 11 === 0 ? null : (i % 10) * 10,
      amount: i % 6 === 0 ? null : i * 100,
      custom: { industry: i % 3 === 0 ? 'Retail' : 'Tech', employees: String(i) },
      events,
      touches: i % 4 === 0 ? [created + DAY + 2 * HOUR] : [],
    });
  }
  return leads;
}

export interface LeadsSession {
  readonly rt: Runtime;
  readonly dir: string;
  readonly file: string;
  readonly leads: SpecLead[];
  readonly ids: Map<string, number>;
  call<T>(wire: string, input?: unknown): Promise<T>;
  waitJob<T>(status: JobStatus<T>): Promise<JobStatus<T>>;
  /** Closes the workspace and removes the folder (a session may span a whole describe block). */
  dispose(): void;
}

/** A real workspace file with `count` leads, their stage events, touches, one batch and two reasons. */
export async function leadsSession(count = 240): Promise<LeadsSession> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-leads-'));
  const rt = new Runtime({ dataDir: path.join(dir, 'data'), host: 'cli', appVersion: 'test' });
  const dispatch = createDispatch(rt, handlers, () => undefined);
  const call = async <T>(wire: string, input: unknown = {}): Promise<T> => {
    const r = (await dispatch(wire, input)) as ApiResult<T>;
    if (!r.ok) throw errorFromPayload(r.error);
    return r.value;
  };
  const file = path.join(dir, 'leads.db');
  await call('workspace.create', { path: file, timeZone: ZONE });
  const db = rt.requireWorkspace().db;
  const leads = specLeads(count);
  const ids = new Map<string, number>();
  const stage = new Map(
    (db.prepare('SELECT id, key FROM stages').all() as Array<{ id: number; key: string }>).map((s) => [s.key, s.id]),
  );
  db.transaction(() => {
    const batch = db
      .prepare("INSERT INTO import_batches (file_name, file_hash, created_at) VALUES ('crm-export.csv', 'abc', ?)")
      .run(BASE).lastInsertRowid;
    db.prepare('INSERT INTO reasons (kind, code, labels, active) VALUES (?, ?, ?, ?)').run(
      'loss',
      'price',
      JSON.stringify({ en: 'Price too high', ru: 'Слишком дорого' }),
      1,
    );
    db.prepare('INSERT INTO reasons (kind, code, labels, active) VALUES (?, ?, ?, ?)').run(
      'win',
      'best_fit',
      JSON.stringify({ en: 'Best fit' }),
      0,
    );
    const lead = db.prepare(
      `INSERT INTO leads (external_id, created_at, source, campaign, segment, country, owner, score, amount, currency, assigned_at, outcome_reason_code, custom, batch_id)
       VALUES (@externalId, @createdAt, @source, @campaign, @segment, @country, @owner, @score, @amount, @currency, @assigned, @outcome, @custom, @batch)`,
    );
    const event = db.prepare(
      'INSERT INTO stage_events (lead_id, stage_id, entered_at, reason_code, batch_id) VALUES (?, ?, ?, ?, ?)',
    );
    const touch = db.prepare("INSERT INTO touches (lead_id, touched_at, channel, batch_id) VALUES (?, ?, 'call', ?)");
    for (const l of leads) {
      const id = Number(
        lead.run({
          ...l,
          custom: JSON.stringify(l.custom),
          currency: l.amount === null ? null : 'EUR',
          assigned: l.owner === null ? null : l.createdAt + HOUR,
          outcome: l.events.at(-1)?.[2] ?? null,
          batch,
        }).lastInsertRowid,
      );
      ids.set(l.externalId, id);
      for (const [key, at, reason] of l.events) event.run(id, stage.get(key), at, reason, batch);
      for (const at of l.touches) touch.run(id, at, batch);
    }
  })();
  const waitJob = async <T>(status: JobStatus<T>): Promise<JobStatus<T>> => {
    let s = status;
    while (s.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      s = await call<JobStatus<T>>('jobs.get', { id: status.id });
    }
    return s;
  };
  const dispose = () => {
    rt.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { rt, dir, file, leads, ids, call, waitJob, dispose };
}
