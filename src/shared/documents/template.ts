import type { TFunction } from 'i18next';
import type { RevisionBody } from '../definitions/model';
import type { Locale } from '../domain/types';
import { bodyOf, PARTY_ROLES, type DefinitionInForce, type Party, type PartyRole, type TermsDocument } from './terms';
import { dayOf, escapeHtml as h, integer, longDate, money, percent, weekdayName } from './format';
import { ruleText } from './rule-text';

/**
 * The SLA document as HTML, from its terms alone: the PDF, the app's live preview and a verifier
 * reading the embedded JSON all show the same agreement. Pure string building (no DOM), every
 * word from the `documents` catalog namespace in the document's own language.
 */

/** Link targets Chromium turns into /Link annotations; rendering replaces them with signature slots. */
export const SIGNATURE_SLOT_URL = 'https://funnel-review.invalid/signature-slot/';

export const PAGE = { widthMm: 210, heightMm: 297, marginsMm: { top: 20, right: 20, bottom: 22, left: 20 } } as const;

export interface RenderedHtml {
  readonly title: string;
  readonly html: string;
  readonly headerHtml: string;
  readonly footerHtml: string;
}

/** System fonts first, per script, so Latin, Cyrillic and Chinese all have real glyphs. */
function fontStack(locale: Locale, serif: boolean): string {
  const cjk = serif
    ? ['Noto Serif CJK SC', 'Source Han Serif SC', 'Songti SC', 'SimSun']
    : ['Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei'];
  const latin = serif
    ? ['Noto Serif', 'DejaVu Serif', 'Georgia', 'Cambria', 'Times New Roman']
    : ['Noto Sans', 'DejaVu Sans', 'Segoe UI', 'Helvetica Neue', 'Arial'];
  // Chinese text set in a Latin-first stack picks up the CJK face glyph by glyph; putting CJK first
  // for zh-CN keeps Chinese punctuation and digits in one consistent face.
  const families = locale === 'zh-CN' ? [...cjk, ...latin] : [...latin, ...cjk];
  return [...families.map((f) => `'${f}'`), serif ? 'serif' : 'sans-serif'].join(', ');
}

/** The printed page: paper size and the body's type. */
function pageCss(locale: Locale): string {
  return `
@page { size: ${PAGE.widthMm}mm ${PAGE.heightMm}mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; padding: 0 1pt; font-family: ${fontStack(locale, false)}; font-size: 9.6pt; line-height: 1.5; color: #1d232e; }
`;
}

/**
 * The same page on screen (the app's live preview): a sheet of paper in a shadow root, so the
 * body's rules move to .sheet and the signature slots are boxes, not links.
 */
function sheetCss(locale: Locale): string {
  return `
:host { display: block; }
* { box-sizing: border-box; }
.sheet { max-width: ${PAGE.widthMm}mm; margin: 0 auto; padding: 14mm 14mm 16mm; background: #ffffff; font-family: ${fontStack(locale, false)}; font-size: 9.6pt; line-height: 1.5; color: #1d232e; }
.sig span.slot { display: block; height: 30mm; border-radius: 1.2mm; background: #f4f6fa; border: 0.8pt dashed #c8ceda; }
`;
}

