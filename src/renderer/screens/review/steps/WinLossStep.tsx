import { useMemo } from 'react';
import { WinLossView } from '../../win-loss/WinLossView';
import { frozenReasons } from '../state/frozen';
import type { StepProps } from './types';

/** Win/loss reasons of the reviewed week, named with the reason labels frozen with the snapshot. */
export function WinLossStep({ snapshot, compare, onDrill }: StepProps) {
  const reasons = useMemo(() => frozenReasons(snapshot), [snapshot]);
  return <WinLossView report={snapshot.report} compare={compare} onDrill={onDrill} reasons={reasons} />;
}
