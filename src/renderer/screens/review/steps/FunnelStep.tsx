import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../app-context';
import { useSourceColors } from '../../../analysis/use-colors';
import { useFacets } from '../../../analysis/use-workspace-data';
import type { BreakdownField } from '../../../analysis/trend';
import { Icon } from '../../../components/Icon';
import { Spinner } from '../../../components/Spinner';
import { formatDateTime } from '../../../format';
import { useWorkspace } from '../../../use-workspace';
import { FunnelView } from '../../funnel/FunnelView';
import { useAsOfBreakdown, useAsOfTrend } from '../state/use-as-of';
import type { StepProps } from './types';

const BREAKDOWN_FACETS: readonly string[] = ['source', 'segment', 'owner'];

/**
 * Stage conversion and velocity from the snapshot. The weekly trend and the breakdowns are read as
 * of the meeting's start (they are not frozen), and the step says so above them.
 */
export function FunnelStep({ snapshot, compare, onDrill }: StepProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const workspace = useWorkspace();
  const [field, setField] = useState<BreakdownField>('source');
  const trend = useAsOfTrend(snapshot, workspace.path);
  const facets = useFacets(BREAKDOWN_FACETS);
  const values = facets.data?.get(field)?.values.map((v) => v.value) ?? null;
  const breakdown = useAsOfBreakdown(snapshot, workspace.path, field, values);
  const sourceColors = useSourceColors();
  const allowedAgeDays = useMemo(
    () => new Map(workspace.stages.map((s) => [s.key, s.allowedAgeDays])),
    [workspace.stages],
  );
  // The funnel draws a dozen charts and tables: the step (title, scorecard) shows at once and the
  // figures follow a frame later, so moving through the agenda never waits for chart drawing.
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setDrawn(true));
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <>
      <p className="review-drill-note review-drill-live" role="note">
        <Icon name="clock" size={14} />
        <span>{t('review.funnel.asOfNote', { asOf: formatDateTime(locale, snapshot.asOf, snapshot.timeZone) })}</span>
      </p>
      {drawn ? null : <Spinner label={t('common.loading')} />}
      {drawn ? (
        <FunnelView
          report={snapshot.report}
          compare={compare}
          onDrill={onDrill}
          trend={trend.data}
          trendLoading={trend.loading}
          breakdown={breakdown.data}
          breakdownField={field}
          onBreakdownField={setField}
          breakdownLoading={breakdown.loading || facets.loading}
          sourceColors={sourceColors}
          allowedAgeDays={allowedAgeDays}
        />
      ) : null}
    </>
  );
}