/** Everything inside the page, shared by the PDF and the preview. */
function contentCss(locale: Locale): string {
  return `
h1, h2, h3, .serif { font-family: ${fontStack(locale, true)}; color: #14213d; }
.cover { border-bottom: 2.2pt solid #14213d; padding-bottom: 5mm; margin-bottom: 6mm; }
.eyebrow { font-size: 7.6pt; letter-spacing: 0.16em; text-transform: uppercase; color: #5b6577; margin: 0 0 2mm; }
h1 { font-size: 21pt; line-height: 1.2; margin: 0 0 2mm; font-weight: 700; }
.company { font-size: 12.5pt; margin: 0 0 5mm; color: #2e3a52; }
.meta { display: grid; grid-template-columns: minmax(max-content, 1.15fr) 1.6fr 1fr 1fr; gap: 0; border: 0.6pt solid #c8ceda; }
.meta div { padding: 2mm 3mm; border-left: 0.6pt solid #c8ceda; }
.meta div:first-child { border-left: none; }
.meta dt { font-size: 6.8pt; letter-spacing: 0.1em; text-transform: uppercase; color: #5b6577; }
.meta dd { margin: 0.6mm 0 0; font-weight: 600; font-size: 9pt; }
h2 { font-size: 12.5pt; margin: 7mm 0 2.5mm; padding-bottom: 1.2mm; border-bottom: 0.6pt solid #c8ceda; break-after: avoid; }
h2 .num { color: #8a93a6; margin-right: 2.5mm; font-weight: 400; }
h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; break-after: avoid; }
p { margin: 0 0 2.2mm; }
.agreed { white-space: pre-wrap; border-left: 1.6pt solid #c8ceda; padding: 0.5mm 0 0.5mm 3.5mm; margin: 1.5mm 0 2.5mm; }
.rule { background: #f3f5f9; border: 0.6pt solid #dde2ea; border-radius: 1.2mm; padding: 1.8mm 3mm; margin: 1.5mm 0 3mm; font-size: 8.8pt; }
.rule b { font-weight: 600; color: #2e3a52; }
.rev { font-size: 8pt; color: #5b6577; font-weight: 400; }
.parties { display: grid; grid-template-columns: 1fr 1fr; gap: 5mm; }
.party { border: 0.6pt solid #c8ceda; border-top: 2pt solid #14213d; padding: 2.5mm 3.5mm; }
.party .side { font-size: 7pt; letter-spacing: 0.12em; text-transform: uppercase; color: #5b6577; }
.party .name { font-size: 11pt; font-weight: 600; margin-top: 0.8mm; }
table { width: 100%; border-collapse: collapse; margin: 1.5mm 0 3mm; font-size: 8.8pt; }
th { text-align: left; font-weight: 600; font-size: 7.4pt; letter-spacing: 0.06em; text-transform: uppercase; color: #5b6577; border-bottom: 1pt solid #14213d; padding: 1.4mm 2mm; }
td { border-bottom: 0.5pt solid #dde2ea; padding: 1.6mm 2mm; vertical-align: top; }
th[scope=row] { border-bottom: 0.5pt solid #dde2ea; text-transform: none; letter-spacing: 0; font-size: 8.4pt; color: #2e3a52; width: 26%; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr { break-inside: avoid; }
ul.commit { margin: 1mm 0 3mm; padding-left: 5mm; }
ul.commit li { margin-bottom: 1.2mm; }
.note { font-size: 8.2pt; color: #5b6577; }
.signatures { break-inside: avoid; margin-top: 8mm; }
.sig-grid { display: grid; grid-template-columns: 1fr 1fr; gap: 8mm; margin-top: 4mm; }
.sig .side { font-size: 7pt; letter-spacing: 0.12em; text-transform: uppercase; color: #5b6577; margin-bottom: 1.5mm; }
.sig a.slot { display: block; height: 30mm; border-radius: 1.2mm; background: #f4f6fa; text-decoration: none; }
.keep { break-inside: avoid; }
.sig .line { border-top: 0.8pt solid #14213d; margin-top: 2mm; padding-top: 1.2mm; }
.sig .name { font-weight: 600; }
.sig .title, .sig .email { font-size: 8.4pt; color: #404a5c; }
`;
}

interface Ctx {
  readonly t: TFunction;
  readonly locale: Locale;
  readonly terms: TermsDocument;
  /** Drawn for the app's preview rather than for printing. */
  readonly screen: boolean;
}

const stageLabel = (c: Ctx, key: string): string => {
  const s = c.terms.stages.find((x) => x.key === key);
  return s ? (s.labels[c.locale] ?? s.labels.en ?? key) : key;
};

function revisionLine(c: Ctx, d: DefinitionInForce): string {
  const when =
    d.effectiveFrom === null
      ? ''
      : c.t('documents.pdf.effectiveFrom', { date: dayOf(d.effectiveFrom, c.locale, c.terms.timeZone) });
  return `<span class="rev">${h(c.t('documents.pdf.revision', { version: d.version }))}${when ? ` · ${h(when)}` : ''}</span>`;
}

