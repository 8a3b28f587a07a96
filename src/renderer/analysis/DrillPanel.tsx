import { useEffect, useState, type ReactNode } from 'react';
import { SideSheet } from './SideSheet';
import { useTranslation } from 'react-i18next';
import type { DrillPage, FigureRef } from '../../shared/metrics/types';
import { filterSummary, useFieldName } from './FilterBar';
import { useApi, useLocale } from '../app-context';
import { Button } from '../components/Button';
import { ErrorNotice } from '../components/ErrorNotice';
import { Icon } from '../components/Icon';
import { Spinner } from '../components/Spinner';
import { formatDateTime, formatInteger } from '../format';
import { drillColumns, type DrillRequest, type DrillScope } from './drill';
import { reasonLabel, stageLabel, valueLabel, type ReasonName, type StageInfo } from './figures';
import { LeadTimelineView } from './LeadTimeline';
import { usePeriodLabel } from './PeriodPicker';
import { classifyPeriod } from '../../shared/metrics/period';
import { useResource } from './use-resource';

const PAGE = 50;

/** What an extra action acts on: the figure listed, or the lead whose timeline is open. */
export type DrillTarget =
  | { readonly type: 'figure'; readonly figure: FigureRef; readonly title: string }
  | { readonly type: 'lead'; readonly leadId: number; readonly externalId: string };

export interface DrillPanelProps {
  readonly scope: DrillScope;
  readonly request: DrillRequest;
  readonly stages: readonly StageInfo[];
  readonly reasons?: readonly ReasonName[];
  /** The workspace time zone: times are shown on its clock. */
  readonly zone: string;
  readonly onClose: () => void;
  /** A page of the figure's leads; by default the live drill-down (a frozen meeting may pass its own). */
  readonly loadPage?: (figure: FigureRef, offset: number, limit: number) => Promise<DrillPage>;
  /** Shows the same leads in the Leads explorer (sort, more columns, export). */
  readonly onOpenExplorer?: (figure: FigureRef, title: string) => void;
  /** A line above the list about where its leads come from (a meeting's frozen or as-of list). */
  readonly notice?: (page: DrillPage) => ReactNode;
  /** One more action on the figure or the lead on screen (a meeting's "decide on this"). */
  readonly action?: { readonly label: string; readonly run: (target: DrillTarget) => void };
}

/**
 * The leads behind a figure, a page at a time, as a side sheet over the screen; a row opens the
 * lead's timeline in place. A native modal dialog: focus stays inside, Escape closes.
 */
