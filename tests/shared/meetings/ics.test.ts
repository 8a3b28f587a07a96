import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, renderIcs, utcStamp, type IcsCalendar } from '../../../src/shared/meetings/ics';

const octets = (s: string) => new TextEncoder().encode(s).length;

/** RFC 5545 §3.1 unfolding: a CRLF followed by one space or tab is removed. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

/** §3.3.11 unescaping of a TEXT value. */
const unescape = (v: string) => v.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

/** Minimal independent parser: content lines to [name(with params), value], checking the grammar as it goes. */
function parse(text: string): Array<[string, string]> {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  return unfold(text)
    .split('\r\n')
    .filter((l) => l !== '')
    .map((line) => {
      const colon = line.indexOf(':');
      expect(colon, line).toBeGreaterThan(0);
      return [line.slice(0, colon), line.slice(colon + 1)];
    });
}

const STAMP = Date.UTC(2026, 2, 10, 9, 30, 15, 999);

const calendar = (summary: string, description: string): IcsCalendar => ({
  prodId: '-//Funnel Review//Meeting action items//EN',
  name: 'Action items — Weekly review; W10, "final"',
  events: [
    {
      uid: 'action-item-7-abc@funnel-review',
      date: '2026-03-31',
      summary,
      description,
      stamp: STAMP,
      created: Date.UTC(2026, 2, 10, 9, 0),
      categories: ['Action item', 'a,b'],
    },
    {
      uid: 'action-item-8-abc@funnel-review',
      date: '2026-12-31',
      summary: 'Short',
      description: '',
      stamp: STAMP,
      created: STAMP,
      categories: [],
    },
  ],
});

describe('iCalendar for action items', () => {
  it('escapes backslashes, semicolons, commas and line breaks in text', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    expect(unescape(escapeText('C:\\path; one, two\nthree'))).toBe('C:\\path; one, two\nthree');
  });

  it('folds at 75 octets without splitting a UTF-8 character, and unfolds to the original', () => {
    for (const text of [
      'x'.repeat(300),
      'Поручение: проверить лиды '.repeat(10),
      '待办事项：检查线索'.repeat(20),
      '😀a'.repeat(60),
    ]) {
      const line = `SUMMARY:${text}`;
      const folded = foldLine(line);
      const parts = folded.split('\r\n');
      expect(parts.length).toBeGreaterThan(1);
      parts.forEach((p, i) => {
        expect(octets(p), p).toBeLessThanOrEqual(75);
        if (i > 0) expect(p.startsWith(' ')).toBe(true);
        // No lone surrogate: every part is valid UTF-16, so no character was cut in two.
        expect(p).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      });
      expect(unfold(folded)).toBe(line);
    }
    expect(foldLine('SHORT:ok')).toBe('SHORT:ok');
  });

  it('writes UTC date-times and dates as RFC 5545 values', () => {
    expect(utcStamp(STAMP)).toBe('20260310T093015Z');
  });

  it('produces a valid calendar: CRLF lines, one VEVENT per item with UID, DTSTAMP, all-day dates', () => {
    const summary = 'Sergio Ruiz: Llamar; a todos, "ya"\\ahora — '.repeat(4);
    const description = 'Responsable: Sergio Ruiz\nDe: Revisión semanal (2026-W10)\nMotivada por: Lead A2';
    const text = renderIcs(calendar(summary, description));
    const lines = parse(text);
    for (const raw of text.split('\r\n')) expect(octets(raw)).toBeLessThanOrEqual(75);
    expect(lines[0]).toEqual(['BEGIN', 'VCALENDAR']);
    expect(lines.at(-1)).toEqual(['END', 'VCALENDAR']);
    expect(lines.filter(([n]) => n === 'VERSION')).toEqual([['VERSION', '2.0']]);
    expect(lines.some(([n]) => n === 'PRODID')).toBe(true);
    const events: Array<Map<string, string>> = [];
    let current: Map<string, string> | null = null;
    for (const [name, value] of lines) {
      if (name === 'BEGIN' && value === 'VEVENT') current = new Map();
      else if (name === 'END' && value === 'VEVENT') {
        events.push(current!);
        current = null;
      } else if (current) current.set(name, value);
    }
    expect(events).toHaveLength(2);
    const first = events[0]!;
    expect(first.get('UID')).toBe('action-item-7-abc@funnel-review');
    expect(first.get('DTSTAMP')).toBe('20260310T093015Z');
    expect(first.get('CREATED')).toBe('20260310T090000Z');
    expect(first.get('DTSTART;VALUE=DATE')).toBe('20260331');
    expect(first.get('DTEND;VALUE=DATE')).toBe('20260401');
    expect(unescape(first.get('SUMMARY')!)).toBe(summary);
    expect(unescape(first.get('DESCRIPTION')!)).toBe(description);
    expect(first.get('CATEGORIES')).toBe('Action item,a\\,b');
    expect(events[1]!.get('DTEND;VALUE=DATE')).toBe('20270101');
    expect(events[1]!.has('CATEGORIES')).toBe(false);
    expect(new Set(events.map((e) => e.get('UID'))).size).toBe(2);
    // Every DATE-TIME is UTC.
    for (const [name, value] of lines)
      if (['DTSTAMP', 'CREATED'].includes(name)) expect(value).toMatch(/^\d{8}T\d{6}Z$/);
  });
});