function agreedText(text: string): string {
  return text.trim() ? `<div class="agreed">${h(text.trim())}</div>` : '';
}

function ruleBox(c: Ctx, rule: Parameters<typeof ruleText>[0] | undefined): string {
  if (!rule) return '';
  return `<div class="rule"><b>${h(c.t('documents.pdf.ruleLabel'))}</b> ${h(ruleText(rule, c.t, c.locale))}</div>`;
}

function partyCard(c: Ctx, role: PartyRole, p: Party): string {
  return `<div class="party"><div class="side">${h(c.t(`documents.pdf.side.${role}`))}</div>
<div class="name">${h(p.name)}</div><div>${h(p.title)}</div>${p.email ? `<div class="note">${h(p.email)}</div>` : ''}</div>`;
}

function hours(c: Ctx, n: number): string {
  return c.t('documents.pdf.businessHours', { count: n, hours: integer(n, c.locale) });
}

function definitionsSection(c: Ctx, n: number): string {
  const parts: string[] = [];
  const of = (kind: DefinitionInForce['kind']) => c.terms.definitions.filter((d) => d.kind === kind);
  for (const d of of('market')) {
    const b = bodyOf(d, 'market');
    if (!b) continue;
    const answers = Object.entries(b.answers)
      // Answer keys are the team's own words ("problem", "ideal_buyer"): shown as labels, not translated.
      .map(
        ([q, a]) =>
          `<tr><th scope="row">${h(q.replace(/_/g, ' ').replace(/^\p{Ll}/u, (ch) => ch.toUpperCase()))}</th><td>${h(a)}</td></tr>`,
      )
      .join('');
    parts.push(
      `<h3>${h(c.t('documents.pdf.market'))} ${revisionLine(c, d)}</h3>${agreedText(b.text)}${answers ? `<table>${answers}</table>` : ''}`,
    );
  }
  for (const d of of('icp')) {
    const b = bodyOf(d, 'icp');
    if (!b) continue;
    parts.push(
      `<h3>${h(c.t('documents.pdf.icp'))} ${revisionLine(c, d)}</h3>${agreedText(b.text)}${ruleBox(c, b.rule)}`,
    );
  }
  for (const d of of('stage_criteria')) {
    const b = bodyOf(d, 'stage_criteria');
    if (!b) continue;
    const stage = d.stageKey ? stageLabel(c, d.stageKey) : d.title;
    parts.push(
      `<h3>${h(c.t('documents.pdf.stageCriteria', { stage }))} ${revisionLine(c, d)}</h3>${agreedText(b.text)}${ruleBox(c, b.rule)}`,
    );
  }
  if (parts.length === 0) parts.push(`<p class="note">${h(c.t('documents.pdf.noDefinitions'))}</p>`);
  return `<h2><span class="num">${n}.</span>${h(c.t('documents.pdf.definitionsHeading'))}</h2>${parts.join('')}`;
}

