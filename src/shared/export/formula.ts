/**
 * Spreadsheet formula injection guard for every CSV the app writes (OWASP "CSV injection").
 * Excel, LibreOffice and Google Sheets run a cell that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return as a formula, so a lead named `=HYPERLINK(...)` could act when a leader opens an
 * export. Such cells get a leading `'`, which spreadsheets show as text.
 *
 * The mapping is reversible so the app's own interchange format loses nothing: a value that already
 * starts with quotes followed by a trigger (`'=x`) gets one more quote, and `restoreCell` removes
 * exactly one. Plain numbers (`-5`, `+1.5e3`) are left alone: spreadsheets read them as numbers.
 */

const TRIGGER = /^'*[=+\-@\t\r]/;
const QUOTED_TRIGGER = /^'+[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export function isPlainNumber(value: string): boolean {
  return PLAIN_NUMBER.test(value);
}

/** The cell as it must be written to a CSV a person may open in a spreadsheet. */
export function neutralizeCell(value: string): string {
  if (value === '' || !TRIGGER.test(value) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}

/** Undoes `neutralizeCell` (only for files this app wrote: other files keep their quotes). */
export function restoreCell(value: string): string {
  return QUOTED_TRIGGER.test(value) ? value.slice(1) : value;
}
