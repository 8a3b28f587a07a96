import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChromiumPdfEngine } from '../../../src/main/documents/chromium-engine';
import { composeTerms } from '../../../src/main/documents/compose';
import { createIdentity, infoOf } from '../../../src/main/documents/identity';
import { renderSlaPdf } from '../../../src/main/documents/render';
import { signDocument } from '../../../src/main/documents/sign';
import { createI18n } from '../../../src/shared/i18n';
import { percent } from '../../../src/shared/documents/format';
import type { Locale } from '../../../src/shared/domain/types';
import { fixtureWorkspace, PARTIES, T0 } from './fixture';
import { CHROMIUM_MISSING, chromiumPath, pageToPng, poppler, pdftotext, squash } from './tools';

const RESULTS = path.resolve('test-results/documents');
const NOW = T0 + 60 * 86_400_000;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** Signers whose names need each script: the visible signature block must draw them all. */
const SIGNERS: Record<Locale, [string, string]> = {
  en: ['Ana Souza', 'Ivan Petrov'],
  'pt-BR': ['Ana Souza', 'João Gonçalves'],
  es: ['Ana Souza', 'María Peña'],
  ru: ['Анна Соколова', 'Иван Петров'],
  'zh-CN': ['王芳', '李伟'],
};

describe.skipIf(!chromiumPath || !poppler.pdftotext || !poppler.pdftoppm)(
  `the SLA document in every language (${chromiumPath ? 'needs poppler-utils too' : CHROMIUM_MISSING})`,
  () => {
    const engine = new ChromiumPdfEngine();

    it.each(['en', 'pt-BR', 'es', 'ru', 'zh-CN'] as const)(
      '%s: the terms read in that language, glyphs and all',
      async (locale) => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), `fr-locale-${locale}-`));
        dirs.push(dir);
        const ws = fixtureWorkspace(dir, locale);
        const [marketingName, salesName] = SIGNERS[locale];
        let terms;
        try {
          terms = composeTerms(
            ws,
            {
              period: { from: '2027-01-01', to: '2027-12-31' },
              company: PARTIES.company,
              marketing: { ...PARTIES.marketing, name: marketingName },
              sales: { ...PARTIES.sales, name: salesName },
              plan: {
                revenueGoal: 1_000_000,
                averageDealSize: 24_000,
                currency: 'EUR',
                stages: [
                  { stage: 'mql', total: 700, perMonth: 59, perWeek: 14 },
                  { stage: 'sal', total: 420, perMonth: 36, perWeek: 9 },
                  { stage: 'sql', total: 210, perMonth: 18, perWeek: 5 },
                  { stage: 'won', total: 42, perMonth: 4, perWeek: 1 },
                ],
                rates: [
                  { from: 'mql', to: 'sal', rate: 0.6 },
                  { from: 'sal', to: 'sql', rate: 0.5 },
                  { from: 'sql', to: 'won', rate: 0.2 },
                ],
              },
            },
            NOW,
          );
        } finally {
          ws.close();
        }
        const rendered = await renderSlaPdf(terms, engine, 'Funnel Review test');
        const file = path.join(dir, `sla-${locale}.pdf`);
        fs.writeFileSync(file, rendered.bytes);

        const t = createI18n(locale).t;
        const text = squash(pdftotext(file));
        const expectText = (s: string) => expect(text, `${locale}: ${s}`).toContain(squash(s));
        expectText(t('documents.pdf.title'));
        expectText(t('documents.pdf.commitmentsHeading'));
        expectText(t('documents.pdf.salesCommits'));
        const label = (key: string) => terms.stages.find((st) => st.key === key)?.labels[locale] ?? key;
        expectText(
          t('documents.pdf.commit.quality', {
            rate: percent(0.5, locale),
            stage: label('mql'),
            accepted: label('sal'),
          }),
        );
        expectText(t('documents.pdf.review.amendments'));
        expectText(t('documents.pdf.planRounding'));
        expectText(t('documents.pdf.pageOf', { page: 1, total: rendered.pages }));
        expectText(terms.documentId);
        if (locale === 'ru') expectText('Слишком дорого');
        if (locale === 'zh-CN') expectText('价格过高');

        // Signed by both, in the names' own scripts, so the page images show real signature blocks.
        const sign = (name: string, email: string, bytes: Buffer) => {
          const material = createIdentity({
            name,
            role: t(`documents.pdf.defaultTitle.${email.startsWith('ana') ? 'marketing' : 'sales'}`),
            company: PARTIES.company,
            email,
            days: 365,
            now: NOW - 86_400_000,
          });
          return signDocument({
            bytes,
            file: `sla-${locale}.pdf`,
            identity: { info: infoOf(material), material },
            engine,
            now: NOW,
          });
        };
        const first = await sign(marketingName, 'ana@acme.example', Buffer.from(rendered.bytes));
        const second = await sign(salesName, 'ivan@acme.example', first.bytes);
        expect(second.after.ok).toBe(true);
        const signed = path.join(dir, `sla-${locale}-signed.pdf`);
        fs.writeFileSync(signed, second.bytes);
        const signedText = squash(pdftotext(signed));
        expect(signedText).toContain(squash(marketingName));
        expect(signedText).toContain(squash(salesName));

        fs.mkdirSync(RESULTS, { recursive: true });
        const png = path.join(RESULTS, `sla-${locale}-page1.png`);
        pageToPng(file, 1, png);
        pageToPng(signed, rendered.pages, path.join(RESULTS, `sla-${locale}-signatures.png`));
        expect(fs.statSync(png).size).toBeGreaterThan(20_000);
      },
      180_000,
    );
  },
);
