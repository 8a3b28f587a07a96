import { describe, expect, it } from 'vitest';
import { suggestedParty } from '../../../src/renderer/screens/sla/agreement/signing/party';
import { signedParties, verdictOf } from '../../../src/renderer/screens/sla/agreement/verify/verdict';
import type { IdentityInfo, SignatureReport, VerificationReport } from '../../../src/shared/documents/types';
import type { TermsDocument } from '../../../src/shared/documents/terms';

const person = (name: string, email: string): IdentityInfo => ({
  name,
  role: '',
  company: '',
  email,
  fingerprint: 'ab'.repeat(32),
  notBefore: 0,
  notAfter: 1,
  selfSigned: true,
  issuer: name,
});

function signature(index: number, party: SignatureReport['party'], intact: boolean): SignatureReport {
  return {
    index,
    fieldName: party ? `SLA_signature_${party}` : 'Other',
    party,
    signer: person('X', 'x@x.example'),
    signedAt: 0,
    byteRange: [0, 10, 20, 30],
    revisionEnd: 50,
    coversWholeRevision: true,
    digestValid: intact,
    signatureValid: true,
    intact,
    subFilter: 'adbe.pkcs7.detached',
  };
}

function report(signatures: SignatureReport[], trailing = 0): VerificationReport {
  const parties = {
    company: 'Acme',
    marketing: { name: 'Ana Souza', title: 'CMO', email: 'ana@acme.example' },
    sales: { name: 'Ivan Petrov', title: 'CSO', email: '' },
  };
  return {
    fileName: 'sla.pdf',
    fileSize: 100,
    fileSha256: '00'.repeat(32),
    signatures,
    unsignedTrailingBytes: trailing,
    ok: signatures.length > 0 && signatures.every((s) => s.intact) && trailing === 0,
    // Only the parties matter here.
    terms: { parties } as unknown as TermsDocument,
    workspaceMatch: null,
  };
}

describe('verification verdicts', () => {
  it('says valid, not signed yet, or invalid with every reason', () => {
    expect(verdictOf(report([]))).toEqual({ verdict: 'unsigned', reasons: [] });
    expect(verdictOf(report([signature(1, 'marketing', true), signature(2, 'sales', true)]))).toEqual({
      verdict: 'valid',
      reasons: [],
    });
    expect(verdictOf(report([signature(1, 'marketing', true), signature(2, 'sales', false)], 120))).toEqual({
      verdict: 'invalid',
      reasons: [
        { key: 'broken', index: 2 },
        { key: 'trailing', bytes: 120 },
      ],
    });
    expect(verdictOf(report([signature(1, null, true)]))).toEqual({ verdict: 'valid', reasons: [{ key: 'foreign' }] });
    expect([...signedParties(report([signature(1, 'sales', false), signature(2, null, true)]))]).toEqual(['sales']);
  });
});

describe('which slot an identity signs', () => {
  it('matches the party by e-mail, then by name, among the free slots; else the first free one', () => {
    const empty = report([]);
    expect(suggestedParty(empty, person('Someone', 'ANA@acme.example'))).toBe('marketing');
    expect(suggestedParty(empty, person('ivan petrov', 'ivan@elsewhere.example'))).toBe('sales');
    expect(suggestedParty(empty, person('Nobody', 'nobody@x.example'))).toBe('marketing');
    expect(suggestedParty(empty, undefined)).toBe('marketing');
    const first = report([signature(1, 'marketing', true)]);
    expect(suggestedParty(first, person('Ana Souza', 'ana@acme.example'))).toBe('sales');
    expect(
      suggestedParty(report([signature(1, 'marketing', true), signature(2, 'sales', true)]), undefined),
    ).toBeNull();
  });
});
