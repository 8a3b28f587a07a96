import type { Page } from 'playwright-core';

/*
 * Checks for text a user sees cut off. Each runs in the page as a string expression: the page's CSP
 * allows no eval of functions, and these files are type-checked without the DOM library.
 */

/**
 * Page-side source of `naturalWidthProbe(control)`: a hidden copy of a form control placed after
 * it at its natural width, to measure what its value needs (call `remove()` on it afterwards).
 */
const NATURAL_WIDTH_PROBE = `function naturalWidthProbe(control) {
  const probe = control.cloneNode(false);
  for (const name of ['id', 'name', 'data-testid', 'aria-label', 'title']) probe.removeAttribute(name);
  probe.setAttribute('aria-hidden', 'true');
  for (const [property, value] of [
    ['position', 'absolute'], ['visibility', 'hidden'], ['left', '0'], ['top', '0'],
    ['width', 'auto'], ['min-width', '0'], ['max-width', 'none'], ['flex', 'none'],
  ]) probe.style.setProperty(property, value, 'important');
  control.after(probe);
  return probe;
}`;

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
    ${NATURAL_WIDTH_PROBE}
    const name = (select) => (select.closest('label')?.querySelector('.field-label')?.textContent
      || select.getAttribute('aria-label') || select.getAttribute('data-testid') || select.className).trim().slice(0, 40);
    const out = [];
    for (const select of document.querySelectorAll(${JSON.stringify(selectorsUnder(scope, 'select'))})) {
      if (select.multiple || select.size > 1 || select.getClientRects().length === 0) continue;
      const shown = ${JSON.stringify(options)} === 'all' ? [...select.options] : [select.options[select.selectedIndex]];
      const probe = naturalWidthProbe(select);
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

/**
 * Boxes that do not fit where they are: the page itself when it scrolls sideways, then each element
 * under `scope` matching `what` (tables and panels by default) that reaches past the box it is in.
 * The search from an element stops at the first box that scrolls sideways (reported when it has
 * to, unless it matches `scrollsByDesign`) or clips; a box that scrolls sideways means the user has
 * to scroll to see the element's far side, which a table sized to the window should never need.
 * Each entry names the element and how wide it is against the room it has.
 */
export async function overflowingBoxes(
  page: Page,
  scope = 'body',
  what = 'table, .card, .panel',
  scrollsByDesign = '',
): Promise<string[]> {
  const found = await page.evaluate(`(() => {
    const name = (el) => el.tagName.toLowerCase() + (el.dataset.testid ? '[data-testid=' + el.dataset.testid + ']'
      : el.getAttribute('aria-labelledby') ? '[aria-labelledby=' + el.getAttribute('aria-labelledby') + ']'
      : el.className ? '.' + String(el.className).trim().split(/\\s+/).join('.') : '');
    const out = [];
    const page = document.scrollingElement;
    if (page.scrollWidth > page.clientWidth + 1)
      out.push('the page scrolls sideways: needs ' + page.scrollWidth + 'px, has ' + page.clientWidth + 'px');
    const byDesign = ${JSON.stringify(scrollsByDesign)};
    for (const el of document.querySelectorAll(${JSON.stringify(selectorsUnder(scope, what))})) {
      if (el.getClientRects().length === 0) continue;
      const r = el.getBoundingClientRect();
      for (let box = el.parentElement; box && box !== document.documentElement; box = box.parentElement) {
        const style = getComputedStyle(box);
        if (style.display === 'contents') continue;
        if (style.overflowX === 'auto' || style.overflowX === 'scroll') {
          if (box.scrollWidth > box.clientWidth + 1 && !(byDesign && box.matches(byDesign)))
            out.push(name(el) + ' needs ' + Math.ceil(r.width) + 'px, has ' + box.clientWidth + 'px: ' + name(box) + ' scrolls sideways');
          break;
        }
        // The right edge of the box's padding: what is drawn past it is out of the box.
        const edge = box.getBoundingClientRect().left + box.clientLeft + box.clientWidth;
        if (r.right > edge + 1) {
          out.push(name(el) + ' sticks out of ' + name(box) + ' by ' + Math.ceil(r.right - edge) + 'px (needs ' +
            Math.ceil(r.width) + 'px, has ' + Math.floor(edge - r.left) + 'px)');
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
 * Labels cut in the boxes matching `boxes` (tabs, buttons): any text in one whose line reaches past
 * the box's padding, or is wider than the element that holds it (drawn over its neighbour, or cut
 * when that element hides its overflow). The text's own extent is measured with a range, so a label
 * that spills out of an element with visible overflow counts too. Each entry names the box, the
 * text, and how wide the text is against the room it has.
 */
export async function cutLabels(page: Page, boxes: string): Promise<string[]> {
  const found = await page.evaluate(`(() => {
    const out = [];
    for (const box of document.querySelectorAll(${JSON.stringify(boxes)})) {
      if (box.getClientRects().length === 0) continue;
      const b = box.getBoundingClientRect();
      const style = getComputedStyle(box);
      const left = b.left + box.clientLeft + parseFloat(style.paddingLeft);
      const right = b.left + box.clientLeft + box.clientWidth - parseFloat(style.paddingRight);
      const name = box.tagName.toLowerCase() + (box.dataset.step ? '[data-step=' + box.dataset.step + ']' : '.' + String(box.className).trim().split(/\\s+/).join('.'));
      for (const el of [box, ...box.querySelectorAll('*')]) {
        if (el.children.length > 0 || !el.textContent.trim() || el.getClientRects().length === 0) continue;
        const range = document.createRange();
        range.selectNodeContents(el);
        const t = range.getBoundingClientRect();
        const e = el.getBoundingClientRect();
        const room = Math.min(el.clientWidth || e.width, right - Math.max(left, e.left));
        if (t.right > right + 1 || t.left < left - 1 || el.scrollWidth > el.clientWidth + 1 || t.width > room + 1)
          out.push(name + ': "' + el.textContent.trim().slice(0, 60) + '" needs ' + Math.ceil(Math.max(t.width, el.scrollWidth)) + 'px, has ' + Math.floor(room) + 'px');
      }
    }
    return out;
  })()`);
  return Array.isArray(found) ? found.map(String) : [];
}

/**
 * What does not fit the window under `scope`: tables or panels past their box, and buttons or tabs
 * cutting their label (`overflowingBoxes` and `cutLabels`).
 */
export async function unfitted(page: Page, scope: string): Promise<string[]> {
  return [
    ...(await overflowingBoxes(page, scope)),
    ...(await cutLabels(page, `${scope} button, ${scope} [role="tab"]`)),
  ];
}

/**
 * Page-side source of `linesOf(el, drawnOnly)`: the element's text line by line as drawn, read from
 * each character's box (`drawnOnly` skips characters of no width, such as a zero-width space).
 */
const LINES_OF = `function linesOf(el, drawnOnly) {
  const lines = [];
  let top = null;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.data.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const r = range.getClientRects()[0];
      if (!r || (drawnOnly && r.width === 0)) continue;
      if (top === null || r.top > top + 2) { lines.push(''); top = r.top; }
      lines[lines.length - 1] += node.data[i];
    }
  }
  return lines;
}`;

/**
 * Names (files, columns) under `names` that wrap inside a part rather than after a separator
 * (`_ . / \\ -`): each entry gives the name and its lines. Lines are read from each character's
 * box, so wrapping at a <wbr> or at a separator is fine and `first_contact_da` / `te` is not.
 */
export async function namesBrokenMidPart(page: Page, names: string): Promise<string[]> {
  const found = await page.evaluate(`(() => {
    ${LINES_OF}
    const out = [];
    for (const el of document.querySelectorAll(${JSON.stringify(names)})) {
      if (el.getClientRects().length === 0) continue;
      const lines = linesOf(el, false);
      if (lines.slice(0, -1).some((line) => !/[_.\\/\\\\-]$/.test(line)))
        out.push(JSON.stringify(el.textContent) + ' wraps as ' + JSON.stringify(lines));
    }
    return out;
  })()`);
  return Array.isArray(found) ? found.map(String) : [];
}

/** `a, b` and `x` → `a x, b x`: the elements `x` under any of the scopes. */
function selectorsUnder(scope: string, what: string): string {
  return scope
    .split(',')
    .map((s) => `${s.trim()} ${what}`)
    .join(', ');
}

/**
 * Figures broken across lines: each element matching `figures` (table cells, say) whose text is
 * short (a date, a number with its unit, a range: at most 40 characters), holds a digit, and is
 * drawn on more than one line, as "28 de set." over "de 2026" or "12,7%–" over "57,6%". Each entry
 * gives the text as its lines. Lines are read from each character's box, as in
 * {@link namesBrokenMidPart}.
 */
export async function brokenFigures(page: Page, figures: string): Promise<string[]> {
  const found = await page.evaluate(`(() => {
    ${LINES_OF}
    const out = [];
    for (const el of document.querySelectorAll(${JSON.stringify(figures)})) {
      const text = el.textContent.trim();
      if (!text || text.length > 40 || !/\\d/.test(text) || el.getClientRects().length === 0) continue;
      const lines = linesOf(el, true);
      if (lines.length > 1) out.push(JSON.stringify(text) + ' wraps as ' + JSON.stringify(lines.map((l) => l.trim())));
    }
    return out;
  })()`);
  return Array.isArray(found) ? found.map(String) : [];
}

/**
 * Form controls under `scope` whose value is cut: a text or number input whose value is wider than
 * its box (`scrollWidth` past `clientWidth`: the browser scrolls the value inside the box, so the
 * rest of it is out of sight); a date, time or week input narrower than it needs to show its fields
 * and picker button (its fields are laid out in a box of their own that hides what does not fit, so
 * `scrollWidth` cannot tell: a copy at its natural width is measured beside it, as for selects); then
 * the selects of {@link clippedSelects} whose chosen option is cut. Inputs matching `longByNature` (a file path, a note: free text that may scroll inside its
 * box, as in any desktop app) are left out. Each entry names the control, its value, and how wide
 * the value is against the room it has.
 */
export async function cutValues(page: Page, scope = 'body', longByNature = ''): Promise<string[]> {
  const found = await page.evaluate(`(() => {
    ${NATURAL_WIDTH_PROBE}
    const name = (input) => (input.closest('label')?.querySelector('.field-label')?.textContent
      || input.getAttribute('aria-label') || input.getAttribute('data-testid') || input.getAttribute('placeholder')
      || input.className).trim().slice(0, 40);
    const kinds = ['text', 'search', 'number', 'date', 'time', 'datetime-local', 'month', 'week', 'email', 'url', 'tel'];
    const fields = ['date', 'time', 'datetime-local', 'month', 'week'];
    // The room a date input keeps beyond its value: its natural width holds each field's widest
    // content (its placeholder "mm", "dd", "yyyy" or its widest digits, six for the year, which runs
    // to 275760), and a field squeezed to its value's own width still shows it whole. The fields are
    // read as the browser draws them, in its own locale's order, with a span in the input's font.
    const dateSlack = (input) => {
      const style = getComputedStyle(input);
      const span = document.createElement('span');
      for (const property of ['font-family', 'font-size', 'font-weight', 'font-style', 'font-stretch', 'letter-spacing', 'font-variant-numeric', 'font-feature-settings'])
        span.style.setProperty(property, style.getPropertyValue(property));
      span.style.setProperty('position', 'absolute');
      span.style.setProperty('visibility', 'hidden');
      span.style.setProperty('white-space', 'pre');
      document.body.append(span);
      const width = (text) => { span.textContent = text; return span.getBoundingClientRect().width; };
      const digit = Math.max(...'0123456789'.split('').map(width));
      const [y, m, d] = input.value.split('-').map(Number);
      const parts = new Intl.DateTimeFormat(navigator.language, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' })
        .formatToParts(new Date(Date.UTC(y, m - 1, d)));
      const placeholder = { year: 'yyyy', month: 'mm', day: 'dd' };
      let slack = 0;
      for (const part of parts)
        if (part.type in placeholder)
          slack += Math.max(width(placeholder[part.type]), digit * (part.type === 'year' ? 6 : 2)) - width(part.value);
      span.remove();
      return slack;
    };
    const longByNature = ${JSON.stringify(longByNature)};
    const out = [];
    for (const input of document.querySelectorAll(${JSON.stringify(selectorsUnder(scope, 'input'))})) {
      if (!kinds.includes(input.type) || input.getClientRects().length === 0) continue;
      if (!input.value || (longByNature && input.matches(longByNature))) continue;
      let needs = input.scrollWidth;
      let has = input.clientWidth;
      if (fields.includes(input.type)) {
        const probe = naturalWidthProbe(input);
        probe.value = input.value;
        needs = probe.getBoundingClientRect().width;
        has = input.getBoundingClientRect().width;
        probe.remove();
        if (input.type === 'date') needs -= dateSlack(input);
      }
      if (needs > has + 1)
        out.push(input.type + ' input (' + name(input) + '): "' + input.value.slice(0, 60) + '" needs ' +
          Math.ceil(needs) + 'px, has ' + Math.floor(has) + 'px');
    }
    return out;
  })()`);
  return [...(Array.isArray(found) ? found.map(String) : []), ...(await clippedSelects(page, scope))];
}
