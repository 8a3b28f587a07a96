import type { Workspace } from '../workspace/workspace';
import { WorkspaceRepository } from '../workspace/repository';
import {
  AGENDA_SETTING,
  agendaTemplateSchema,
  DEFAULT_AGENDA,
  DEFAULT_SCORECARD_GOALS,
  SCORECARD_SETTING,
  scorecardGoalsSchema,
  type AgendaTemplate,
  type ScorecardGoals,
} from '../../shared/meetings/model';
import type { MeetingSettings } from '../../shared/meetings/contract';

/**
 * The agenda template and scorecard goals of a workspace. A stored value that no longer validates
 * (edited by hand, written by an older build) falls back to the defaults rather than blocking meetings.
 */
export function loadAgenda(ws: Workspace): AgendaTemplate {
  const parsed = agendaTemplateSchema.safeParse(ws.repo(WorkspaceRepository).getSetting(AGENDA_SETTING));
  return parsed.success ? parsed.data : DEFAULT_AGENDA;
}

export function loadGoals(ws: Workspace): ScorecardGoals {
  const parsed = scorecardGoalsSchema.safeParse(ws.repo(WorkspaceRepository).getSetting(SCORECARD_SETTING));
  return parsed.success ? parsed.data : DEFAULT_SCORECARD_GOALS;
}

export function loadSettings(ws: Workspace): MeetingSettings {
  return { agenda: loadAgenda(ws), goals: loadGoals(ws) };
}

/** Input is validated by the contract schemas; saving both is one transaction. */
export function saveSettings(
  ws: Workspace,
  patch: { agenda?: AgendaTemplate | undefined; goals?: ScorecardGoals | undefined },
): MeetingSettings {
  ws.assertWritable();
  const repo = ws.repo(WorkspaceRepository);
  ws.db.transaction(() => {
    if (patch.agenda) repo.setSetting(AGENDA_SETTING, agendaTemplateSchema.parse(patch.agenda));
    if (patch.goals) repo.setSetting(SCORECARD_SETTING, scorecardGoalsSchema.parse(patch.goals));
  })();
  return loadSettings(ws);
}
