import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { SectionEmptyState, StageChain } from '../../components/SectionEmptyState';
import { useWorkspace } from '../../use-workspace';
import { AnalysisScreen, type AnalysisContext } from '../../analysis/AnalysisScreen';
import { useSourceColors } from '../../analysis/use-colors';
import { useScope } from '../../analysis/use-scope';
import { useBreakdown, useTrend } from '../../analysis/use-report';
import { useFacets } from '../../analysis/use-workspace-data';
import { filterValues } from '../../analysis/scope';
import { keyPairs, type BreakdownField } from '../../analysis/trend';
import { FunnelView } from './FunnelView';

const BREAKDOWN_FACETS: readonly string[] = ['source', 'segment', 'owner'];

/** Loads what the funnel view needs beyond the report: the trend, a breakdown, colours, allowed ages. */
function FunnelFigures({ context }: { context: AnalysisContext }) {
  const workspace = useWorkspace();
  const scope = useScope();
  const [field, setField] = useState<BreakdownField>('source');
  const pairs = useMemo(() => keyPairs(context.report), [context.report]);
  const trend = useTrend(scope.period.to, scope.filters, pairs);
  const facets = useFacets(BREAKDOWN_FACETS);
  // Filtered to some values of the field: break down by exactly those; otherwise by the largest ones.
  const chosen = filterValues(scope.filters, field);
  const values = chosen.length > 0 ? chosen : (facets.data?.get(field)?.values.map((v) => v.value) ?? null);
  const breakdown = useBreakdown(scope.period, scope.filters, field, values, pairs);
  const sourceColors = useSourceColors();
  const allowedAgeDays = useMemo(
    () => new Map(workspace.stages.map((s) => [s.key, s.allowedAgeDays])),
    [workspace.stages],
  );
  return (
    <FunnelView
      report={context.report}
      compare={context.compare}
      onDrill={context.onDrill}
      trend={trend.data}
      trendLoading={trend.loading}
      breakdown={breakdown.data}
      breakdownField={field}
      onBreakdownField={setField}
      breakdownLoading={breakdown.loading}
      sourceColors={sourceColors}
      allowedAgeDays={allowedAgeDays}
    />
  );
}

/** Cohort conversion, period flow, velocity and stalled leads. */
export function FunnelScreen() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  if (workspace.counts.leads === 0) {
    return (
      <>
        <PageHeader title={t('nav.funnel')} description={t('empty.funnel.summary')} />
        <SectionEmptyState
          section="funnel"
          icon="funnel"
          counts={['leads', 'stageEvents']}
          showRange
          extra={<StageChain />}
        />
      </>
    );
  }
  return (
    <AnalysisScreen title={t('nav.funnel')} description={t('empty.funnel.summary')}>
      {(context) => <FunnelFigures context={context} />}
    </AnalysisScreen>
  );
}
