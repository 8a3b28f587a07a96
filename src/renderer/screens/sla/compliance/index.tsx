import { useMemo } from 'react';
import { useApi } from '../../../app-context';
import type { FigureRef } from '../../../../shared/metrics/types';
import { AnalysisScreen, type AnalysisContext } from '../../../analysis/AnalysisScreen';
import { drillScopeOf } from '../../../analysis/drill';
import { keyPairs } from '../../../analysis/trend';
import { useScope } from '../../../analysis/use-scope';
import { useTrend } from '../../../analysis/use-report';
import { ComplianceView } from './ComplianceView';

function ComplianceFigures({ context }: { context: AnalysisContext }) {
  const api = useApi();
  const scope = useScope();
  const pairs = useMemo(() => keyPairs(context.report), [context.report]);
  const trend = useTrend(scope.period.to, scope.filters, pairs);
  const base = drillScopeOf(context.report);
  const loadLeads = (figure: FigureRef, offset: number, limit: number) =>
    api.metrics.drilldown({ ...base, figure, offset, limit });
  return (
    <ComplianceView
      report={context.report}
      compare={context.compare}
      onDrill={context.onDrill}
      weeks={trend.data}
      weeksLoading={trend.loading}
      loadLeads={loadLeads}
    />
  );
}

/** SLA compliance for the period: follow-up per owner, volume, quality, recycling and the arbiter's list. */
export function ComplianceTab() {
  return <AnalysisScreen>{(context) => <ComplianceFigures context={context} />}</AnalysisScreen>;
}
