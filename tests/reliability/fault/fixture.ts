import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { composeTerms } from '../../../src/main/documents/compose';
import { createIdentity, toPkcs12 } from '../../../src/main/documents/identity';
import { renderSlaPdf } from '../../../src/main/documents/render';
import { planMeeting } from '../../../src/main/meetings/lifecycle';
import { MeetingRepository } from '../../../src/main/meetings/meeting-repository';
import { generateSample } from '../../../src/main/sample/generate';
import { Workspace } from '../../../src/main/workspace/workspace';
import { shiftWeek, weekOfDate } from '../../../src/shared/meetings/week';
import { recordFigures } from '../support/figures';
import { crashTest, type CrashPlan, type CrashReport } from './harness';
import { TestPdfEngine } from './pdf-engine';

const DAY = 86_400_000;

/**
 * One sample workspace for the crash tests (3,000 leads, a planned meeting), with what the writes
 * need beside it: a CSV of new leads, an unsigned SLA document of this workspace and a signer.
 */
export interface CrashFixture {
  readonly dir: string;
  readonly original: string;
  readonly now: number;
  readonly csv: string;
  readonly meetingId: number;
  readonly pdf: string;
  readonly p12: string;
  readonly passphrase: string;
}

export async function crashFixture(): Promise<CrashFixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-crash-'));
  const now = Math.floor(Date.now() / DAY) * DAY + 9 * 3_600_000;
  const original = path.join(dir, 'original.db');
  const pdf = path.join(dir, 'sla.pdf');
  let meetingId: number;
  const ws = Workspace.create(original, { name: 'Crash sample' });
  try {
    generateSample(ws, { seed: 5, leads: 3000 });
    const last = ws
      .repo(MeetingRepository)
      .list()
      .map((m) => m.weekStart)
      .sort()
      .at(-1)!;
    meetingId = planMeeting(ws, { week: shiftWeek(weekOfDate(last).week, 1).week, attendees: [] }, now - DAY).id;
    const terms = composeTerms(
      ws,
      {
        company: 'Crash Sample Ltd',
        marketing: { name: 'Ana Souza', email: 'ana@crash.example' },
        sales: { name: 'Ivan Petrov', email: 'ivan@crash.example' },
      },
      now - DAY,
    );
    fs.writeFileSync(pdf, (await renderSlaPdf(terms, new TestPdfEngine(), 'Funnel Review crash test')).bytes);
  } finally {
    ws.close();
  }
  const passphrase = 'crash test passphrase';
  const p12 = path.join(dir, 'ana.p12');
  const identity = createIdentity({
    name: 'Ana Souza',
    role: 'Head of Marketing',
    company: 'Crash Sample Ltd',
    email: 'ana@crash.example',
    days: 365,
    now: now - DAY,
  });
  fs.writeFileSync(p12, toPkcs12(identity, passphrase));
  const csv = path.join(dir, 'new-leads.csv');
  const lines = ['lead_id,created_at,source,owner,mql_date'];
  for (let i = 0; i < 6000; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(`CRASH-${i},2026-03-${day} 10:00,src${i % 7},owner${i % 13},${i % 2 ? `2026-04-${day} 11:00` : ''}`);
  }
  fs.writeFileSync(csv, `${lines.join('\n')}\n`);
  return { dir, original, now, csv, meetingId, pdf, p12, passphrase };
}

/** What the app does when it opens a workspace: inspection with the integrity check, then a normal open. */
export const reopenAsTheApp = (file: string): void => Workspace.open(file).close();

/** Runs a crash plan and asserts old-or-new at every kill, the expected side of the commit, and no lost rows. */
export async function proveCrashSafe(fx: CrashFixture, plan: Omit<CrashPlan, 'original'>): Promise<CrashReport> {
  const report = await crashTest({ ...plan, original: fx.original }, path.join(fx.dir, plan.name));
  const summary = report.outcomes
    .map((o) => `${o.point}${o.killed ? '' : ' (finished first)'} → ${o.state}`)
    .join('; ');
  console.log(`crash (${plan.name}, ${report.writes} statements): ${summary}`);
  for (const o of report.outcomes) {
    expect(o.state, `${plan.name}, killed ${o.point}: ${o.detail}`).not.toBe('mix');
    if (o.expected) expect(o.state, `${plan.name}, killed ${o.point}`).toBe(o.expected);
  }
  expect(report.rowsLost).toBe(0);
  recordFigures('faults', `crash-${plan.name}`, {
    'SIGKILL crashes injected': report.outcomes.length,
    'killed mid-write': report.outcomes.filter((o) => o.killed).length,
    'reopened as old': report.outcomes.filter((o) => o.state === 'old').length,
    'reopened as new': report.outcomes.filter((o) => o.state === 'new').length,
    'mixed states': report.outcomes.filter((o) => o.state === 'mix').length,
    'rows lost': report.rowsLost,
  });
  return report;
}
