import fs from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import type { TFunction } from '../../shared/i18n';
import { neutralizeCell } from '../../shared/export/formula';
import type { RowIssue } from '../../shared/imports/types';

/** Issues kept in memory (the job result, the batch record); all of them go to the report file. */
export const ISSUES_KEPT = 1000;

export function issueMessage(t: TFunction, issue: RowIssue): string {
  return t(`imports.issue.${issue.code}`, {
    ...issue.params,
    value: issue.value,
    column: issue.column,
    row: issue.row,
    file: issue.file,
  });
}

function header(t: TFunction): string[] {
  return ['file', 'row', 'column', 'value', 'problem', 'code'].map((k) => t(`imports.report.${k}`));
}

function line(t: TFunction, i: RowIssue): string {
  return stringify([[i.file, String(i.row), i.column, i.value, issueMessage(t, i), i.code].map(neutralizeCell)]);
}

/** The validation report of a batch as CSV text (for issues kept in the history). */
export function issuesCsv(t: TFunction, issues: readonly RowIssue[]): string {
  return `\uFEFF${stringify([header(t)])}${issues.map((i) => line(t, i)).join('')}`;
}

/**
 * Writes the validation report while an import runs: every issue, one CSV row each (file, row,
 * column, value, problem in the user's language, code), UTF-8 with a BOM so Excel opens it right.
 */
export class IssueReport {
  private fd: number | null = null;
  private buffer = '';
  private total = 0;
  readonly first: RowIssue[] = [];

  constructor(
    private readonly path: string,
    private readonly t: TFunction,
  ) {}

  get count(): number {
    return this.total;
  }

  add(issues: readonly RowIssue[]): void {
    for (const issue of issues) {
      this.total++;
      if (this.first.length < ISSUES_KEPT) this.first.push(issue);
      if (this.fd === null) {
        this.fd = fs.openSync(this.path, 'w');
        this.buffer = `\uFEFF${stringify([header(this.t)])}`;
      }
      this.buffer += line(this.t, issue);
      if (this.buffer.length > 65_536) this.flush();
    }
  }

  /** Closes the file; true when it has any issue (otherwise there is no file). */
  close(): boolean {
    if (this.fd === null) return false;
    this.flush();
    fs.closeSync(this.fd);
    this.fd = null;
    return true;
  }

  private flush(): void {
    if (this.fd !== null && this.buffer !== '') fs.writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
}
