/**
 * Which rows of a long list to draw. Browsers cap an element's height (about 16.7 M px in Firefox,
 * 33.5 M px in Chromium), far below a million rows of 36 px, so past `maxHeight` the scrollbar is
 * scaled: the spacer keeps a bounded height and scroll positions map proportionally onto rows.
 */
export interface RowWindow {
  /** Index of the first row drawn. */
  readonly first: number;
  /** Rows drawn from `first`. */
  readonly count: number;
  /** Where row `first` starts, in the spacer's pixels. */
  readonly top: number;
  /** The spacer's height. */
  readonly height: number;
}

export const MAX_SCROLL_HEIGHT = 8_000_000;

export function rowWindow(
  total: number,
  rowHeight: number,
  viewport: number,
  scrollTop: number,
  overscan = 6,
  maxHeight = MAX_SCROLL_HEIGHT,
): RowWindow {
  if (total <= 0 || rowHeight <= 0) return { first: 0, count: 0, top: 0, height: 0 };
  const full = total * rowHeight;
  const height = Math.min(full, maxHeight);
  const scrollable = Math.max(0, height - viewport);
  const fullScrollable = Math.max(0, full - viewport);
  const clamped = Math.min(Math.max(0, scrollTop), scrollable);
  // Position in the unscaled list: equal to scrollTop until the list outgrows maxHeight.
  const virtualTop = scrollable > 0 ? clamped * (fullScrollable / scrollable) : 0;
  const first = Math.max(0, Math.floor(virtualTop / rowHeight) - overscan);
  const last = Math.min(total, Math.ceil((virtualTop + viewport) / rowHeight) + overscan);
  return { first, count: Math.max(0, last - first), top: clamped - (virtualTop - first * rowHeight), height };
}

/** The scroll position that shows row `index` at the top (for "back to top" and keyboard paging). */
export function scrollTopFor(
  index: number,
  total: number,
  rowHeight: number,
  viewport: number,
  maxHeight = MAX_SCROLL_HEIGHT,
): number {
  const full = total * rowHeight;
  const height = Math.min(full, maxHeight);
  const scrollable = Math.max(0, height - viewport);
  const fullScrollable = Math.max(0, full - viewport);
  if (fullScrollable === 0) return 0;
  return (Math.min(index * rowHeight, fullScrollable) * scrollable) / fullScrollable;
}

/** The pages (of `pageSize` rows) that hold rows [first, first + count). */
export function pagesFor(first: number, count: number, pageSize: number): number[] {
  if (count <= 0) return [];
  const pages: number[] = [];
  for (let p = Math.floor(first / pageSize); p <= Math.floor((first + count - 1) / pageSize); p++) pages.push(p);
  return pages;
}
