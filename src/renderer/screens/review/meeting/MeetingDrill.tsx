import { useTranslation } from 'react-i18next';
import type { MeetingDrillPage, Snapshot } from '../../../../shared/meetings/types';
import type { DrillPage, FigureRef } from '../../../../shared/metrics/types';
import { useApi, useLocale } from '../../../app-context';
import { DrillPanel, type DrillTarget } from '../../../analysis/DrillPanel';
import { drillScopeOf, requestScope, type DrillRequest } from '../../../analysis/drill';
import { Icon } from '../../../components/Icon';
import { formatDateTime, formatInteger } from '../../../format';
import { frozenReasons } from '../state/frozen';

function isMeetingPage(page: DrillPage): page is MeetingDrillPage {
  return 'source' in page;
}

/**
 * The leads behind a frozen figure. Figures of the reviewed week come from the meeting's own
 * drill-down (stored with the snapshot, or read as of the start when the list was too long);
 * figures of other weeks or of one value (a trend point, a breakdown bar) are read as of the
 * start. The panel says which.
 */
export function MeetingDrill({
  meetingId,
  snapshot,
  request,
  onClose,
  onDecide,
}: {
  meetingId: number;
  snapshot: Snapshot;
  request: DrillRequest;
  onClose: () => void;
  /** Present while the meeting runs: record a decision or an item about this figure or lead. */
  onDecide?: (target: DrillTarget) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useLocale();
  const base = { ...drillScopeOf(snapshot.report), asOf: snapshot.asOf };
  const scope = requestScope(base, request);
  const otherScope = request.scope !== undefined;
  const asOf = formatDateTime(locale, snapshot.asOf, snapshot.timeZone);

  const loadPage = (figure: FigureRef, offset: number, limit: number): Promise<DrillPage> =>
    otherScope
      ? api.metrics.drilldown({ ...scope, figure, offset, limit })
      : api.meetings.drilldown({ id: meetingId, figure, offset, limit });

  const notice = (page: DrillPage) => {
    const frozen = isMeetingPage(page) && page.source === 'snapshot';
    const changed = isMeetingPage(page) && page.frozenTotal !== null && page.frozenTotal !== page.total;
    return (
      <p className={frozen ? 'review-drill-note' : 'review-drill-note review-drill-live'} role="note">
        <Icon name={frozen ? 'lock' : 'clock'} size={14} />
        <span>
          {frozen ? t('review.drill.frozen', { asOf }) : t('review.drill.asOf', { asOf })}
          {changed && isMeetingPage(page) && page.frozenTotal !== null
            ? ` ${t('review.drill.totalThen', { n: formatInteger(locale, page.frozenTotal) })}`
            : ''}
        </span>
      </p>
    );
  };

  return (
    <DrillPanel
      scope={scope}
      request={request}
      stages={snapshot.report.stages}
      reasons={frozenReasons(snapshot)}
      zone={snapshot.timeZone}
      onClose={onClose}
      loadPage={loadPage}
      notice={notice}
      // A decision links a figure of the reviewed week; one of another week or value would read as this week's.
      {...(onDecide && !otherScope ? { action: { label: t('review.drill.decide'), run: onDecide } } : {})}
    />
  );
}
