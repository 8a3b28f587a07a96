import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { wholeFigures } from '../../../src/renderer/components/WholeFigures';

const html = (node: ReturnType<typeof wholeFigures>) => renderToStaticMarkup(<p>{node}</p>);

describe('wholeFigures', () => {
  it('puts each figure in an unbreakable span where the translation places it, the text unchanged', () => {
    const figures = { low: '57,8%', high: '95,7%' };
    // A language that names the bounds the other way round still gets each one whole.
    const reversed = (v: typeof figures) => `hasta ${v.high}, desde ${v.low}`;
    expect(html(wholeFigures(reversed, figures))).toBe(
      '<p>hasta <span class="whole-figure">95,7%</span>, desde <span class="whole-figure">57,8%</span></p>',
    );
    const same = (v: { range: string }) => `intervalo de 95% ${v.range}`;
    expect(html(wholeFigures(same, { range: '57,8%–95,7%' }))).toBe(
      '<p>intervalo de 95% <span class="whole-figure">57,8%–95,7%</span></p>',
    );
  });

  it('keeps a figure with the word after it when asked, and leaves a figure the translation omits out', () => {
    const note = (v: { n: string; days: string }) => `ao ganho, ${v.n} negócios em ${v.days} dias`;
    expect(html(wholeFigures<'n' | 'days'>(note, { n: '2', days: '14' }, ['n']))).toBe(
      '<p>ao ganho, <span class="whole-figure">2 negócios</span> em <span class="whole-figure">14</span> dias</p>',
    );
    expect(html(wholeFigures((v: { n: string; unused: string }) => `${v.n} leads`, { n: '7', unused: 'x' }))).toBe(
      '<p><span class="whole-figure">7</span> leads</p>',
    );
  });
});
