import type { Workspace } from '../workspace/workspace';
import { WorkspaceRepository } from '../workspace/repository';
import { DefinitionsRepository } from '../definitions/repository';
import { createDefinition, writeRevision } from '../definitions/service';
import { createI18n, localized } from '../../shared/i18n';
import { AppError } from '../../shared/errors';
import { bodyOf, type PlanSnapshot, type Period } from '../../shared/documents/terms';
import { targetsRationale, withWeeklyTarget } from '../../shared/documents/targets';
import type { ScenarioId } from '../../shared/documents/scenarios';
import type { ProposedTargets } from '../../shared/documents/types';
import { definitionsInForce } from './definitions-in-force';

export interface ProposeTargetsInput {
  readonly plan: PlanSnapshot;
  readonly scenario: ScenarioId;
  readonly period: Period;
  readonly author: string;
}

/** Key of the SLA terms definition made when a workspace has none yet. */
const NEW_SLA_KEY = 'sla_terms';

/**
 * "Use these targets": proposes, through the definitions service, the SLA terms in force with the
 * plan's weekly figure for the hand-off stage as the volume target. Like any proposal it takes
 * effect only once both leaders approve it. A workspace without SLA terms gets a definition with
 * the default terms and this target.
 */
export function proposeTargets(ws: Workspace, input: ProposeTargetsInput, now: number = Date.now()): ProposedTargets {
  ws.assertWritable();
  const settings = ws.settings();
  const t = createI18n(settings.locale).t;
  const repo = ws.repo(DefinitionsRepository);
  const stages = ws.repo(WorkspaceRepository).stages();
  const stageLabel = (key: string) => {
    const s = stages.find((x) => x.key === key);
    return s ? localized(s.labels, settings.locale) : key;
  };
  const inForce = definitionsInForce(ws, now).find((d) => d.kind === 'sla_terms');
  const current = inForce ? bodyOf(inForce, 'sla_terms') : null;
  const handoff = current?.terms.handoffStage ?? 'mql';
  const need = input.plan.stages.find((s) => s.stage === handoff);
  if (!need) throw new AppError('documents.planWithoutHandoff', { stage: stageLabel(handoff) });
  const weekly = need.perWeek;
  const previous = current?.terms.weeklyVolumeTarget ?? null;
  const body = withWeeklyTarget(current, weekly, t('documents.targets.defaultText'));
  const rationale = targetsRationale(
    {
      plan: input.plan,
      scenario: input.scenario,
      period: input.period,
      handoffStage: handoff,
      weekly,
      previous,
      stageLabel,
    },
    t,
    settings.locale,
  );

  // One transaction: a definition made for the proposal disappears again if the proposal is refused.
  const revision = ws.db.transaction(() => {
    const existing = inForce
      ? repo.definitionByKey(inForce.key)
      : repo.definitions().find((d) => d.kind === 'sla_terms');
    const definitionId =
      existing?.id ??
      createDefinition(
        ws,
        { kind: 'sla_terms', key: NEW_SLA_KEY, title: t('documents.targets.definitionTitle'), stageKey: null },
        now,
      );
    return writeRevision(
      ws,
      { definitionId, body, rationale, author: input.author, effectiveFrom: null, propose: true },
      now,
    );
  })();
  return {
    definitionId: revision.definitionId,
    revisionId: revision.id,
    version: revision.version,
    previousTarget: previous,
    weeklyVolumeTarget: weekly,
  };
}
