import { useMemo } from 'react';
import { useApi } from '../../../app-context';
import { ComplianceView } from '../../sla/compliance/ComplianceView';
import { scorecardWeeks } from '../state/frozen';
import type { StepProps } from './types';

/** SLA compliance of the reviewed week, from the snapshot; the weekly volume comes from the frozen scorecard. */
export function SlaStep({ meeting, snapshot, compare, onDrill }: StepProps) {
  const api = useApi();
  const weeks = useMemo(() => scorecardWeeks(snapshot), [snapshot]);
  return (
    <ComplianceView
      report={snapshot.report}
      compare={compare}
      onDrill={onDrill}
      weeks={weeks}
      loadLeads={(figure, offset, limit) => api.meetings.drilldown({ id: meeting.id, figure, offset, limit })}
    />
  );
}
