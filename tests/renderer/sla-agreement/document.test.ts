import { describe, expect, it } from 'vitest';
import { composeInput } from '../../../src/renderer/screens/sla/agreement/document/compose-input';
import { createI18n } from '../../../src/shared/i18n';
import { renderSlaHtml, renderSlaSheet } from '../../../src/shared/documents/template';
import {
  termsDocument,
  TERMS_FORMAT,
  type PlanSnapshot,
  type TermsDocument,
} from '../../../src/shared/documents/terms';
import { DEFAULT_SLA_TERMS } from '../../../src/shared/definitions/model';

const PERIOD = { from: '2027-01-01', to: '2027-12-31' };
const PLAN: PlanSnapshot = {
  revenueGoal: 1_000_000,
  averageDealSize: 10_000,
  currency: 'EUR',
  stages: [{ stage: 'mql', total: 1668, perWeek: 32, perMonth: 140 }],
  rates: [{ from: 'mql', to: 'won', rate: 0.06 }],
};

function terms(locale: TermsDocument['locale']): TermsDocument {
  return termsDocument.parse({
    format: TERMS_FORMAT,
    documentId: 'SLA-2027-7K3M9QX2',
    locale,
    composedAt: Date.UTC(2026, 10, 20),
    period: PERIOD,
    parties: {
      company: 'Acme <Analytics>',
      marketing: { name: 'Ana Souza', title: 'CMO', email: 'ana@acme.example' },
      sales: { name: 'Иван Петров', title: 'CSO', email: '' },
    },
    review: { weekday: 1, escalationWeeks: 2, escalateTo: 'CEO' },
    timeZone: 'Europe/Lisbon',
    stages: [{ key: 'mql', labels: { en: 'MQL' } }],
    definitions: [
      {
        kind: 'sla_terms',
        key: 'sla',
        title: 'SLA terms',
        stageKey: null,
        revisionId: 7,
        version: 2,
        effectiveFrom: Date.UTC(2026, 0, 5),
        approvedBy: { marketing: 'Ana Souza', sales: 'Иван Петров' },
        body: { text: 'We agree.', terms: { ...DEFAULT_SLA_TERMS, weeklyVolumeTarget: 32 } },
      },
    ],
    plan: PLAN,
  });
}

describe('the document form', () => {
  it('sends only what people changed, trimmed; an emptied field returns to its default', () => {
    expect(composeInput({ includePlan: true }, PERIOD, null)).toEqual({ period: PERIOD, plan: null });
    const input = composeInput(
      {
        includePlan: true,
        locale: 'ru',
        company: '  ',
        marketing: { name: ' Ana ', title: '', email: '' },
        sales: { title: 'Head of Sales' },
        review: { weekday: 5, escalateTo: ' ', escalationWeeks: 3 },
      },
      PERIOD,
      PLAN,
    );
    expect(input).toEqual({
      period: PERIOD,
      locale: 'ru',
      marketing: { name: 'Ana', email: '' },
      sales: { title: 'Head of Sales' },
      review: { weekday: 5, escalationWeeks: 3 },
      plan: PLAN,
    });
    expect(composeInput({ includePlan: false }, PERIOD, PLAN).plan).toBeNull();
  });
});

describe('the live preview sheet', () => {
  it('is the printed document’s body, with boxes instead of slot links and no page rules', () => {
    for (const locale of ['en', 'ru', 'zh-CN'] as const) {
      const t = createI18n(locale).t;
      const sheet = renderSlaSheet(terms(locale), t);
      const printed = renderSlaHtml(terms(locale), t).html;
      expect(sheet.lang).toBe(locale);
      expect(sheet.body).toContain(`<h1>${t('documents.pdf.title')}</h1>`);
      expect(sheet.body).toContain('Acme &lt;Analytics&gt;');
      expect(sheet.body).not.toMatch(/<a\b|href=|<script|<style/i);
      expect(sheet.body.match(/<span class="slot"><\/span>/g)).toHaveLength(2);
      expect(printed).toContain('href="https://funnel-review.invalid/signature-slot/marketing"');
      expect(sheet.css).toContain('.sheet {');
      expect(sheet.css).not.toContain('@page');
      // Everything else on the page is the same markup the PDF prints.
      expect(printed.replace(/<a class="slot" href="[^"]+"><\/a>/g, '<span class="slot"></span>')).toContain(
        sheet.body,
      );
    }
  });
});
