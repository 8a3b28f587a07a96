import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import type { Workspace } from '../workspace/workspace';
import type { FileStore } from '../files/store';
import { pdfEngine, type PdfEngine } from '../documents/pdf-engine';
import { AppError } from '../../shared/errors';
import { createI18n } from '../../shared/i18n';
import type { FileRef } from '../../shared/domain/types';
import { actionItemsCalendar, actionItemsTable } from '../../shared/meetings/actions-export';
import { MeetingWords } from '../../shared/meetings/describe';
import { renderIcs } from '../../shared/meetings/ics';
import { buildMinutes } from '../../shared/meetings/minutes/build';
import { MINUTES_PAGE, renderMinutesHtml } from '../../shared/meetings/minutes/html';
import { renderMarkdown } from '../../shared/meetings/minutes/markdown';
import type { MeetingDetail, Snapshot } from '../../shared/meetings/types';
import { requireMeeting } from './access';
import { meetingDetail } from './detail';
import { MeetingRepository } from './meeting-repository';
import { readSnapshot } from './snapshot';

/**
 * Minutes (Markdown, PDF) and action items (CSV, iCalendar) of a meeting, in the meeting's
 * language (the workspace language), handed to the front end as files of the session's store.
 */

/** Writes a produced file into the store; nothing is registered if writing fails. */
function produce(files: FileStore, name: string, bytes: Uint8Array | string): FileRef {
  const slot = files.reserve(name);
  try {
    fs.writeFileSync(slot.path, bytes);
    return slot.commit();
  } catch (e) {
    fs.rmSync(slot.path, { force: true });
    throw e;
  }
}

interface Loaded {
  readonly meeting: MeetingDetail;
  readonly snapshot: Snapshot;
  readonly titles: Map<number, string>;
  readonly fileBase: string;
}

function load(ws: Workspace, id: number): Loaded {
  const row = requireMeeting(ws, id);
  const snapshot = readSnapshot(ws, row.id);
  if (!snapshot) throw new AppError('meetings.notStarted', { title: row.title });
  const titles = new Map(
    ws
      .repo(MeetingRepository)
      .list()
      .map((m) => [m.id, m.title]),
  );
  return { meeting: meetingDetail(ws, row.id), snapshot, titles, fileBase: `${snapshot.week.week}` };
}

function minutesDocument(ws: Workspace, l: Loaded) {
  const locale = ws.settings().locale;
  return buildMinutes({
    meeting: l.meeting,
    snapshot: l.snapshot,
    locale,
    t: createI18n(locale).t,
    meetingTitles: l.titles,
    workspaceName: ws.settings().name,
  });
}

export function minutesMarkdown(ws: Workspace, id: number): { name: string; text: string } {
  const l = load(ws, id);
  const locale = ws.settings().locale;
  return {
    name: `${createI18n(locale).t('minutes.fileName', { week: l.fileBase })}.md`,
    text: renderMarkdown(minutesDocument(ws, l)),
  };
}

export async function minutesPdf(
  ws: Workspace,
  id: number,
  engine: PdfEngine,
): Promise<{ name: string; bytes: Uint8Array }> {
  const l = load(ws, id);
  const locale = ws.settings().locale;
  const page = renderMinutesHtml(minutesDocument(ws, l));
  const bytes = await engine.print(page.html, {
    ...MINUTES_PAGE,
    footerHtml: page.footerHtml,
    headerHtml: '<span></span>',
  });
  return { name: `${createI18n(locale).t('minutes.fileName', { week: l.fileBase })}.pdf`, bytes };
}

export async function exportMinutes(
  ws: Workspace,
  files: FileStore,
  id: number,
  format: 'md' | 'pdf',
): Promise<FileRef> {
  if (format === 'md') {
    const md = minutesMarkdown(ws, id);
    return produce(files, md.name, md.text);
  }
  const pdf = await minutesPdf(ws, id, await pdfEngine());
  return produce(files, pdf.name, pdf.bytes);
}

function actionsContext(ws: Workspace, l: Loaded) {
  const locale = ws.settings().locale;
  const t = createI18n(locale).t;
  return { t, ctx: { meeting: l.meeting, t, words: new MeetingWords(t, locale, l.snapshot), meetingTitles: l.titles } };
}

/** UTF-8 with a BOM (so spreadsheets read Cyrillic and Chinese right) and CRLF rows (RFC 4180). */
export function actionItemsCsv(ws: Workspace, id: number): { name: string; text: string } {
  const l = load(ws, id);
  const { t, ctx } = actionsContext(ws, l);
  return {
    name: `${t('minutes.actionsFileName', { week: l.fileBase })}.csv`,
    text: `\uFEFF${stringify(actionItemsTable(l.meeting.actionItems, ctx), { record_delimiter: 'windows' })}`,
  };
}

/** `stamp` is DTSTAMP: when the calendar was produced. */
export function actionItemsIcs(ws: Workspace, id: number, stamp: number): { name: string; text: string } {
  const l = load(ws, id);
  const { t, ctx } = actionsContext(ws, l);
  // UIDs stay the same across exports, renames and copies of the file, and differ between workspaces.
  const scope = createHash('sha256')
    .update(`funnel-review-workspace|${ws.settings().createdAt}`)
    .digest('hex')
    .slice(0, 16);
  return {
    name: `${t('minutes.actionsFileName', { week: l.fileBase })}.ics`,
    text: renderIcs(actionItemsCalendar(l.meeting.actionItems, ctx, scope, stamp)),
  };
}

export function exportActions(
  ws: Workspace,
  files: FileStore,
  id: number,
  format: 'csv' | 'ics',
  now: number,
): FileRef {
  const out = format === 'csv' ? actionItemsCsv(ws, id) : actionItemsIcs(ws, id, now);
  return produce(files, out.name, out.text);
}
