import { PARTY_ROLES, type PartyRole } from '../../../../../shared/documents/terms';
import type { IdentityInfo, VerificationReport } from '../../../../../shared/documents/types';
import { signedParties } from '../verify/verdict';

/** The slot an identity most likely signs: a free one whose party has its e-mail or name, else the first free. */
export function suggestedParty(report: VerificationReport, identity: IdentityInfo | undefined): PartyRole | null {
  const taken = signedParties(report);
  const free = PARTY_ROLES.filter((p) => !taken.has(p));
  const same = (a: string, b: string) => a.trim() !== '' && a.trim().toLowerCase() === b.trim().toLowerCase();
  const parties = report.terms?.parties;
  if (identity && parties) {
    const match =
      free.find((p) => same(parties[p].email, identity.email)) ??
      free.find((p) => same(parties[p].name, identity.name));
    if (match) return match;
  }
  return free[0] ?? null;
}
