import type { TFunction } from 'i18next';
import type { Locale } from '../domain/types';
import { dateTime, escapeHtml as h, fingerprintText } from './format';

/**
 * The visible signature block drawn in a party's signature slot: who signed, when, and which
 * certificate. Printed by the same engine as the document, at exactly the slot's size, so any
 * script in a signer's name renders with real glyphs.
 */
export interface AppearanceInput {
  readonly name: string;
  readonly role: string;
  readonly company: string;
  readonly signedAt: number;
  readonly timeZone: string;
  readonly fingerprint: string;
  readonly locale: Locale;
  readonly widthPt: number;
  readonly heightPt: number;
}

export function renderAppearanceHtml(a: AppearanceInput, t: TFunction): string {
  const sans =
    a.locale === 'zh-CN'
      ? "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans', 'DejaVu Sans', sans-serif"
      : "'Noto Sans', 'DejaVu Sans', 'Segoe UI', Arial, 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";
  const fp = fingerprintText(a.fingerprint);
  const half = fp.length / 2 + 1;
  const role = [a.role, a.company].filter(Boolean).join(' · ');
  return `<!doctype html><html lang="${h(a.locale)}"><head><meta charset="utf-8"><style>
@page { size: ${a.widthPt}pt ${a.heightPt}pt; margin: 0; }
html, body { margin: 0; width: ${a.widthPt}pt; height: ${a.heightPt}pt; overflow: hidden; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: ${sans}; color: #14213d; background: #ffffff; }
.box { box-sizing: border-box; width: 100%; height: 100%; border: 0.8pt solid #2c5f8a; border-radius: 3pt; padding: 5pt 7pt; background: #f4f8fc; position: relative; }
.mark { position: absolute; right: 7pt; top: 5pt; width: 15pt; height: 15pt; border-radius: 50%; background: #2c5f8a; color: #fff; font-size: 10pt; line-height: 15pt; text-align: center; font-weight: 700; }
.k { font-size: 5.6pt; letter-spacing: 0.1em; text-transform: uppercase; color: #2c5f8a; }
.name { font-size: 11pt; font-weight: 700; margin: 1pt 0 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; padding-right: 18pt; }
.role { font-size: 7pt; color: #3a4660; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.when { font-size: 7pt; margin-top: 3pt; }
.fp { font-family: 'DejaVu Sans Mono', 'Noto Sans Mono CJK SC', Consolas, monospace; font-size: 4.9pt; color: #3a4660; margin-top: 2pt; line-height: 1.35; }
</style></head><body><div class="box"><div class="mark">✓</div>
<div class="k">${h(t('documents.appearance.signedBy'))}</div>
<div class="name">${h(a.name)}</div>
${role ? `<div class="role">${h(role)}</div>` : ''}
<div class="when"><span class="k">${h(t('documents.appearance.date'))}</span> ${h(dateTime(a.signedAt, a.locale, a.timeZone))}</div>
<div class="fp"><span class="k">${h(t('documents.appearance.certificate'))}</span><br>${h(fp.slice(0, half))}<br>${h(fp.slice(half))}</div>
</div></body></html>`;
}
