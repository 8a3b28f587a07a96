import { describe, expect, it } from 'vitest';
import { composeTerms, newDocumentId, rememberParties } from '../../../src/main/documents/compose';
import { definitionsInForce } from '../../../src/main/documents/definitions-in-force';
import { DocumentsRepository } from '../../../src/main/documents/repository';
import { AppError } from '../../../src/shared/errors';
import { tmpDir } from '../../helpers/tmp';
import path from 'node:path';
import { Workspace } from '../../../src/main/workspace/workspace';
import { fixtureWorkspace, insertDefinition, MQL_V1, MQL_V2, PARTIES, SLA_TERMS, T0 } from './fixture';

const DAY = 86_400_000;

describe('definitions in force', () => {
  it('takes the latest approved revision whose date has come, never a proposal', () => {
    const ws = fixtureWorkspace(tmpDir());
    try {
      const now = definitionsInForce(ws, T0 + 60 * DAY);
      expect(now.map((d) => [d.kind, d.key, d.version])).toEqual([
        ['market', 'market', 1],
        ['icp', 'icp', 1],
        ['stage_criteria', 'mql', 2],
        ['sla_terms', 'sla', 1],
        ['reason_taxonomy', 'reasons', 1],
      ]);
      expect(now.find((d) => d.key === 'mql')?.body).toEqual(MQL_V2);
      // Before the second MQL revision took effect, the first (now superseded) one was in force.
      expect(definitionsInForce(ws, T0 + DAY).find((d) => d.key === 'mql')?.body).toEqual(MQL_V1);
      expect(definitionsInForce(ws, T0 - DAY)).toEqual([]);
    } finally {
      ws.close();
    }
  });
});

describe('composeTerms', () => {
  it('takes the parties from the approvers when none are given, and remembers given ones', () => {
    const ws = fixtureWorkspace(tmpDir(), 'pt-BR');
    try {
      const terms = composeTerms(ws, { period: { from: '2027-01-01', to: '2027-12-31' } }, T0 + 60 * DAY);
      expect(terms.parties).toEqual({
        company: 'Acme Analytics',
        marketing: { name: 'Ana Souza', title: 'Diretor(a) de Marketing', email: '' },
        sales: { name: 'Ivan Petrov', title: 'Diretor(a) de Vendas', email: '' },
      });
      expect(terms.locale).toBe('pt-BR');
      expect(terms.documentId).toMatch(/^SLA-2027-[0-9A-Z]{8}$/);
      expect(terms.stages.find((s) => s.key === 'opportunity')?.labels['pt-BR']).toBe('Oportunidade');
      rememberParties(ws, { ...PARTIES, review: { weekday: 5 } });
      const next = composeTerms(ws, {}, T0 + 60 * DAY);
      expect(next.parties).toEqual(PARTIES);
      expect(next.review.weekday).toBe(5);
      // Only what was typed is remembered: a defaulted title follows the language of each document.
      rememberParties(ws, { marketing: { email: 'cmo@acme.example' } });
      const ws2 = fixtureWorkspace(tmpDir(), 'ru');
      try {
        rememberParties(ws2, { marketing: { name: 'Анна' } });
        expect(composeTerms(ws2, {}, T0 + 60 * DAY).parties.marketing).toEqual({
          name: 'Анна',
          title: 'Руководитель маркетинга',
          email: '',
        });
        expect(composeTerms(ws2, { locale: 'es' }, T0 + 60 * DAY).parties.marketing.title).toBe(
          'Responsable de Marketing',
        );
      } finally {
        ws2.close();
      }
      expect(composeTerms(ws, {}, T0 + 60 * DAY).parties.marketing).toEqual({
        ...PARTIES.marketing,
        email: 'cmo@acme.example',
      });
      expect(next.period).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    } finally {
      ws.close();
    }
  });

  it('refuses a period that ends before it starts, and missing names', () => {
    const ws = fixtureWorkspace(tmpDir());
    try {
      expect(() => composeTerms(ws, { period: { from: '2027-12-31', to: '2027-01-01' } })).toThrow(AppError);
    } finally {
      ws.close();
    }
    // A workspace whose only definition has no recorded marketing approver, and no parties given.
    const ws2 = Workspace.create(path.join(tmpDir(), 'bare.db'));
    insertDefinition(
      ws2,
      'sla_terms',
      'sla',
      'SLA',
      null,
      [{ version: 1, status: 'effective', effectiveFrom: T0, body: SLA_TERMS }],
      { marketing: null, sales: 'Ivan' },
    );
    try {
      const e = (() => {
        try {
          composeTerms(ws2, {});
        } catch (err) {
          return err;
        }
        return null;
      })();
      expect(e).toBeInstanceOf(AppError);
      expect(e).toMatchObject({ code: 'documents.invalidParties', params: { detail: 'marketing.name' } });
    } finally {
      ws2.close();
    }
  });

  it('makes document ids that do not repeat', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => newDocumentId('2027')));
    expect(ids.size).toBe(2000);
  });
});

describe('DocumentsRepository', () => {
  it('records documents and which version each party signed, once per signed file', () => {
    const ws = fixtureWorkspace(tmpDir());
    try {
      const repo = ws.repo(DocumentsRepository);
      repo.insertDocument({
        documentId: 'SLA-2027-AAAA1111',
        locale: 'en',
        periodFrom: '2027-01-01',
        periodTo: '2027-12-31',
        terms: '{}',
        termsSha256: 'a'.repeat(64),
        revisionIds: [1, 2],
        fileSha256: 'f0'.repeat(32),
        fileSize: 1000,
        createdBy: 'Ana',
        createdAt: T0,
      });
      const sig = {
        documentId: 'SLA-2027-AAAA1111',
        party: 'marketing' as const,
        sequence: 1,
        signerName: 'Ana Souza',
        signerRole: 'CMO',
        signerEmail: 'ana@acme.example',
        certificateSha256: 'c'.repeat(64),
        signedAt: T0 + 1000,
        signedFileSha256: 'f1'.repeat(32),
        signedFileSize: 2000,
        previousFileSha256: 'f0'.repeat(32),
        createdAt: T0 + 2000,
      };
      repo.insertSignature(sig);
      repo.insertSignature(sig);
      const [doc] = repo.list();
      expect(doc).toMatchObject({ documentId: 'SLA-2027-AAAA1111', revisionIds: [1, 2], fileSize: 1000 });
      expect(doc!.signatures).toHaveLength(1);
      expect(doc!.signatures[0]).toMatchObject({
        party: 'marketing',
        signerName: 'Ana Souza',
        previousFileSha256: 'f0'.repeat(32),
      });
      expect(repo.get('SLA-2027-NOPE0000')).toBeNull();
    } finally {
      ws.close();
    }
  });
});
