import { afterEach, describe, expect, it } from 'vitest';
import {
  ElectronPdfEngine,
  toElectronOptions,
  type ElectronPrintOptions,
} from '../../../src/main/documents/electron-engine';
import { pdfEngine, usePdfEngine } from '../../../src/main/documents/pdf-engine';
import { ChromiumPdfEngine } from '../../../src/main/documents/chromium-engine';
import { AppError } from '../../../src/shared/errors';
import { PAGE } from '../../../src/shared/documents/template';

afterEach(() => usePdfEngine(null));

describe('PDF engines', () => {
  it('maps our millimetres to the inches Electron printToPDF takes, with header and footer', () => {
    const o = toElectronOptions({ ...PAGE, footerHtml: '<span class="pageNumber"></span>' });
    expect(o.pageSize.width).toBeCloseTo(8.2677, 4);
    expect(o.pageSize.height).toBeCloseTo(11.6929, 4);
    expect(o.margins).toEqual({ top: 20 / 25.4, bottom: 22 / 25.4, left: 20 / 25.4, right: 20 / 25.4 });
    expect(o).toMatchObject({
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: '<span class="pageNumber"></span>',
      printBackground: true,
    });
    expect(toElectronOptions({ ...PAGE }).displayHeaderFooter).toBe(false);
  });

  it('prints through the page the app opens and always closes it; an injected engine wins', async () => {
    const seen: Array<{ html: string; options: ElectronPrintOptions }> = [];
    let closed = 0;
    const engine = new ElectronPdfEngine(async (html) => ({
      printToPDF: async (options) => {
        seen.push({ html, options });
        if (html === 'fail') throw new Error('printing failed');
        return new TextEncoder().encode('%PDF-1.7');
      },
      close: () => void closed++,
    }));
    usePdfEngine(engine);
    expect(await pdfEngine()).toBe(engine);
    expect(new TextDecoder().decode(await engine.print('<p>x</p>', { ...PAGE }))).toBe('%PDF-1.7');
    await expect(engine.print('fail', { ...PAGE })).rejects.toThrow('printing failed');
    expect(closed).toBe(2);
    expect(seen.map((s) => s.html)).toEqual(['<p>x</p>', 'fail']);
    usePdfEngine(null);
    expect(await pdfEngine()).toBeInstanceOf(ChromiumPdfEngine);
  });

  it('says clearly when there is no Chromium to print with', async () => {
    const error = await new ChromiumPdfEngine(null).print('<p>x</p>', { ...PAGE }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'documents.noPdfEngine' });
  });
});
