import { describe, expect, it } from 'vitest';
import { enterStep, planAgenda } from '../../../src/shared/meetings/agenda';
import { AppError } from '../../../src/shared/errors';
import { DEFAULT_AGENDA } from '../../../src/shared/meetings/model';
import type { AgendaState, MeetingDetail, Snapshot } from '../../../src/shared/meetings/types';
import { createMeetingStore, type MeetingsApi } from '../../../src/renderer/screens/review/state/meeting-store';

const T0 = Date.parse('2026-11-23T10:00:00Z');

function detail(
  status: MeetingDetail['status'],
  agenda: AgendaState,
  previousMeetingId: number | null = 3,
): MeetingDetail {
  return {
    id: 7,
    title: 'Weekly review — 2026-W47',
    week: { week: '2026-W47', from: '2026-11-16', to: '2026-11-22' },
    status,
    startedAt: status === 'planned' ? null : T0,
    endedAt: status === 'ended' ? T0 + 3_600_000 : null,
    createdAt: T0 - 86_400_000,
    attendees: [],
    decisionCount: 0,
    actionItemCount: 0,
    openItemCount: 0,
    notes: '',
    agenda,
    decisions: [],
    actionItems: [],
    ratings: [],
    reviews: [],
    previousMeetingId,
    nextMeetingId: null,
    readOnly: status === 'ended',
    snapshotTakenAt: status === 'planned' ? null : T0,
  };
}

/** Only what a snapshot needs to be told apart here: the store keeps it as it comes. */
const snapshotOf = (meetingId: number) => ({ meetingId }) as unknown as Snapshot;

/** A meetings API that records step moves; `failMoves` refuses them as the service would. */
function fakeApi(start: MeetingDetail, failMoves = false) {
  let current = start;
  const moves: number[] = [];
  const api = {
    get: async () => current,
    snapshot: async ({ id }: { id: number }) => snapshotOf(id),
    goToStep: async ({ step }: { id: number; step: number }) => {
      moves.push(step);
      if (failMoves) throw new AppError('meetings.ended', { title: current.title, week: '2026-11-16' });
      current = { ...current, agenda: enterStep(current.agenda, step, T0 + moves.length * 1000) };
      return current;
    },
  };
  // The store only calls these three methods in these tests.
  return { api: api as unknown as MeetingsApi, moves };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('meeting store', () => {
  it('loads the meeting, its snapshot and the previous meeting’s, on the running step', async () => {
    const running = detail('in_progress', enterStep(enterStep(planAgenda(DEFAULT_AGENDA, []), 0, T0), 2, T0 + 1000));
    const { api } = fakeApi(running);
    const store = createMeetingStore(api, 7);
    await store.getState().load();
    const s = store.getState();
    expect(s.meeting?.status).toBe('in_progress');
    expect(s.snapshot).toEqual(snapshotOf(7));
    expect(s.previous).toEqual(snapshotOf(3));
    expect(s.shown).toBe(2);
  });

  it('shows a step at once and records only the last of a quick run of presses', async () => {
    const { api, moves } = fakeApi(detail('in_progress', enterStep(planAgenda(DEFAULT_AGENDA, []), 0, T0)));
    const store = createMeetingStore(api, 7);
    await store.getState().load();
    store.getState().show(1);
    expect(store.getState().shown).toBe(1);
    store.getState().show(2);
    store.getState().show(3);
    expect(store.getState().shown).toBe(3);
    await settle();
    await settle();
    expect(moves).toEqual([3]);
    expect(store.getState().meeting?.agenda.current).toBe(3);
    // Pressing the step on screen records nothing.
    store.getState().show(3);
    await settle();
    expect(moves).toEqual([3]);
  });

  it('keeps a step on the agenda', async () => {
    const { api, moves } = fakeApi(detail('in_progress', enterStep(planAgenda(DEFAULT_AGENDA, []), 0, T0)));
    const store = createMeetingStore(api, 7);
    await store.getState().load();
    store.getState().show(99);
    expect(store.getState().shown).toBe(6);
    store.getState().show(-4);
    expect(store.getState().shown).toBe(0);
    await settle();
    await settle();
    expect(moves).toEqual([]);
  });

  it('pages through an ended meeting without writing anything', async () => {
    const held = enterStep(planAgenda(DEFAULT_AGENDA, []), 0, T0);
    const { api, moves } = fakeApi(detail('ended', { ...held, current: null, currentSince: null }, null));
    const store = createMeetingStore(api, 7);
    await store.getState().load();
    expect(store.getState().previous).toBeNull();
    expect(store.getState().shown).toBe(0);
    store.getState().show(4);
    await settle();
    expect(store.getState().shown).toBe(4);
    expect(moves).toEqual([]);
  });

  it('goes back to the recorded step and says why when a move is refused', async () => {
    const { api, moves } = fakeApi(detail('in_progress', enterStep(planAgenda(DEFAULT_AGENDA, []), 0, T0)), true);
    const store = createMeetingStore(api, 7);
    await store.getState().load();
    store.getState().show(5);
    expect(store.getState().shown).toBe(5);
    await settle();
    await settle();
    expect(moves).toEqual([5]);
    expect(store.getState().shown).toBe(0);
    expect(store.getState().error?.code).toBe('meetings.ended');
  });

  it('reports a refused write and keeps the meeting as it was', async () => {
    const start = detail('in_progress', enterStep(planAgenda(DEFAULT_AGENDA, []), 0, T0));
    const { api } = fakeApi(start);
    const store = createMeetingStore(api, 7);
    await store.getState().load();
    const ok = await store
      .getState()
      .write(() => Promise.reject(new AppError('meetings.unknownAttendee', { name: 'X', title: 'Y' })));
    expect(ok).toBe(false);
    expect(store.getState()).toMatchObject({
      busy: false,
      error: { code: 'meetings.unknownAttendee' },
      meeting: start,
    });
    await expect(
      store.getState().commit(() => Promise.reject(new AppError('meetings.ended', {}))),
    ).rejects.toMatchObject({
      code: 'meetings.ended',
    });
    const done = await store.getState().write(async () => ({ ...start, notes: 'n' }));
    expect(done).toBe(true);
    expect(store.getState()).toMatchObject({ busy: false, error: null, meeting: { notes: 'n' } });
  });
});
