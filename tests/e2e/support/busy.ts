import type { Page } from 'playwright-core';

/** One state the page showed: the input's label next to the `aria-busy` of the answer to it. */
export interface BusyMark {
  readonly label: string;
  readonly busy: string;
}

/**
 * Starts recording, after every DOM change, the text (an input's or a select's value) of `label`
 * (what the user has chosen: a period, a page's range, a language) beside the `aria-busy` of `result` (the answer shown), keeping each
 * distinct pair once in order. An answer to the previous input shown unmarked under a new label
 * then appears as `{ label: new, busy: 'false' }` before `'true'`: the race a read after a change
 * would lose. A string, not a function: this file compiles without the DOM library the page has.
 */
export async function watchBusy(page: Page, result: string, label: string): Promise<void> {
  await page.evaluate(`(() => {
    const marks = [];
    window.__busyMarks = marks;
    const read = () => {
      const input = document.querySelector(${JSON.stringify(label)});
      const mark = {
        label: (input instanceof HTMLInputElement || input instanceof HTMLSelectElement
          ? input.value
          : (input?.textContent ?? '')
        ).trim(),
        busy: document.querySelector(${JSON.stringify(result)})?.getAttribute('aria-busy') ?? '',
      };
      const last = marks[marks.length - 1];
      if (!last || last.label !== mark.label || last.busy !== mark.busy) marks.push(mark);
    };
    read();
    window.__busyObserver?.disconnect();
    window.__busyObserver = new MutationObserver(read);
    window.__busyObserver.observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      // React writes a controlled input's value to its attribute too: a typed or picked value is a change.
      attributeFilter: ['aria-busy', 'value'],
    });
  })()`);
}

/** What `watchBusy` recorded since it started, and stops it. */
export async function busyMarks(page: Page): Promise<BusyMark[]> {
  const marks = await page.evaluate(`(() => {
    window.__busyObserver?.disconnect();
    return window.__busyMarks ?? [];
  })()`);
  return Array.isArray(marks) ? (marks as BusyMark[]) : [];
}

/** The `aria-busy` values shown under one label, in order (the first shown under it comes first). */
export function busyUnder(marks: readonly BusyMark[], label: string): string[] {
  return marks.filter((m) => m.label === label).map((m) => m.busy);
}