function commitmentsSection(
  c: Ctx,
  n: number,
  sla: { d: DefinitionInForce; b: RevisionBody<'sla_terms'> } | null,
): string {
  const head = `<h2><span class="num">${n}.</span>${h(c.t('documents.pdf.commitmentsHeading'))}</h2>`;
  if (!sla) return `${head}<p class="note">${h(c.t('documents.pdf.noSlaTerms'))}</p>`;
  const { terms } = sla.b;
  const handoff = stageLabel(c, terms.handoffStage);
  const accepted = stageLabel(c, terms.acceptedStage);
  const clock = c.t(`documents.pdf.clock.${terms.clockStart}`, { stage: handoff });
  const marketing = [
    c.t('documents.pdf.commit.volume', { target: integer(terms.weeklyVolumeTarget, c.locale), stage: handoff }),
    c.t('documents.pdf.commit.quality', { rate: percent(terms.salRateTarget, c.locale), stage: handoff, accepted }),
  ];
  const sales = [
    c.t('documents.pdf.commit.followUp', { hours: hours(c, terms.followUpBusinessHours), clock, stage: handoff }),
    c.t('documents.pdf.commit.recycling', { hours: hours(c, terms.recyclingBusinessHours) }),
  ];
  const overrides = Object.entries(terms.segmentOverrides);
  const overrideTable = overrides.length
    ? `<h3>${h(c.t('documents.pdf.overridesHeading'))}</h3><table><thead><tr><th>${h(c.t('documents.pdf.col.segment'))}</th><th class="n">${h(c.t('documents.pdf.col.followUp'))}</th><th class="n">${h(c.t('documents.pdf.col.volume'))}</th><th class="n">${h(c.t('documents.pdf.col.salRate'))}</th></tr></thead><tbody>${overrides
        .map(
          ([segment, o]) =>
            `<tr><td>${h(segment)}</td><td class="n">${o.followUpBusinessHours === undefined ? '—' : h(hours(c, o.followUpBusinessHours))}</td><td class="n">${o.weeklyVolumeTarget === undefined ? '—' : h(integer(o.weeklyVolumeTarget, c.locale))}</td><td class="n">${o.salRateTarget === undefined ? '—' : h(percent(o.salRateTarget, c.locale))}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  const list = (items: string[]) => `<ul class="commit">${items.map((i) => `<li>${h(i)}</li>`).join('')}</ul>`;
  return `<div class="keep">${head}<p>${revisionLine(c, sla.d)}</p>${agreedText(sla.b.text)}</div>
<h3>${h(c.t('documents.pdf.marketingCommits'))}</h3>${list(marketing)}
<h3>${h(c.t('documents.pdf.salesCommits'))}</h3>${list(sales)}
<p class="note">${h(c.t('documents.pdf.measuredIn', { zone: c.terms.timeZone }))}</p>${overrideTable}`;
}

function planSection(c: Ctx, n: number): string {
  const plan = c.terms.plan;
  if (!plan) return '';
  const rows = plan.stages
    .map(
      (s) =>
        `<tr><td>${h(stageLabel(c, s.stage))}</td><td class="n">${h(integer(s.total, c.locale))}</td><td class="n">${h(integer(s.perMonth, c.locale))}</td><td class="n">${h(integer(s.perWeek, c.locale))}</td></tr>`,
    )
    .join('');
  const rates = plan.rates
    .map((r) =>
      h(
        c.t('documents.pdf.planRate', {
          from: stageLabel(c, r.from),
          to: stageLabel(c, r.to),
          rate: percent(r.rate, c.locale),
        }),
      ),
    )
    .join('; ');
  return `<h2><span class="num">${n}.</span>${h(c.t('documents.pdf.planHeading'))}</h2>
<p>${h(c.t('documents.pdf.planIntro', { goal: money(plan.revenueGoal, plan.currency, c.locale), dealSize: money(plan.averageDealSize, plan.currency, c.locale) }))}</p>
<table><thead><tr><th>${h(c.t('documents.pdf.col.stage'))}</th><th class="n">${h(c.t('documents.pdf.col.period'))}</th><th class="n">${h(c.t('documents.pdf.col.perMonth'))}</th><th class="n">${h(c.t('documents.pdf.col.perWeek'))}</th></tr></thead><tbody>${rows}</tbody></table>
<p class="note">${h(c.t('documents.pdf.planRates'))} ${rates}. ${h(c.t('documents.pdf.planRounding'))}</p>`;
}

