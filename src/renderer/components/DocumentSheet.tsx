import { useLayoutEffect, useRef } from 'react';

/** Elements a document preview never needs; anything active or loading is dropped. */
const DROPPED =
  'script, style, link, meta, base, iframe, frame, object, embed, form, input, button, textarea, select, img, svg, video, audio, template';

/**
 * Keeps only inert markup: no element that runs, loads or submits anything, no event handler, link,
 * source or inline style attribute. The documents' HTML is built by our own template with every
 * value escaped; this is the second line of defence, and the CSP (no inline scripts) the third.
 */
export function inertCopy(body: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');
  for (const el of Array.from(parsed.body.querySelectorAll(DROPPED))) el.remove();
  for (const el of Array.from(parsed.body.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (
        name.startsWith('on') ||
        name === 'href' ||
        name === 'src' ||
        name === 'srcset' ||
        name === 'style' ||
        name === 'action' ||
        name === 'formaction' ||
        name === 'xlink:href'
      ) {
        el.removeAttribute(attr.name);
      }
    }
  }
  const fragment = document.createDocumentFragment();
  for (const node of Array.from(parsed.body.childNodes)) fragment.append(document.importNode(node, true));
  return fragment;
}

/**
 * A document page shown inside the app (the SLA preview): its own style sheet and markup in a
 * shadow root, so neither the app's styles nor the document's leak into each other. The style sheet
 * is a constructed one (CSSOM), which the renderer's CSP (style-src 'self') allows, unlike a
 * `<style>` element or an iframe's srcdoc that would need 'unsafe-inline' or a frame-src.
 */
export function DocumentSheet({ css, body, lang, label }: { css: string; body: string; lang: string; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    const page = document.createElement('div');
    page.className = 'sheet';
    page.lang = lang;
    page.append(inertCopy(body));
    root.replaceChildren(page);
  }, [css, body, lang]);
  return <div ref={host} className="document-sheet" role="document" aria-label={label} />;
}
