import { describe, expect, it } from 'vitest';
import { escapeMarkdown, renderMarkdown } from '../../../src/shared/meetings/minutes/markdown';
import { renderMinutesHtml } from '../../../src/shared/meetings/minutes/html';
import { list, paragraph, quote, table, type MinutesDocument } from '../../../src/shared/meetings/minutes/document';

const doc: MinutesDocument = {
  lang: 'en',
  title: 'Review *W10*',
  subtitle: 'Acme',
  facts: [['Held', '10:00 – 11:00']],
  sections: [
    {
      id: 'items',
      title: 'Action items',
      blocks: [
        table(
          ['Item', 'Owner'],
          [
            ['Fix | the <form>', '=HYPERLINK("http://x")'],
            ['Two\nlines', '_Bob_'],
          ],
          ['left', 'left'],
        ),
        list(['[link](http://evil)', 'plain'], true),
        paragraph('# not a heading'),
        quote('first\n\nsecond'),
      ],
    },
  ],
  footer: 'Frozen.',
};

describe('minutes as Markdown', () => {
  it('keeps user text as text: no table breaks, no links, no headings, no HTML', () => {
    const md = renderMarkdown(doc);
    expect(md).toContain('# Review \\*W10\\*');
    expect(md).toContain('| Fix \\| the \\<form\\> | =HYPERLINK("http://x") |');
    expect(md).toContain('| Two<br>lines | \\_Bob\\_ |');
    expect(md).toContain('1. \\[link\\](http://evil)');
    expect(md).toContain('\\# not a heading');
    expect(md).toContain('> first\n>\n> second');
    // Every table row has as many cells as the header.
    for (const line of md.split('\n').filter((l) => l.startsWith('| ')))
      expect(line.replace(/\\\|/g, '').split('|').length).toBe(4);
    expect(escapeMarkdown('a`b~c')).toBe('a\\`b\\~c');
  });

  it('escapes the same text for the PDF page', () => {
    const { html, footerHtml } = renderMinutesHtml(doc);
    expect(html).toContain('Fix | the &lt;form&gt;');
    expect(html).not.toContain('<form>');
    expect(html).toContain('<html lang="en">');
    expect(footerHtml).toContain('class="pageNumber"');
  });
});