function taxonomySection(c: Ctx, n: number): string {
  const d = c.terms.definitions.find((x) => x.kind === 'reason_taxonomy');
  const b = d ? bodyOf(d, 'reason_taxonomy') : null;
  if (!d || !b) return '';
  const rows = b.reasons
    .map(
      (r) =>
        `<tr><td>${h(c.t(`documents.pdf.reasonKind.${r.kind}`))}</td><td>${h(r.labels[c.locale] ?? r.labels.en ?? r.code)}</td><td class="note">${h(r.code)}</td></tr>`,
    )
    .join('');
  // A short list stays on one page with its heading; a long one may break between rows.
  const keep = b.reasons.length <= 15 ? 'keep' : '';
  return `<section class="${keep}"><div class="keep"><h2><span class="num">${n}.</span>${h(c.t('documents.pdf.taxonomyHeading'))}</h2><p>${revisionLine(c, d)}</p>${agreedText(b.text)}</div>
<table><thead><tr><th>${h(c.t('documents.pdf.col.kind'))}</th><th>${h(c.t('documents.pdf.col.reason'))}</th><th>${h(c.t('documents.pdf.col.code'))}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function reviewSection(c: Ctx, n: number): string {
  const r = c.terms.review;
  const items = [
    c.t('documents.pdf.review.weekly', { weekday: weekdayName(r.weekday, c.locale) }),
    c.t('documents.pdf.review.measured'),
    c.t('documents.pdf.review.breach'),
    c.t('documents.pdf.review.escalation', {
      count: r.escalationWeeks,
      weeks: integer(r.escalationWeeks, c.locale),
      escalateTo: r.escalateTo,
    }),
    c.t('documents.pdf.review.amendments'),
    c.t('documents.pdf.review.term', {
      from: longDate(c.terms.period.from, c.locale),
      to: longDate(c.terms.period.to, c.locale),
    }),
  ];
  return `<h2><span class="num">${n}.</span>${h(c.t('documents.pdf.reviewHeading'))}</h2><ul class="commit">${items.map((i) => `<li>${h(i)}</li>`).join('')}</ul>`;
}

function registerSection(c: Ctx, n: number): string {
  if (c.terms.definitions.length === 0) return '';
  const rows = c.terms.definitions
    .map(
      (d) =>
        `<tr><td>${h(c.t(`documents.pdf.kind.${d.kind}`))}</td><td>${h(d.title)}</td><td class="n">${h(integer(d.version, c.locale))}</td><td>${d.effectiveFrom === null ? '—' : h(dayOf(d.effectiveFrom, c.locale, c.terms.timeZone))}</td><td>${h([d.approvedBy.marketing, d.approvedBy.sales].filter(Boolean).join(', ') || '—')}</td></tr>`,
    )
    .join('');
  return `<h2><span class="num">${n}.</span>${h(c.t('documents.pdf.registerHeading'))}</h2><p class="note">${h(c.t('documents.pdf.registerIntro'))}</p>
<table><thead><tr><th>${h(c.t('documents.pdf.col.kind'))}</th><th>${h(c.t('documents.pdf.col.definition'))}</th><th class="n">${h(c.t('documents.pdf.col.version'))}</th><th>${h(c.t('documents.pdf.col.effective'))}</th><th>${h(c.t('documents.pdf.col.approvedBy'))}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function signatureSection(c: Ctx, n: number): string {
  const boxes = PARTY_ROLES.map((role) => {
    const p = c.terms.parties[role];
    // On screen a slot is only a box: a link there would lead out of the app.
    const slot = c.screen ? '<span class="slot"></span>' : `<a class="slot" href="${SIGNATURE_SLOT_URL}${role}"></a>`;
    return `<div class="sig"><div class="side">${h(c.t(`documents.pdf.forSide.${role}`))}</div>
${slot}
<div class="line"><div class="name">${h(p.name)}</div><div class="title">${h(p.title)}</div>${p.email ? `<div class="email">${h(p.email)}</div>` : ''}</div></div>`;
  }).join('');
  return `<section class="signatures"><h2><span class="num">${n}.</span>${h(c.t('documents.pdf.signaturesHeading'))}</h2>
<p>${h(c.t('documents.pdf.signaturesIntro', { company: c.terms.parties.company }))}</p>
<p class="note">${h(c.t('documents.pdf.signaturesHow'))}</p><div class="sig-grid">${boxes}</div></section>`;
}

/** The cover and numbered sections: what the page shows, for print or screen. */
function slaBody(terms: TermsDocument, t: TFunction, screen: boolean): string {
  const locale = terms.locale;
  const c: Ctx = { t, locale, terms, screen };
  const slaDef = terms.definitions.find((d) => d.kind === 'sla_terms');
  const slaBody = slaDef ? bodyOf(slaDef, 'sla_terms') : null;
  const sla = slaDef && slaBody ? { d: slaDef, b: slaBody } : null;
  const title = t('documents.pdf.title');
  const period = t('documents.pdf.periodValue', {
    from: longDate(terms.period.from, locale),
    to: longDate(terms.period.to, locale),
  });
  // Sections that do not apply (no plan, no taxonomy) are left out and the rest numbered in order.
  const builders: Array<(n: number) => string> = [
    (n) => `<h2><span class="num">${n}.</span>${h(t('documents.pdf.partiesHeading'))}</h2>
<p>${h(t('documents.pdf.partiesIntro', { company: terms.parties.company }))}</p>
<div class="parties">${PARTY_ROLES.map((r) => partyCard(c, r, terms.parties[r])).join('')}</div>`,
    (n) =>
      `<h2><span class="num">${n}.</span>${h(t('documents.pdf.purposeHeading'))}</h2><p>${h(t('documents.pdf.purpose', { period }))}</p>`,
    (n) => definitionsSection(c, n),
    (n) => commitmentsSection(c, n, sla),
    (n) => planSection(c, n),
    (n) => taxonomySection(c, n),
    (n) => reviewSection(c, n),
    (n) => registerSection(c, n),
    (n) => signatureSection(c, n),
  ];
  const sections: string[] = [];
  for (const build of builders) {
    const html = build(sections.length + 1);
    if (html) sections.push(html);
  }
  const meta = [
    [t('documents.pdf.documentId'), terms.documentId],
    [t('documents.pdf.period'), period],
    [t('documents.pdf.composed'), dayOf(terms.composedAt, locale, terms.timeZone)],
    [
      t('documents.pdf.reviewCadence'),
      t('documents.pdf.weeklyOn', { weekday: weekdayName(terms.review.weekday, locale) }),
    ],
  ]
    .map(([k, v]) => `<div><dt>${h(k!)}</dt><dd>${h(v!)}</dd></div>`)
    .join('');
  return `<header class="cover"><p class="eyebrow">${h(t('documents.pdf.eyebrow'))}</p><h1>${h(title)}</h1><p class="company serif">${h(terms.parties.company)}</p><dl class="meta">${meta}</dl></header>
${sections.join('\n')}`;
}

export function renderSlaHtml(terms: TermsDocument, t: TFunction): RenderedHtml {
  const locale = terms.locale;
  const title = t('documents.pdf.title');
  const html = `<!doctype html><html lang="${h(locale)}"><head><meta charset="utf-8"><title>${h(title)} — ${h(terms.parties.company)}</title>
<style>${pageCss(locale)}${contentCss(locale)}</style></head><body>
${slaBody(terms, t, false)}
</body></html>`;
  const small = `font-family: ${fontStack(locale, false)}; font-size: 7pt; color: #5b6577; width: 100%; margin: 0 20mm; display: flex; justify-content: space-between; -webkit-print-color-adjust: exact;`;
  const headerHtml = `<div style="${small}"><span>${h(terms.parties.company)}</span><span>${h(title)}</span></div>`;
  const footerHtml = `<div style="${small}"><span>${h(t('documents.pdf.footerId', { id: terms.documentId }))}</span><span>${t('documents.pdf.pageOf', { page: '<span class="pageNumber"></span>', total: '<span class="totalPages"></span>' })}</span></div>`;
  return { title, html, headerHtml, footerHtml };
}

/** The document for the app's live preview: its style sheet and the page's markup (no scripts, no links). */
export interface SlaSheet {
  readonly lang: Locale;
  readonly css: string;
  /** Markup for inside a `.sheet` element. */
  readonly body: string;
}

export function renderSlaSheet(terms: TermsDocument, t: TFunction): SlaSheet {
  return {
    lang: terms.locale,
    css: `${sheetCss(terms.locale)}${contentCss(terms.locale)}`,
    body: slaBody(terms, t, true),
  };
}
