import { useApi } from '../../../../app-context';
import type { IdentityInfo, VaultState } from '../../../../../shared/documents/types';
import type { FileRef } from '../../../../../shared/domain/types';
import { useAgreement } from '../store';
import { useResource, type Resource } from '../../../../analysis/use-resource';

/** An identity someone can sign with here: one the OS key store keeps, or a PKCS#12 file opened in this session. */
export type IdentityOption =
  | { readonly kind: 'vault'; readonly id: string; readonly info: IdentityInfo }
  | {
      readonly kind: 'file';
      readonly ref: FileRef;
      readonly info: IdentityInfo;
      readonly origin: 'created' | 'opened';
    };

export interface Identities {
  readonly vault: Resource<VaultState>;
  /** True when identities are kept by the OS (desktop app with a key store). */
  readonly vaultUsable: boolean;
  readonly options: readonly IdentityOption[];
}

export function optionKey(o: IdentityOption): string {
  return o.kind === 'vault' ? `vault:${o.id}` : `file:${o.ref.id}`;
}

/** The vault's identities (desktop) and the identity files of this session, in one list. */
export function useIdentities(generation = 0): Identities {
  const api = useApi();
  const vault = useResource(`vault|${generation}`, () => api.documents.vault({}));
  const files = useAgreement((s) => s.identities);
  const options: IdentityOption[] = [
    ...(vault.data?.identities ?? []).map((i): IdentityOption => ({ kind: 'vault', id: i.id, info: i })),
    ...files.map((f): IdentityOption => ({ kind: 'file', ref: f.ref, info: f.info, origin: f.origin })),
  ];
  return { vault, vaultUsable: vault.data?.available === true, options };
}
