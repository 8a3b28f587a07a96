import { escapeHtml as h } from '../../documents/format';
import type { Block, MinutesDocument } from './document';

/** A4 with room for the page-number footer. */
export const MINUTES_PAGE = {
  widthMm: 210,
  heightMm: 297,
  marginsMm: { top: 16, right: 16, bottom: 18, left: 16 },
} as const;

/** System fonts per script so Latin, Cyrillic and Chinese all print with real glyphs. */
function fonts(lang: string): string {
  const cjk = ['Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei'];
  const latin = ['Noto Sans', 'DejaVu Sans', 'Segoe UI', 'Helvetica Neue', 'Arial'];
  const families = lang === 'zh-CN' ? [...cjk, ...latin] : [...latin, ...cjk];
  return [...families.map((f) => `'${f}'`), 'sans-serif'].join(', ');
}

const CSS = (lang: string) => `
@page { size: ${MINUTES_PAGE.widthMm}mm ${MINUTES_PAGE.heightMm}mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: ${fonts(lang)}; font-size: 9.5pt; line-height: 1.45; color: #1d232e; }
h1 { font-size: 18pt; margin: 0 0 1mm; color: #14213d; }
.subtitle { color: #4a5568; margin: 0 0 4mm; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.8mm 5mm; margin: 0 0 4mm; padding: 3mm 4mm; border: 0.6pt solid #c8ceda; }
dl.facts dt { color: #5b6577; }
dl.facts dd { margin: 0; font-weight: 600; }
h2 { font-size: 12pt; color: #14213d; margin: 6mm 0 2mm; padding-bottom: 1mm; border-bottom: 0.6pt solid #c8ceda; break-after: avoid; }
p { margin: 0 0 2mm; }
ul, ol { margin: 0 0 2mm; padding-left: 6mm; }
li { margin: 0 0 0.8mm; }
blockquote { margin: 0 0 2mm; padding-left: 3mm; border-left: 1.5pt solid #c8ceda; white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%; margin: 0 0 3mm; break-inside: auto; }
tr { break-inside: avoid; }
th, td { border-bottom: 0.5pt solid #dde2ea; padding: 1mm 1.6mm; vertical-align: top; text-align: left; }
th { background: #f1f3f7; font-weight: 600; }
.r { text-align: right; font-variant-numeric: tabular-nums; }
.cellbreak { white-space: pre-wrap; }
.entry { margin: 0 0 2.2mm; padding: 1.2mm 0 1.2mm 3mm; border-left: 1.5pt solid #c8ceda; break-inside: avoid; }
.entry-text { margin: 0 0 0.6mm; font-weight: 600; white-space: pre-wrap; }
.entry-facts { margin: 0; color: #4a5568; }
footer { margin-top: 6mm; color: #5b6577; font-size: 8pt; }
`;

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${h(b.text)}</p>`;
    case 'quote':
      return `<blockquote>${h(b.text)}</blockquote>`;
    case 'entries':
      return b.entries
        .map((e) => {
          const facts = e.facts.map((f) => `<span>${h(f)}</span>`);
          return `<div class="entry"><p class="entry-text">${h(e.text)}</p><p class="entry-facts">${facts.join(' · ')}</p></div>`;
        })
        .join('');
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((i) => `<li class="cellbreak">${h(i)}</li>`).join('')}</${tag}>`;
    }
    case 'table': {
      const cls = (i: number) => (b.align[i] === 'right' ? ' class="r"' : ' class="cellbreak"');
      const head = `<tr>${b.header.map((c, i) => `<th${cls(i)}>${h(c)}</th>`).join('')}</tr>`;
      const rows = b.rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${h(c)}</td>`).join('')}</tr>`).join('');
      return `<table><thead>${head}</thead><tbody>${rows}</tbody></table>`;
    }
  }
}

/** A complete, self-contained page (no scripts, no external resources) for the PDF engine. */
export function renderMinutesHtml(doc: MinutesDocument): { html: string; footerHtml: string } {
  const facts = doc.facts.map(([k, v]) => `<dt>${h(k)}</dt><dd>${h(v)}</dd>`).join('');
  const sections = doc.sections
    .map((s) => `<section id="${h(s.id)}"><h2>${h(s.title)}</h2>${s.blocks.map(block).join('')}</section>`)
    .join('');
  const html = `<!DOCTYPE html><html lang="${h(doc.lang)}"><head><meta charset="utf-8"><title>${h(doc.title)}</title><style>${CSS(doc.lang)}</style></head>
<body><h1>${h(doc.title)}</h1><p class="subtitle">${h(doc.subtitle)}</p><dl class="facts">${facts}</dl>${sections}<footer>${h(doc.footer)}</footer></body></html>`;
  const footerHtml = `<div style="width:100%;font-size:7pt;color:#5b6577;padding:0 16mm;font-family:${h(fonts(doc.lang))};display:flex;justify-content:space-between"><span>${h(doc.title)}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;
  return { html, footerHtml };
}
