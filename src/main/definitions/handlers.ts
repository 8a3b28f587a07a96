import type { ContractHandlers } from '../../shared/contract';
import type { Runtime } from '../runtime/runtime';
import { withCalendar } from '../calendar/calendar-errors';
import { DefinitionsRepository } from './repository';
import {
  approve,
  createDefinition,
  discardDraft,
  propose,
  reject,
  settle,
  updateDraft,
  withdraw,
  writeRevision,
} from './service';
import { countMatching, definitionDetail, listDefinitions, revisionDiff } from './reads';
import { definitionsInForce, spansOf } from './in-force';
import { compliance, complianceLeads } from './compliance';
import { computePreviewOn } from '../metrics/period-pool';
import { requirePreviewable } from './preview';
import { exportDefinitions, importDefinitions } from './exchange';
import { checkPeriod } from '../metrics/service';
import { periodRange } from '../../shared/metrics/period';

export const definitionsHandlers: ContractHandlers<Runtime>['definitions'] = {
  list: (_input, rt) => {
    const ws = rt.requireWorkspace();
    const now = Date.now();
    // Opening the list is when a date that has come is noticed: record it (and sync reasons) if we may write.
    if (!ws.readOnly) settle(ws, now);
    return listDefinitions(ws, now);
  },
  get: ({ id }, rt) => definitionDetail(rt.requireWorkspace(), id, Date.now()),
  create: (input, rt) => {
    const ws = rt.requireWorkspace();
    const now = Date.now();
    return definitionDetail(ws, createDefinition(ws, input, now), now);
  },
  draft: (input, rt) => writeRevision(rt.requireWorkspace(), input, Date.now()),
  updateDraft: (input, rt) => updateDraft(rt.requireWorkspace(), input, Date.now()),
  discardDraft: ({ revisionId }, rt) => {
    discardDraft(rt.requireWorkspace(), revisionId);
    return null;
  },
  propose: ({ revisionId }, rt) => propose(rt.requireWorkspace(), revisionId, Date.now()),
  approve: ({ revisionId, side, name }, rt) => approve(rt.requireWorkspace(), revisionId, side, name, Date.now()),
  reject: ({ revisionId, name, note }, rt) => reject(rt.requireWorkspace(), revisionId, name, note, Date.now()),
  withdraw: ({ revisionId, name, note }, rt) => withdraw(rt.requireWorkspace(), revisionId, name, note, Date.now()),
  diff: ({ fromId, toId }, rt) => revisionDiff(rt.requireWorkspace(), fromId, toId, Date.now()),
  count: ({ rule, cohort }, rt) => countMatching(rt.requireWorkspace(), rule, cohort),
  inForce: ({ at }, rt) => definitionsInForce(rt.requireWorkspace().repo(DefinitionsRepository), at ?? Date.now()),
  spans: ({ key, from, to }, rt) => {
    const ws = rt.requireWorkspace();
    const range = periodRange(checkPeriod(from, to), ws.settings().timeZone);
    return spansOf(ws.repo(DefinitionsRepository), key, range.fromMs, range.toMs);
  },
  compliance: (input, rt) => withCalendar(() => compliance(rt.requireWorkspace(), input)),
  complianceLeads: (input, rt) => withCalendar(() => complianceLeads(rt.requireWorkspace(), input)),
  preview: (input, rt) => {
    const ws = rt.requireWorkspace();
    // Refused at once (not as a failed job) when there is nothing to preview.
    requirePreviewable(ws, input.revisionId);
    return rt.jobs.start(
      'definitions.preview',
      (ctl) => withCalendar(() => computePreviewOn(rt.reportThreads, ws, input, ctl)),
      'reads',
    );
  },
  export: (_input, rt) => exportDefinitions(rt.requireWorkspace(), Date.now()),
  import: ({ document, author }, rt) => importDefinitions(rt.requireWorkspace(), document, author, Date.now()),
};
