import type { PdfEngine, PrintOptions } from './pdf-engine';

/**
 * The desktop app's engine: Electron's `webContents.printToPDF`, the same Chromium that prints in the
 * CLI. Kept free of `electron` imports: the app hands in how to open a page (a hidden, sandboxed
 * window loading the HTML) and this adapter maps our options to Electron's, which are in inches.
 */
export interface ElectronPrintOptions {
  readonly pageSize: { readonly width: number; readonly height: number };
  readonly margins: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };
  readonly printBackground: boolean;
  readonly displayHeaderFooter: boolean;
  readonly headerTemplate: string;
  readonly footerTemplate: string;
  readonly preferCSSPageSize: boolean;
  readonly generateTaggedPDF: boolean;
}

export interface PrintablePage {
  printToPDF(options: ElectronPrintOptions): Promise<Uint8Array>;
  close(): void;
}

const inches = (mm: number): number => mm / 25.4;

export function toElectronOptions(o: PrintOptions): ElectronPrintOptions {
  const decorated = o.headerHtml !== undefined || o.footerHtml !== undefined;
  return {
    pageSize: { width: inches(o.widthMm), height: inches(o.heightMm) },
    margins: {
      top: inches(o.marginsMm.top),
      bottom: inches(o.marginsMm.bottom),
      left: inches(o.marginsMm.left),
      right: inches(o.marginsMm.right),
    },
    printBackground: true,
    displayHeaderFooter: decorated,
    headerTemplate: o.headerHtml ?? '<span></span>',
    footerTemplate: o.footerHtml ?? '<span></span>',
    preferCSSPageSize: false,
    generateTaggedPDF: true,
  };
}

export class ElectronPdfEngine implements PdfEngine {
  constructor(private readonly open: (html: string) => Promise<PrintablePage>) {}

  async print(html: string, options: PrintOptions): Promise<Uint8Array> {
    const page = await this.open(html);
    try {
      return new Uint8Array(await page.printToPDF(toElectronOptions(options)));
    } finally {
      page.close();
    }
  }
}
