import type { ContractHandlers } from '../../shared/contract';
import { meetingSubject } from '../../shared/meetings/contract';
import { withCalendar } from '../calendar/calendar-errors';
import type { Runtime } from '../runtime/runtime';
import { requireMeeting } from './access';
import { meetingDetail, listMeetings } from './detail';
import { meetingDrilldown } from './drilldown';
import { exportActions, exportMinutes } from './exports';
import {
  endMeeting,
  goToStep,
  planMeeting,
  removeMeeting,
  startable,
  startMeetingOn,
  updateMeeting,
  writeStepNotes,
} from './lifecycle';
import {
  addActionItem,
  addDecision,
  rateMeeting,
  removeActionItem,
  removeDecision,
  reviewRevision,
  setDecisionStatus,
  updateActionItem,
  updateDecision,
} from './records';
import { computeScorecard } from './scorecard';
import { loadGoals, loadSettings, saveSettings } from './settings';
import { readSnapshot } from './snapshot';

export const meetingsHandlers: ContractHandlers<Runtime>['meetings'] = {
  list: (_input, rt) => listMeetings(rt.requireWorkspace()),
  get: ({ id }, rt) => meetingDetail(rt.requireWorkspace(), requireMeeting(rt.requireWorkspace(), id).id),
  snapshot: ({ id }, rt) => readSnapshot(rt.requireWorkspace(), requireMeeting(rt.requireWorkspace(), id).id),
  settings: (_input, rt) => loadSettings(rt.requireWorkspace()),
  saveSettings: (input, rt) => saveSettings(rt.requireWorkspace(), input),
  plan: (input, rt) => planMeeting(rt.requireWorkspace(), input, Date.now()),
  update: (input, rt) => updateMeeting(rt.requireWorkspace(), input),
  remove: ({ id }, rt) => removeMeeting(rt.requireWorkspace(), id),
  start: ({ id }, rt) => {
    const ws = rt.requireWorkspace();
    // Refused at once (not as a failed job) when the meeting cannot start; a start already under
    // way is followed rather than raced.
    startable(ws, id);
    return rt.jobs.startOnce(
      meetingSubject(id),
      'meetings.start',
      (ctl) => withCalendar(() => startMeetingOn(rt.reportThreads, ws, id, Date.now(), ctl)),
      'reads',
    );
  },
  goToStep: ({ id, step }, rt) => goToStep(rt.requireWorkspace(), id, step, Date.now()),
  setStepNotes: ({ id, step, notes }, rt) => writeStepNotes(rt.requireWorkspace(), id, step, notes),
  addDecision: (input, rt) => addDecision(rt.requireWorkspace(), input, Date.now()),
  updateDecision: (input, rt) => updateDecision(rt.requireWorkspace(), input),
  removeDecision: ({ decisionId }, rt) => removeDecision(rt.requireWorkspace(), decisionId),
  setDecisionStatus: (input, rt) => setDecisionStatus(rt.requireWorkspace(), input, Date.now()),
  addActionItem: (input, rt) => addActionItem(rt.requireWorkspace(), input, Date.now()),
  updateActionItem: (input, rt) => updateActionItem(rt.requireWorkspace(), input, Date.now()),
  removeActionItem: ({ itemId }, rt) => removeActionItem(rt.requireWorkspace(), itemId),
  rate: (input, rt) => rateMeeting(rt.requireWorkspace(), input, Date.now()),
  reviewRevision: (input, rt) => reviewRevision(rt.requireWorkspace(), input, Date.now()),
  end: ({ id }, rt) => endMeeting(rt.requireWorkspace(), id, Date.now()),
  drilldown: (input, rt) => withCalendar(() => meetingDrilldown(rt.requireWorkspace(), input)),
  scorecard: ({ week, asOf }, rt) => {
    const ws = rt.requireWorkspace();
    return withCalendar(() => computeScorecard(ws, week, asOf ?? Date.now(), loadGoals(ws)));
  },
  minutes: ({ id, format }, rt) => exportMinutes(rt.requireWorkspace(), rt.files, id, format),
  exportActions: ({ id, format }, rt) => exportActions(rt.requireWorkspace(), rt.files, id, format, Date.now()),
};