export function DrillPanel({
  scope,
  request,
  stages,
  reasons = [],
  zone,
  onClose,
  loadPage,
  onOpenExplorer,
  notice,
  action,
}: DrillPanelProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const api = useApi();
  const [figure, setFigure] = useState<FigureRef>(request.figure);
  const [offset, setOffset] = useState(0);
  const [lead, setLead] = useState<{ id: number; name: string } | null>(null);
  useEffect(() => {
    setFigure(request.figure);
    setOffset(0);
    setLead(null);
  }, [request]);
  const load =
    loadPage ??
    ((f: FigureRef, o: number, l: number) => api.metrics.drilldown({ ...scope, figure: f, offset: o, limit: l }));
  const page = useResource<DrillPage>(JSON.stringify([scope, figure, offset]), () => load(figure, offset, PAGE));
  const fieldName = useFieldName();
  const period = usePeriodLabel(classifyPeriod(scope.from, scope.to));
  const columns = drillColumns(figure);
  const when = (ms: number | null) => (ms === null ? '—' : formatDateTime(locale, ms, zone));
  const data = page.data;
  const sideTitle = request.sides?.find((s) => JSON.stringify(s.figure) === JSON.stringify(figure))?.label;

  const leadFooter =
    lead && action ? (
      <Button
        variant="primary"
        size="sm"
        onClick={() => action.run({ type: 'lead', leadId: lead.id, externalId: lead.name })}
      >
        {action.label}
      </Button>
    ) : undefined;
  const footer = lead ? (
    leadFooter
  ) : (
    <>
      {data && data.total > PAGE ? (
        <div className="pager">
          <Button size="sm" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            {t('analysis.drill.previous')}
          </Button>
          <span className="muted">
            {t('analysis.drill.range', {
              from: formatInteger(locale, offset + 1),
              to: formatInteger(locale, Math.min(offset + PAGE, data.total)),
              total: formatInteger(locale, data.total),
            })}
          </span>
          <Button size="sm" disabled={offset + PAGE >= data.total} onClick={() => setOffset(offset + PAGE)}>
            {t('analysis.drill.next')}
          </Button>
        </div>
      ) : (
        <span />
      )}
      {action ? (
        <Button
          size="sm"
          onClick={() =>
            action.run({
              type: 'figure',
              figure,
              title: sideTitle ? `${request.title} · ${sideTitle}` : request.title,
            })
          }
        >
          {action.label}
        </Button>
      ) : null}
      {onOpenExplorer && data && data.total > 0 ? (
        <Button
          variant="primary"
          size="sm"
          icon="leads"
          onClick={() => onOpenExplorer(figure, sideTitle ? `${request.title} · ${sideTitle}` : request.title)}
        >
          {t('analysis.drill.openExplorer')}
        </Button>
      ) : null}
    </>
  );

  return (
    <SideSheet
      title={lead ? t('analysis.drill.leadTitle', { lead: lead.name }) : request.title}
      subtitle={[`${period.name} · ${period.range}`, ...filterSummary(scope.filters, fieldName)].join(' · ')}
      before={
        lead ? (
          <button type="button" className="btn btn-ghost btn-sm back-button" onClick={() => setLead(null)}>
            <Icon name="chevronDown" size={14} className="rotate-90" />
            {t('analysis.drill.back')}
          </button>
        ) : null
      }
      onClose={onClose}
      footer={footer}
    >
      {lead ? (
        <LeadTimelineView leadId={lead.id} stages={stages} zone={zone} />
      ) : (
        <>
          {request.explanation ? <p className="figure-explanation">{request.explanation}</p> : null}
          {request.sides && request.sides.length > 1 ? (
            <div className="segmented segmented-text" role="radiogroup" aria-label={t('analysis.drill.sides')}>
              {request.sides.map((side) => {
                const active = JSON.stringify(side.figure) === JSON.stringify(figure);
                return (
                  <button
                    key={side.label}
                    type="button"
                    role="radio"
                    aria-checked={active}
                    className={active ? 'segment active' : 'segment'}
                    onClick={() => {
                      setFigure(side.figure);
                      setOffset(0);
                    }}
                  >
                    {side.label}
                  </button>
                );
              })}
            </div>
          ) : null}
          {page.error ? <ErrorNotice error={page.error} /> : null}
          {notice && data ? notice(data) : null}
          <div className="drill-count">
            {data ? (
              <strong className="busy-result" aria-busy={page.stale}>
                {t('analysis.drill.count', { count: data.total, n: formatInteger(locale, data.total) })}
              </strong>
            ) : null}
            {sideTitle ? <span className="muted"> · {sideTitle}</span> : null}
            {page.loading ? <Spinner label={t('common.loading')} /> : null}
          </div>
          {data && data.leads.length > 0 ? (
            <div className="table-scroll busy-result" aria-busy={page.stale}>
              <table className="table drill-table">
                <thead>
                  <tr>
                    <th>{t('leads.columns.external_id')}</th>
                    <th>{t('leads.columns.owner')}</th>
                    <th>{t('leads.columns.segment')}</th>
                    <th>{t('leads.columns.source')}</th>
                    {columns === 'closing' ? (
                      <>
                        <th>{t('analysis.drill.closed')}</th>
                        <th>{t('leads.columns.reason')}</th>
                      </>
                    ) : columns === 'followup' ? (
                      <>
                        <th>{t('analysis.drill.handedOver')}</th>
                        <th>{t('analysis.drill.deadline')}</th>
                        <th>{t('analysis.drill.touched')}</th>
                      </>
                    ) : (
                      <>
                        <th>{t('analysis.drill.entered')}</th>
                        <th>{columns === 'span' ? t('analysis.drill.left') : t('analysis.drill.reached')}</th>
                      </>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {data.leads.map((l, i) => (
                    <tr
                      key={`${l.id}-${i}`}
                      className="clickable"
                      onClick={() => setLead({ id: l.id, name: l.external_id })}
                    >
                      <td>
                        <button
                          type="button"
                          className="link-button"
                          onClick={(e) => {
                            e.stopPropagation();
                            setLead({ id: l.id, name: l.external_id });
                          }}
                        >
                          {l.external_id}
                        </button>
                        <span className="muted small drill-stage"> {stageLabel(stages, l.stage, locale)}</span>
                      </td>
                      <td>{valueLabel(t, l.owner)}</td>
                      <td>{valueLabel(t, l.segment)}</td>
                      <td>{valueLabel(t, l.source)}</td>
                      {columns === 'closing' ? (
                        <>
                          <td className="nowrap">{when(l.entered_at)}</td>
                          <td>
                            {l.reason
                              ? reasonLabel(
                                  t,
                                  reasons,
                                  figure.type === 'winloss' ? figure.outcome : 'lost',
                                  l.reason,
                                  locale,
                                )
                              : '—'}
                          </td>
                        </>
                      ) : columns === 'followup' ? (
                        <>
                          <td className="nowrap">{when(l.entered_at)}</td>
                          <td className="nowrap">{when(l.deadline_at)}</td>
                          <td
                            className={
                              l.touched_at !== null && l.deadline_at !== null && l.touched_at > l.deadline_at
                                ? 'nowrap text-bad'
                                : 'nowrap'
                            }
                          >
                            {l.touched_at === null ? t('analysis.drill.notTouched') : when(l.touched_at)}
                          </td>
                        </>
                      ) : (
                        <>
                          <td className="nowrap">{when(l.entered_at)}</td>
                          <td className="nowrap">{when(l.reached_at)}</td>
                        </>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : data && !page.loading ? (
            <p className="muted">{t('analysis.drill.empty')}</p>
          ) : null}
        </>
      )}
    </SideSheet>
  );
}
