import type { VerificationReport } from '../../../../../shared/documents/types';

/** What a verification report means for people: one verdict and the reasons behind a bad one. */
export type Verdict = 'valid' | 'unsigned' | 'invalid';

export interface VerdictReason {
  readonly key: 'broken' | 'trailing' | 'foreign';
  readonly index?: number;
  readonly bytes?: number;
}

export function verdictOf(report: VerificationReport): { verdict: Verdict; reasons: VerdictReason[] } {
  if (report.signatures.length === 0) return { verdict: 'unsigned', reasons: [] };
  const reasons: VerdictReason[] = report.signatures
    .filter((s) => !s.intact)
    .map((s) => ({ key: 'broken', index: s.index }));
  if (report.unsignedTrailingBytes > 0) reasons.push({ key: 'trailing', bytes: report.unsignedTrailingBytes });
  if (report.ok && report.signatures.some((s) => s.party === null)) reasons.push({ key: 'foreign' });
  return { verdict: report.ok ? 'valid' : 'invalid', reasons };
}

/** The parties whose slot is already signed (intact or not: a slot is used once). */
export function signedParties(report: VerificationReport): ReadonlySet<string> {
  return new Set(report.signatures.map((s) => s.party).filter((p): p is NonNullable<typeof p> => p !== null));
}
