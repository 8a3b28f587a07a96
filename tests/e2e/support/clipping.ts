import type { Page } from 'playwright-core';

/*
 * Checks for text a user sees cut off. Each runs in the page as a string expression: the page's CSP
 * allows no eval of functions, and these files are type-checked without the DOM library.
 */

/**
 * Drop-down `<select>`s under `scope` (CSS selectors, comma-separated) whose chosen option is cut
 * off, or with `options: 'all'` that would cut any of their options if it were chosen; and selects
 * wide enough that stick out of the box they are in. Each entry names the select (and the option,
 * and how wide the select is and would need to be).
 *
 * A select draws its value in a box of its own inside the control, beside the arrow, and cuts it
 * there: the text never overflows the element, so `scrollWidth` cannot tell. Instead a copy of the
 * select holding only the chosen option is laid out beside it at its natural width (same classes,
 * same place in the tree, so the same font, padding, border and arrow): that is the width the
 * browser itself needs to show the text whole. (A canvas measure of the text would need the arrow's
 * width guessed, and Chromium's computed `font` shorthand is empty for these selects, so a canvas
 * given it would silently measure in 10px sans-serif and never fail.)
 */
export async function clippedSelects(
  page: Page,
  scope = 'body',
  options: 'chosen' | 'all' = 'chosen',
): Promise<string[]> {
  const found = await page.evaluate(`(() => {
    const name = (select) => (select.closest('label')?.querySelector('.field-label')?.textContent
      || select.getAttribute('aria-label') || select.getAttribute('data-testid') || select.className).trim().slice(0, 40);
    const out = [];
    for (const select of document.querySelectorAll(${JSON.stringify(selectorsUnder(scope, 'select'))})) {
      if (select.multiple || select.size > 1 || select.getClientRects().length === 0) continue;
      const shown = ${JSON.stringify(options)} === 'all' ? [...select.options] : [select.options[select.selectedIndex]];
      const probe = select.cloneNode(false);
      for (const name of ['id', 'name', 'data-testid', 'aria-label', 'title']) probe.removeAttribute(name);
      probe.setAttribute('aria-hidden', 'true');
      for (const [property, value] of [
        ['position', 'absolute'], ['visibility', 'hidden'], ['left', '0'], ['top', '0'],
        ['width', 'auto'], ['min-width', '0'], ['max-width', 'none'], ['flex', 'none'],
      ]) probe.style.setProperty(property, value, 'important');
      select.after(probe);
      const has = select.getBoundingClientRect().width;
      for (const option of shown) {
        if (!option || !option.label.trim()) continue;
        probe.replaceChildren(option.cloneNode(true));
        const needs = probe.getBoundingClientRect().width;
        if (needs > has + 0.5)
          out.push('select (' + name(select) + '): "' + option.label.trim().slice(0, 60) + '" needs ' +
            Math.ceil(needs) + 'px, has ' + Math.floor(has) + 'px');
      }
      probe.remove();
      // Wide enough, but wider than the box it is in: it overlaps what is beside it, or is cut by a
      // box that hides its overflow. A scrolling box ends the search: what it holds is scrolled to.
      const right = select.getBoundingClientRect().right;
      for (let box = select.parentElement; box && box !== document.body; box = box.parentElement) {
        const style = getComputedStyle(box);
        if (style.display === 'contents') continue;
        if (style.overflowX === 'auto' || style.overflowX === 'scroll') break;
        const edge = box.getBoundingClientRect().right;
        if (right > edge + 1) {
          out.push('select (' + name(select) + ') sticks out of ' + box.tagName.toLowerCase() + '.' + box.className + ' by ' + Math.ceil(right - edge) + 'px');
          break;
        }
        if (style.overflowX !== 'visible') break;
      }
    }
    return out;
  })()`);
  return Array.isArray(found) ? found.map(String) : [];
}

/**
 * Texts under `scope` that are cut: a leaf element (or a button) whose content is wider than its box
 * while its overflow is hidden or ellipsized, or that reaches past the right edge of the window or
 * of its card (`.card` or dialog);
 * then the selects of {@link clippedSelects}, checked for `options`.
 */
export async function clippedTexts(
  page: Page,
  scope = 'body',
  options: 'chosen' | 'all' = 'chosen',
): Promise<string[]> {
  const found = await page.evaluate(`(() => {
    const out = [];
    for (const el of document.querySelectorAll(${JSON.stringify(selectorsUnder(scope, '*'))})) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || el.closest('.visually-hidden') || !el.textContent || !el.textContent.trim() || el.children.length > 0 && el.tagName !== 'BUTTON') continue;
      if (el.tagName === 'SELECT' || el.tagName === 'OPTION') continue;
      const hidden = style.overflowX === 'hidden' || style.overflow === 'hidden' || style.textOverflow === 'ellipsis';
      if (hidden && el.scrollWidth > el.clientWidth + 1) out.push(el.tagName + '.' + el.className + ': ' + el.textContent.trim().slice(0, 60));
      const r = el.getBoundingClientRect();
      if (r.right > document.documentElement.clientWidth + 1) out.push('off-screen ' + el.tagName + '.' + el.className + ': ' + el.textContent.trim().slice(0, 60));
      else {
        // Past the edge of its card, unless something in between scrolls or clips it (checked above).
        const card = el.closest('.card, dialog');
        let free = !!card;
        for (let box = el.parentElement; free && box && box !== card; box = box.parentElement)
          if (getComputedStyle(box).overflowX !== 'visible') free = false;
        if (free && r.right > card.getBoundingClientRect().right + 1) out.push('out of its card ' + el.tagName + '.' + el.className + ': ' + el.textContent.trim().slice(0, 60));
      }
    }
    return out;
  })()`);
  return [...(Array.isArray(found) ? found.map(String) : []), ...(await clippedSelects(page, scope, options))];
}

/** `a, b` and `x` → `a x, b x`: the elements `x` under any of the scopes. */
function selectorsUnder(scope: string, what: string): string {
  return scope
    .split(',')
    .map((s) => `${s.trim()} ${what}`)
    .join(', ');
}
