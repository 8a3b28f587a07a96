/**
 * Prints HTML to PDF with Chromium's engine. The CLI and tests drive a system Chromium through
 * playwright-core; the Electron app injects `webContents.printToPDF` (same engine, no extra
 * browser). Everything else asks `pdfEngine()` and never knows which one it got.
 */
export interface PrintOptions {
  /** Page size in millimetres. */
  readonly widthMm: number;
  readonly heightMm: number;
  readonly marginsMm: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
  /**
   * Chromium's header/footer templates (`<span class="pageNumber">`, `totalPages`); both are
   * printed only when at least one is given.
   */
  readonly headerHtml?: string;
  readonly footerHtml?: string;
}

export interface PdfEngine {
  /** Prints a complete, self-contained HTML document (no network, no external files). */
  print(html: string, options: PrintOptions): Promise<Uint8Array>;
}

let injected: PdfEngine | null = null;

/** The Electron entry injects its engine here once at start-up; null returns to the default. */
export function usePdfEngine(engine: PdfEngine | null): void {
  injected = engine;
}

/**
 * The injected engine, else system Chromium through playwright-core. Imported lazily: playwright-core
 * is a development dependency and the packaged app always injects Electron's engine.
 */
export async function pdfEngine(): Promise<PdfEngine> {
  if (injected) return injected;
  const { ChromiumPdfEngine } = await import('./chromium-engine');
  return new ChromiumPdfEngine();
}
