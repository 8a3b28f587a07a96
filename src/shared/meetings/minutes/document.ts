/**
 * The minutes as a document model (title, facts, sections of paragraphs, lists and tables), built
 * once and rendered to Markdown and to HTML for the PDF, so both say exactly the same thing.
 * Every cell is plain text; renderers escape it for their format.
 */
export type Align = 'left' | 'right';

export type Block =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly string[] }
  | {
      readonly kind: 'table';
      readonly header: readonly string[];
      readonly rows: ReadonlyArray<readonly string[]>;
      readonly align: readonly Align[];
    }
  | { readonly kind: 'quote'; readonly text: string }
  /** Records with a long text and a few facts each (action items): a table would wrap them into columns. */
  | {
      readonly kind: 'entries';
      readonly entries: ReadonlyArray<{ readonly text: string; readonly facts: readonly string[] }>;
    };

export interface Section {
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly Block[];
}

export interface MinutesDocument {
  readonly lang: string;
  readonly title: string;
  readonly subtitle: string;
  readonly facts: ReadonlyArray<readonly [string, string]>;
  readonly sections: readonly Section[];
  readonly footer: string;
}

export const paragraph = (text: string): Block => ({ kind: 'paragraph', text });
export const list = (items: readonly string[], ordered = false): Block => ({ kind: 'list', ordered, items });
export const quote = (text: string): Block => ({ kind: 'quote', text });
export const entries = (list: ReadonlyArray<{ text: string; facts: readonly string[] }>): Block => ({
  kind: 'entries',
  entries: list,
});
export const table = (
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  align?: readonly Align[],
): Block => ({
  kind: 'table',
  header,
  rows,
  align: align ?? header.map((_, i) => (i === 0 ? 'left' : 'right')),
});
