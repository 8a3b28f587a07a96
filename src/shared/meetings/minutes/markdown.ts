import type { Block, MinutesDocument } from './document';

/**
 * Markdown (CommonMark with GFM tables). User text is escaped so a name like `*Ana*` or a note with
 * `|` stays text and cannot break a table; line breaks inside a table cell become `<br>`.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`);
}

function cell(text: string): string {
  return escapeMarkdown(text.trim()).replace(/\r\n|\r|\n/g, '<br>');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return escapeMarkdown(b.text);
    case 'quote':
      return b.text
        .split(/\r\n|\r|\n/)
        .map((line) => (line.trim() === '' ? '>' : `> ${escapeMarkdown(line)}`))
        .join('\n');
    case 'list':
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${cell(item)}`).join('\n');
    case 'entries':
      return b.entries
        .map((e) => {
          const facts = e.facts.map(cell);
          return `- **${cell(e.text)}**${facts.length ? `  \n  ${facts.join(' · ')}` : ''}`;
        })
        .join('\n');
    case 'table': {
      const row = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
      const rule = `| ${b.header.map((_, i) => (b.align[i] === 'right' ? '---:' : '---')).join(' | ')} |`;
      return [row(b.header), rule, ...b.rows.map(row)].join('\n');
    }
  }
}

export function renderMarkdown(doc: MinutesDocument): string {
  const out: string[] = [`# ${escapeMarkdown(doc.title)}`, '', escapeMarkdown(doc.subtitle), ''];
  for (const [label, value] of doc.facts) out.push(`- **${escapeMarkdown(label)}:** ${cell(value)}`);
  for (const s of doc.sections) {
    out.push('', `## ${escapeMarkdown(s.title)}`);
    for (const b of s.blocks) out.push('', block(b));
  }
  out.push('', '---', '', escapeMarkdown(doc.footer), '');
  return out.join('\n');
}
