import type { ComponentType } from 'react';
import type { StepKind } from '../../../../shared/meetings/model';
import { ActionsStep } from './ActionsStep';
import { DefinitionsStep } from './DefinitionsStep';
import { FunnelStep } from './FunnelStep';
import { SinceLastStep } from './SinceLastStep';
import { SlaStep } from './SlaStep';
import type { StepProps } from './types';
import { WinLossStep } from './WinLossStep';
import { WrapUpStep } from './WrapUpStep';

/** One view per kind of agenda step; a workspace's agenda orders and times them. */
const VIEWS: Record<StepKind, ComponentType<StepProps>> = {
  since_last: SinceLastStep,
  sla: SlaStep,
  funnel: FunnelStep,
  winloss: WinLossStep,
  definitions: DefinitionsStep,
  actions: ActionsStep,
  wrap_up: WrapUpStep,
};

/** Steps that show figures of the week, with a comparison period and the previous meeting's values. */
export const FIGURE_STEPS: readonly StepKind[] = ['sla', 'funnel', 'winloss'];

export function StepView(props: StepProps) {
  const View = VIEWS[props.step.kind];
  return <View {...props} />;
}
