import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { ChromiumPdfEngine } from '../../../src/main/documents/chromium-engine';
import { actionItemsCsv, actionItemsIcs, minutesMarkdown, minutesPdf } from '../../../src/main/meetings/exports';
import { planMeeting } from '../../../src/main/meetings/lifecycle';
import { createI18n } from '../../../src/shared/i18n';
import type { Locale } from '../../../src/shared/domain/types';
import { insertLeads } from '../../fixtures/metrics/workspace';
import { CHROMIUM_MISSING, chromiumPath, poppler, pdftotext, squash } from '../documents/tools';
import { A_START, meetingWorkspace, ZONE, type Fixture } from './fixture';
import { holdMeeting, MALICIOUS_OWNER, WORDS } from './held';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function held(locale: Locale): { fx: Fixture; id: number; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `fr-minutes-${locale}-`));
  dirs.push(dir);
  const fx = meetingWorkspace(dir, locale);
  return { fx, id: holdMeeting(fx, locale), dir };
}

describe('minutes in Markdown', () => {
  it('state attendees, figures with their definition versions, decisions, items, ratings and points not reached', () => {
    const { fx, id } = held('en');
    try {
      const { name, text } = minutesMarkdown(fx.ws, id);
      expect(name).toBe('Minutes 2026-W09.md');
      const expected = [
        '# Weekly review W09',
        'Acme · minutes of the review of week 2026-W09 (February 23, 2026 – March 1, 2026)',
        '- **Status:** Ended',
        '- Marta Gómez — Marketing lead',
        '- Sergio Ruiz — Sales lead',
        '- Priya Nair — Other',
        '| 1. SLA compliance | 10 min | 15 min |',
        '| 3. Win/loss reasons | 10 min | 0 min | not reached |',
        'Figures follow Marketing–sales SLA v1: follow-up within 4.0 business hours.',
        '| Follow-up in time | 66.7% | 2/3 | 90.0% |',
        '| MQL volume | 3 | — | 3.0 |',
        '| Bob | 1 | 0 | 1 | 0 | 0.0% (small sample) |',
        'Definitions in force: Marketing qualified lead (MQL) v1.',
        '| Marketing qualified lead (MQL) | 1 |',
        '| Lost | price | 1 | 100.0% |',
        '- Marketing qualified lead (MQL) v2: Score of 40 or more.',
        '| Marketing qualified lead (MQL) v2 | Deferred | Marta Gómez | Sergio Ruiz |',
        '1. Bob reviews his untouched MQLs every morning. — Follow-up SLA, Bob (breached)',
        '- **Call every untouched MQL; report back, with numbers**  \n  Owner: Sergio Ruiz · Due: March 6, 2026 · Status: Carried to the next meeting · Prompted by: Lead A2',
        `- **Export the breach list**  \n  Owner: ${MALICIOUS_OWNER} · Due: March 9, 2026 · Status: Carried to the next meeting\n`,
        '| Marta Gómez | 8 |',
        'Average rating: 7.5.',
        '## Points not reached (carried to the next meeting)\n\n- Win/loss reasons\n- Decisions and action items\n- Wrap-up',
        'This is the first recorded meeting.',
      ];
      for (const line of expected) expect(text, line).toContain(line);
      expect(text).toMatch(/Definition revisions used: \d+, \d+\. Import batches: —\./);
    } finally {
      fx.ws.close();
    }
  });

  it('are written in the workspace language and never change once the meeting ended, whatever is imported', () => {
    const { fx, id } = held('ru');
    try {
      const t = createI18n('ru').t;
      const before = minutesMarkdown(fx.ws, id);
      expect(before.name).toBe('Протокол 2026-W09.md');
      for (const s of [
        `## ${t('minutes.decisions')}`,
        `## ${t('minutes.actionItems')}`,
        `## ${t('minutes.scorecard')}`,
        WORDS.ru.decision,
        WORDS.ru.item,
        t('meetings.role.marketing_lead'),
        new Intl.NumberFormat('ru', { style: 'percent', minimumFractionDigits: 1 }).format(2 / 3),
        t('meetings.itemStatus.carried'),
      ]) {
        expect(before.text, s).toContain(s);
      }
      expect(before.text).not.toContain('Decisions');
      insertLeads(fx.ws, ZONE, [
        {
          id: 'LATE',
          owner: 'Bob',
          events: [
            ['lead', '2026-02-24T09:00'],
            ['mql', '2026-02-24T09:30'],
          ],
        },
      ]);
      planMeeting(fx.ws, { week: '2026-W10', attendees: [] }, A_START + 3_600_000 * 24);
      expect(minutesMarkdown(fx.ws, id)).toEqual(before);
    } finally {
      fx.ws.close();
    }
  });

  it('are refused for a meeting that has not started', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-minutes-planned-'));
    dirs.push(dir);
    const fx = meetingWorkspace(dir);
    try {
      const m = planMeeting(fx.ws, { week: '2026-W09', attendees: [] }, A_START);
      expect(() => minutesMarkdown(fx.ws, m.id)).toThrow(expect.objectContaining({ code: 'meetings.notStarted' }));
    } finally {
      fx.ws.close();
    }
  });
});

