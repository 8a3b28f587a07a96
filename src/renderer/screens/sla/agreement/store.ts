import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { FileRef } from '../../../../shared/domain/types';
import type { Period, PlanSnapshot } from '../../../../shared/documents/terms';
import type { IdentityInfo, RenderedDocument } from '../../../../shared/documents/types';
import type { PlannerForm } from './planner/model';
import type { DocumentEdits } from './document/compose-input';

export const AGREEMENT_STEPS = ['plan', 'document', 'identities', 'sign', 'verify'] as const;
export type AgreementStep = (typeof AGREEMENT_STEPS)[number];

/** A PKCS#12 identity file this session has (browser mode, or a desktop without a key store). */
export interface SessionIdentity {
  readonly ref: FileRef;
  readonly info: IdentityInfo;
  readonly origin: 'created' | 'opened';
}

/** The PDF the Sign step works on, and where it came from. */
export interface DocumentFile {
  readonly ref: FileRef;
  readonly origin: 'rendered' | 'signed' | 'opened';
}

export interface AgreementState {
  /** The workspace this state belongs to: plans and documents never carry over to another one. */
  readonly workspace: string | null;
  readonly step: AgreementStep;
  /** The agreement's period, shared by the plan and the document. */
  readonly period: Period | null;
  readonly plannerForm: PlannerForm | null;
  /** The chosen scenario's plan, offered to the document. */
  readonly plan: PlanSnapshot | null;
  /** What people changed in the document form (everything else follows the workspace). */
  readonly edits: DocumentEdits;
  readonly rendered: RenderedDocument | null;
  readonly file: DocumentFile | null;
  /** The PDF last opened in Verify. */
  readonly verifying: FileRef | null;
  /** Identity files of this session; kept across workspaces, since they belong to people, not workspaces. */
  readonly identities: readonly SessionIdentity[];
}

const initial = {
  step: 'plan' as const,
  period: null,
  plannerForm: null,
  plan: null,
  edits: { includePlan: true },
  rendered: null,
  file: null,
  verifying: null,
};

/**
 * The Agreement tab's memory while the app runs: switching between its steps (or to another screen
 * and back) keeps the plan, the rendered document and the file being signed.
 */
export const agreementStore = createStore<AgreementState>()(() => ({ workspace: null, ...initial, identities: [] }));

export function useAgreement<T>(selector: (s: AgreementState) => T): T {
  return useStore(agreementStore, selector);
}

export const agreement = {
  /** Starts over when another workspace is open. */
  enter(workspace: string, period: Period): void {
    const s = agreementStore.getState();
    if (s.workspace !== workspace) agreementStore.setState({ workspace, ...initial, period });
  },
  go(step: AgreementStep): void {
    agreementStore.setState({ step });
  },
  setPeriod(period: Period): void {
    agreementStore.setState({ period });
  },
  setPlanner(plannerForm: PlannerForm, plan: PlanSnapshot | null): void {
    agreementStore.setState({ plannerForm, plan });
  },
  setPlan(plan: PlanSnapshot | null): void {
    if (agreementStore.getState().plan !== plan) agreementStore.setState({ plan });
  },
  edit(edits: DocumentEdits): void {
    agreementStore.setState({ edits });
  },
  rendered(doc: RenderedDocument): void {
    agreementStore.setState({ rendered: doc, file: { ref: doc.file, origin: 'rendered' } });
  },
  useFile(file: DocumentFile | null): void {
    agreementStore.setState({ file });
  },
  verify(verifying: FileRef | null): void {
    agreementStore.setState({ verifying });
  },
  addIdentity(identity: SessionIdentity): void {
    const others = agreementStore.getState().identities.filter((i) => i.info.fingerprint !== identity.info.fingerprint);
    agreementStore.setState({ identities: [identity, ...others] });
  },
};
