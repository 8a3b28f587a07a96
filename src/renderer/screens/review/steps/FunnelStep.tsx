import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../app-context';
import { useSourceColors } from '../../../analysis/use-colors';
import { useFacets } from '../../../analysis/use-workspace-data';
import type { BreakdownField } from '../../../../shared/metrics/trend';
import { Icon } from '../../../components/Icon';
import { Spinner } from '../../../components/Spinner';
import { formatDateTime } from '../../../format';
import { useWorkspace } from '../../../use-workspace';
import { FunnelView } from '../../funnel/FunnelView';
import { useAsOfBreakdown, useAsOfTrend } from '../state/use-as-of';
import type { StepProps } from './types';

const BREAKDOWN_FACETS: readonly string[] = ['source', 'segment', 'owner'];

const NO_FACETS: readonly string[] = [];

/**
 * Stage conversion and velocity from the snapshot, and the weekly trend and the breakdowns too
 * when it holds them. A snapshot frozen before they were has neither: they are then read as of the
 * meeting's start, and the step says which it is above them.
 */
export function FunnelStep({ snapshot, compare, onDrill }: StepProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const workspace = useWorkspace();
  const [field, setField] = useState<BreakdownField>('source');
  const frozen = snapshot.trend !== undefined && snapshot.breakdowns !== undefined;
  // Hooks run either way; with frozen figures they ask for nothing.
  const asOfTrend = useAsOfTrend(frozen ? null : snapshot, workspace.path);
  const facets = useFacets(frozen ? NO_FACETS : BREAKDOWN_FACETS);
  const values = facets.data?.get(field)?.values.map((v) => v.value) ?? null;
  const asOfBreakdown = useAsOfBreakdown(frozen ? null : snapshot, workspace.path, field, values);
  const trend = snapshot.trend ?? asOfTrend.data;
  const breakdown = snapshot.breakdowns?.[field] ?? asOfBreakdown.data;
  const asOf = formatDateTime(locale, snapshot.asOf, snapshot.timeZone);
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
      {frozen ? (
        <p className="review-drill-note" role="note">
          <Icon name="lock" size={14} />
          <span>{t('review.funnel.frozenNote', { asOf })}</span>
        </p>
      ) : (
        <p className="review-drill-note review-drill-live" role="note">
          <Icon name="clock" size={14} />
          <span>{t('review.funnel.asOfNote', { asOf })}</span>
        </p>
      )}
      {drawn ? null : <Spinner label={t('common.loading')} />}
      {drawn ? (
        <FunnelView
          report={snapshot.report}
          compare={compare}
          onDrill={onDrill}
          trend={trend}
          trendLoading={!frozen && asOfTrend.loading}
          breakdown={breakdown}
          breakdownField={field}
          onBreakdownField={setField}
          breakdownLoading={!frozen && (asOfBreakdown.loading || facets.loading)}
          sourceColors={sourceColors}
          allowedAgeDays={allowedAgeDays}
        />
      ) : null}
    </>
  );
}
