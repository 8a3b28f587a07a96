/**
 * iCalendar (RFC 5545) for action items: one all-day VEVENT on each item's due date, so the items
 * show up in any calendar (many calendars ignore VTODO). Text is escaped (§3.3.11), content lines
 * are folded at 75 octets of UTF-8 without splitting a character (§3.1), lines end with CRLF, and
 * every DATE-TIME is UTC (`Z`). UIDs are stable per item, so importing again updates, not duplicates.
 */

export interface IcsEvent {
  readonly uid: string;
  /** YYYY-MM-DD: an all-day event on that date. */
  readonly date: string;
  readonly summary: string;
  readonly description: string;
  /** Epoch ms. */
  readonly stamp: number;
  readonly created: number;
  readonly categories: readonly string[];
}

export interface IcsCalendar {
  readonly prodId: string;
  readonly name: string;
  readonly events: readonly IcsEvent[];
}

/** TEXT value escaping: backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

function octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Splits a content line into lines of at most 75 octets; continuation lines start with a space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = octets(ch.codePointAt(0)!);
    // The first line holds 75 octets; continuations 74 after their leading space.
    const limit = out.length === 0 ? 75 : 74;
    if (size + n > limit) {
      out.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** `YYYYMMDDTHHMMSSZ`. */
export function utcStamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

function dateValue(iso: string): string {
  return iso.replace(/-/g, '');
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function renderIcs(calendar: IcsCalendar): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${calendar.prodId}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
  ];
  for (const e of calendar.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${utcStamp(e.stamp)}`,
      `CREATED:${utcStamp(e.created)}`,
      `DTSTART;VALUE=DATE:${dateValue(e.date)}`,
      `DTEND;VALUE=DATE:${dateValue(nextDay(e.date))}`,
      `SUMMARY:${escapeText(e.summary)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      ...(e.categories.length ? [`CATEGORIES:${e.categories.map(escapeText).join(',')}`] : []),
      // A reminder of a due date, not a busy slot.
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
