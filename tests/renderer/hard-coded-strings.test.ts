import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * No user-visible text is written into the renderer's markup: JSX text and the attributes a user
 * reads or hears (title, aria-label, placeholder, alt, label) must come from the catalogs. The
 * TypeScript parser finds them, so comments, class names and code are never mistaken for text.
 */
const READ_ATTRIBUTES = new Set(['title', 'aria-label', 'aria-description', 'placeholder', 'alt', 'label']);
/** Names of standards, which read the same in every language. */
const UNTRANSLATED = new Set(['SHA-256']);
const WORDS = /\p{L}{2,}/u;

// Every renderer component, as text (the test runs without Node's file system types).
const sources = import.meta.glob<string>('../../src/renderer/**/*.tsx', {
  query: '?raw',
  import: 'default',
  eager: true,
});

function hardCoded(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const start = node.getStart(source);
    const { line } = source.getLineAndCharacterOfPosition(start + node.getText(source).search(/\S/));
    found.push(`${file.replace('../../src/renderer/', '')}:${line + 1}: ${JSON.stringify(text)}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      const text = node.text.replace(/\s+/g, ' ').trim();
      if (WORDS.test(text) && !UNTRANSLATED.has(text)) report(node, text);
    } else if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(source))) {
      const value = node.initializer;
      const text =
        value && ts.isStringLiteral(value)
          ? value.text
          : value && ts.isJsxExpression(value) && value.expression && ts.isStringLiteralLike(value.expression)
            ? value.expression.text
            : null;
      if (text !== null && WORDS.test(text) && !UNTRANSLATED.has(text)) report(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('renderer markup', () => {
  it('is read from every screen, and the scan finds text where it is (the check itself works)', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(100);
    const probe = 'probe.tsx';
    const markup = `export const P = () => (
  <p title="Close" className="note-text">
    Hello <b>{t('x.y')}</b> <code>SHA-256</code> {'·'}
    <input placeholder={'Search leads'} aria-label={t('a.b')} />
  </p>
);`;
    expect(hardCoded(probe, markup)).toEqual([
      'probe.tsx:2: "Close"',
      'probe.tsx:3: "Hello"',
      'probe.tsx:4: "Search leads"',
    ]);
  });

  it('holds no user-visible text that bypasses the catalogs', () => {
    expect(Object.entries(sources).flatMap(([file, text]) => hardCoded(file, text))).toEqual([]);
  });
});
