import { Fragment, type ReactNode } from 'react';

/** Stands in for figure `i` while the sentence around it is translated. */
const slot = (i: number) => `\u2063${i}\u2063`;
const SLOTS = /\u2063(\d+)\u2063/g;

/**
 * A translated sentence with its figures (a date, an interval "57,8%–95,7%", a count) each kept on
 * one line, so that a narrow window breaks the sentence between words and never inside a figure
 * ("27 de" over "nov. de 2026", "57,8%–" over "95,7%"). The sentence is translated with stand-ins
 * for the figures, and each figure goes where its stand-in is, in a `nowrap` span (class `whole-figure`).
 * A figure named in `withUnit` keeps the word after it too ("2 negócios", "2 笔交易"). The text read
 * is the same as `translate(figures)`; the translations need no markup.
 */
export function wholeFigures<K extends string>(
  translate: (values: Record<K, string>) => string,
  figures: Record<K, string>,
  withUnit: readonly K[] = [],
): ReactNode {
  const keys = Object.keys(figures) as K[];
  const text = translate(Object.fromEntries(keys.map((key, i) => [key, slot(i)])) as Record<K, string>);
  const parts: { text: string; figure: boolean }[] = [];
  let last = 0;
  let unitDue = false;
  const plain = (piece: string) => {
    if (unitDue) {
      // The unit of the figure before is the first word of what follows it.
      const unit = /^\s*\S+/.exec(piece)?.[0] ?? '';
      parts[parts.length - 1]!.text += unit;
      piece = piece.slice(unit.length);
      unitDue = false;
    }
    if (piece) parts.push({ text: piece, figure: false });
  };
  for (const match of text.matchAll(SLOTS)) {
    const key = keys[Number(match[1])];
    if (key === undefined) continue;
    plain(text.slice(last, match.index));
    parts.push({ text: figures[key], figure: true });
    unitDue = withUnit.includes(key);
    last = match.index + match[0].length;
  }
  plain(text.slice(last));
  return (
    <>
      {parts.map((part, i) =>
        part.figure ? (
          <span key={i} className="whole-figure">
            {part.text}
          </span>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
