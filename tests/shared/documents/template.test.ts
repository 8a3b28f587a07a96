import { describe, expect, it } from 'vitest';
import { renderSlaHtml, SIGNATURE_SLOT_URL } from '../../../src/shared/documents/template';
import { TERMS_FORMAT, termsDocument, type TermsDocument } from '../../../src/shared/documents/terms';
import { createI18n } from '../../../src/shared/i18n';

const terms: TermsDocument = termsDocument.parse({
  format: TERMS_FORMAT,
  documentId: 'SLA-2027-ABCD1234',
  locale: 'es',
  composedAt: Date.UTC(2026, 10, 20),
  period: { from: '2027-01-01', to: '2027-12-31' },
  parties: {
    company: 'Acme <Analytics> & Co',
    marketing: { name: 'Ana Souza', title: 'CMO', email: 'ana@acme.example' },
    sales: { name: 'Luis <script>', title: 'CSO', email: '' },
  },
  review: { weekday: 3, escalationWeeks: 1, escalateTo: 'CEO' },
  timeZone: 'Europe/Madrid',
  stages: [
    { key: 'mql', labels: { en: 'MQL' } },
    { key: 'sal', labels: { en: 'SAL' } },
  ],
  definitions: [
    {
      kind: 'sla_terms',
      key: 'sla',
      title: 'SLA',
      stageKey: null,
      revisionId: 7,
      version: 3,
      effectiveFrom: Date.UTC(2026, 0, 1),
      approvedBy: { marketing: 'Ana Souza', sales: 'Luis' },
      body: {
        text: 'Texto acordado.',
        terms: {
          handoffStage: 'mql',
          acceptedStage: 'sal',
          followUpBusinessHours: 1,
          clockStart: 'assignment',
          weeklyVolumeTarget: 80,
          salRateTarget: 0.45,
          recyclingBusinessHours: 16,
          segmentOverrides: {},
        },
      },
    },
  ],
  plan: null,
});

describe('renderSlaHtml', () => {
  const page = renderSlaHtml(terms, createI18n('es').t);

  it('writes the agreement in the document language, with plural forms', () => {
    expect(page.title).toBe('Acuerdo de Nivel de Servicio entre Marketing y Ventas');
    expect(page.html).toContain('<html lang="es">');
    expect(page.html).toContain('traspasar al menos 80 leads por semana en la etapa MQL;');
    expect(page.html).toContain('en un plazo de 1 hora laborable desde su asignación al responsable actual;');
    expect(page.html).toContain('en un plazo de 16 horas laborables.');
    expect(page.html).toContain('durante 1 semana seguida');
    expect(page.html).toContain('miércoles');
  });

  it('escapes every user-supplied text', () => {
    expect(page.html).toContain('Acme &lt;Analytics&gt; &amp; Co');
    expect(page.html).toContain('Luis &lt;script&gt;');
    expect(page.html).not.toContain('<script>');
    expect(page.headerHtml).toContain('Acme &lt;Analytics&gt; &amp; Co');
  });

  it('has one signature slot per party and page numbers in the footer', () => {
    expect(page.html).toContain(`${SIGNATURE_SLOT_URL}marketing`);
    expect(page.html).toContain(`${SIGNATURE_SLOT_URL}sales`);
    expect(page.footerHtml).toContain('Página <span class="pageNumber"></span> de <span class="totalPages"></span>');
    expect(page.footerHtml).toContain('SLA-2027-ABCD1234');
  });

  it('says so when no definitions are in force instead of printing empty sections', () => {
    const empty = renderSlaHtml({ ...terms, definitions: [] }, createI18n('es').t);
    expect(empty.html).toContain('No hay definiciones aprobadas vigentes para este periodo.');
    expect(empty.html).toContain('No hay términos de SLA aprobados vigentes');
  });
});