describe('action items for spreadsheets and calendars', () => {
  it('CSV: UTF-8 with BOM, CRLF, headers in the meeting language, formula-like cells neutralised', () => {
    const { fx, id } = held('es');
    try {
      const { name, text } = actionItemsCsv(fx.ws, id);
      expect(name).toBe('Acciones 2026-W09.csv');
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text).toContain('\r\n');
      const rows = parse(text.slice(1)) as string[][];
      const t = createI18n('es').t;
      expect(rows[0]).toEqual([
        t('minutes.csv.meeting'),
        t('minutes.csv.week'),
        t('minutes.item'),
        t('minutes.owner'),
        t('minutes.due'),
        t('minutes.status'),
        t('minutes.carriedFrom'),
        t('minutes.link'),
        t('minutes.csv.created'),
        t('minutes.csv.closed'),
      ]);
      expect(rows).toHaveLength(3);
      expect(rows[1]!.slice(0, 6)).toEqual([
        WORDS.es.title,
        '2026-W09',
        WORDS.es.item,
        'Sergio Ruiz',
        '2026-03-06',
        t('meetings.itemStatus.carried'),
      ]);
      expect(rows[1]![7]).toBe('Lead A2');
      // The formula owner is text now: a spreadsheet shows it instead of running it.
      expect(rows[2]![3]).toBe(`'${MALICIOUS_OWNER}`);
      for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      expect(rows[1]![8]).toMatch(/^2026-03-03T\d\d:\d\d:00\.000Z$/);
    } finally {
      fx.ws.close();
    }
  });

  it('iCalendar: one all-day event per item still to do, stable UIDs, folded lines, UTC stamps', () => {
    const { fx, id } = held('zh-CN');
    try {
      const stamp = Date.UTC(2026, 2, 3, 12);
      const first = actionItemsIcs(fx.ws, id, stamp);
      expect(first.name).toBe('待办事项 2026-W09.ics');
      const lines = first.text.split('\r\n');
      expect(lines.at(-1)).toBe('');
      for (const l of lines) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
      const unfolded = first.text.replace(/\r\n /g, '');
      expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(2);
      expect(unfolded).toContain('DTSTART;VALUE=DATE:20260306');
      expect(unfolded).toContain('DTSTART;VALUE=DATE:20260309');
      expect(unfolded).toContain('DTSTAMP:20260303T120000Z');
      expect(unfolded).toContain(
        `SUMMARY:Sergio Ruiz：${WORDS['zh-CN'].item.replace(/;/g, '\\;').replace(/,/g, '\\,')}`,
      );
      expect(unfolded).toContain('SUMMARY:\\=HYPERLINK'.replace('\\=', '='));
      const uids = [...unfolded.matchAll(/^UID:(.+)$/gm)].map((m) => m[1]);
      expect(uids).toHaveLength(2);
      expect(uids.every((u) => /^action-item-\d+-[0-9a-f]{16}@funnel-review$/.test(u!))).toBe(true);
      // Exported again later: same UIDs, so calendars update the events instead of duplicating them.
      const again = actionItemsIcs(fx.ws, id, stamp + 86_400_000).text.replace(/\r\n /g, '');
      expect([...again.matchAll(/^UID:(.+)$/gm)].map((m) => m[1])).toEqual(uids);
    } finally {
      fx.ws.close();
    }
  });
});

describe.skipIf(!chromiumPath || !poppler.pdftotext)(
  `minutes as PDF (${chromiumPath ? 'needs pdftotext from poppler-utils' : CHROMIUM_MISSING})`,
  () => {
    const engine = new ChromiumPdfEngine();

    it.each(['en', 'ru', 'zh-CN'] as const)(
      '%s: pdftotext finds the decisions and action items in the meeting language',
      async (locale) => {
        const { fx, id, dir } = held(locale);
        try {
          const pdf = await minutesPdf(fx.ws, id, engine);
          const file = path.join(dir, pdf.name);
          fs.writeFileSync(file, pdf.bytes);
          expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
          const text = squash(pdftotext(file));
          const t = createI18n(locale).t;
          for (const s of [
            WORDS[locale].title,
            t('minutes.decisions'),
            WORDS[locale].decision,
            t('minutes.actionItems'),
            WORDS[locale].item,
            'Sergio Ruiz',
            t('meetings.itemStatus.carried'),
            t('minutes.ratings'),
            t('minutes.unreached'),
          ]) {
            expect(text, `${locale}: ${s}`).toContain(squash(s));
          }
        } finally {
          fx.ws.close();
        }
      },
    );
  },
);
