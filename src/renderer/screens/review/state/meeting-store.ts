import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api } from '../../../../shared/contract';
import type { ApiErrorPayload } from '../../../../shared/errors';
import type { Link } from '../../../../shared/meetings/model';
import type { MeetingDetail, Snapshot } from '../../../../shared/meetings/types';
import { asAppError } from '../../../transport/envelope';

export type MeetingsApi = Api['meetings'];

/** What prompted a decision or an action item, with the words to show it by. */
export interface PendingLink {
  readonly link: Link;
  readonly label: string;
}

export interface MeetingState {
  readonly id: number;
  readonly meeting: MeetingDetail | null;
  readonly snapshot: Snapshot | null;
  /** The previous ended meeting's snapshot, to compare any figure with. */
  readonly previous: Snapshot | null;
  readonly loadError: ApiErrorPayload | null;
  /**
   * The step on screen. It changes at once on a key press or click (figures come from the snapshot
   * already in memory); a running meeting then records the move with `goToStep`.
   */
  readonly shown: number;
  /** A write is in flight. */
  readonly busy: boolean;
  /** The last refused write, shown translated until the next one. */
  readonly error: ApiErrorPayload | null;
  load(): Promise<void>;
  show(step: number): void;
  /** Runs a write that answers with the meeting; true when it went through. */
  write(run: (api: MeetingsApi) => Promise<MeetingDetail>): Promise<boolean>;
  /** A write whose failure the caller shows (a confirmation dialog): throws the AppError. */
  commit(run: (api: MeetingsApi) => Promise<MeetingDetail>): Promise<void>;
  /** Takes the meeting a write elsewhere returned (start, plan). */
  accept(meeting: MeetingDetail): void;
  clearError(): void;
}

/** The step to show for a meeting as loaded: the running step, else the first. */
export function initialStep(meeting: MeetingDetail): number {
  return meeting.agenda.current ?? 0;
}

/**
 * One meeting on screen: its record, its frozen snapshot and the previous meeting's, the step
 * shown, and the writes. Created per meeting view; the screen re-renders from it.
 */
export function createMeetingStore(api: MeetingsApi, id: number): StoreApi<MeetingState> {
  // Moves are recorded in order: a quick run of arrow presses ends on the last step pressed.
  let moves: Promise<unknown> = Promise.resolve();
  let moveTicket = 0;
  return createStore<MeetingState>()((set, get) => ({
    id,
    meeting: null,
    snapshot: null,
    previous: null,
    loadError: null,
    shown: 0,
    busy: false,
    error: null,

    async load() {
      try {
        const meeting = await api.get({ id });
        const [snapshot, previous] = await Promise.all([
          meeting.snapshotTakenAt !== null ? api.snapshot({ id }) : Promise.resolve(null),
          meeting.previousMeetingId !== null
            ? api.snapshot({ id: meeting.previousMeetingId }).catch(() => null)
            : Promise.resolve(null),
        ]);
        const keep = get().meeting !== null && get().meeting?.status === meeting.status;
        set({
          meeting,
          snapshot,
          previous,
          loadError: null,
          shown: keep ? clampStep(get().shown, meeting) : initialStep(meeting),
        });
      } catch (e) {
        set({ loadError: asAppError(e).toPayload() });
      }
    },

    show(step) {
      const meeting = get().meeting;
      if (!meeting) return;
      const target = clampStep(step, meeting);
      if (target === get().shown) return;
      set({ shown: target });
      if (meeting.status !== 'in_progress' || meeting.readOnly) return;
      const ticket = ++moveTicket;
      moves = moves.then(async () => {
        // Only the latest press is recorded; steps passed over on the way were not discussed,
        // and a run of presses that ends where the meeting already is records nothing.
        if (ticket !== moveTicket || get().meeting?.agenda.current === target) return;
        try {
          const next = await api.goToStep({ id, step: target });
          if (ticket === moveTicket) set({ meeting: next, error: null });
          else set({ meeting: next });
        } catch (e) {
          set({ error: asAppError(e).toPayload(), shown: get().meeting?.agenda.current ?? target });
        }
      });
    },

    async write(run) {
      set({ busy: true, error: null });
      try {
        const meeting = await run(api);
        set({ meeting, busy: false });
        return true;
      } catch (e) {
        set({ busy: false, error: asAppError(e).toPayload() });
        return false;
      }
    },

    async commit(run) {
      set({ busy: true, error: null });
      try {
        const meeting = await run(api);
        set({ meeting, busy: false });
      } catch (e) {
        set({ busy: false });
        throw asAppError(e);
      }
    },

    accept(meeting) {
      set({ meeting, shown: initialStep(meeting) });
    },

    clearError: () => set({ error: null }),
  }));
}

function clampStep(step: number, meeting: MeetingDetail): number {
  return Math.min(Math.max(0, step), Math.max(0, meeting.agenda.steps.length - 1));
}
