import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FigureRef, Report } from '../../shared/metrics/types';
import type { ReasonLabel } from '../../shared/leads/types';
import { useApp } from '../app-context';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageHeader } from '../components/PageHeader';
import { Button } from '../components/Button';
import { Spinner } from '../components/Spinner';
import { useWorkspace } from '../use-workspace';
import { AnalysisToolbar } from './AnalysisToolbar';
import { DrillPanel } from './DrillPanel';
import { drillScopeOf, requestScope, type DrillRequest } from './drill';
import { explorerStore } from './explorer-store';
import type { CompareMode } from './scope';
import { useScope } from './use-scope';
import { useReport } from './use-report';
import './analysis.css';

export interface AnalysisContext {
  readonly report: Report;
  readonly compare: CompareMode;
  readonly onDrill: (request: DrillRequest) => void;
  /** A newer report is on its way (the figures shown are the previous scope's), from the render that changes the scope. */
  readonly refreshing: boolean;
}

export interface AnalysisScreenProps {
  /** The page header; a section that draws its own (with tabs) leaves it out. */
  readonly title?: string;
  readonly description?: string;
  /** Reason labels, for screens whose drill-downs show reasons. */
  readonly reasons?: readonly ReasonLabel[];
  /** Between the toolbar and the figures (the SLA section's tabs). */
  readonly above?: ReactNode;
  readonly children: (context: AnalysisContext) => ReactNode;
}

/**
 * The container every analysis screen shares: header, period and filters, the report for the
 * scope, and the drill-down panel. The views below it render from the report alone, so a meeting
 * step can render them from a frozen snapshot with its own drill handler.
 */
export function AnalysisScreen({ title, description, reasons, above, children }: AnalysisScreenProps) {
  const { t } = useTranslation();
  const model = useApp();
  const workspace = useWorkspace();
  const scope = useScope();
  const report = useReport(scope.period, scope.filters);
  const [drill, setDrill] = useState<DrillRequest | null>(null);
  const onDrill = useCallback((request: DrillRequest) => setDrill(request), []);
  const data = report.data;

  const openExplorer = (figure: FigureRef, label: string) => {
    if (!data || !drill) return;
    const s = requestScope(drillScopeOf(data), drill);
    explorerStore.getState().showFigure({ ...s, figure }, label);
    setDrill(null);
    model.navigation.getState().navigate('leads');
  };

  return (
    <>
      {title ? <PageHeader title={title} description={description} /> : null}
      <AnalysisToolbar />
      {above}
      {report.error ? (
        <ErrorNotice error={report.error}>
          <Button onClick={report.reload}>{t('common.retry')}</Button>
        </ErrorNotice>
      ) : null}
      {data ? (
        <div className={report.stale ? 'analysis-figures refreshing' : 'analysis-figures'} aria-busy={report.loading}>
          {children({ report: data, compare: scope.compare, onDrill, refreshing: report.loading })}
        </div>
      ) : !report.error ? (
        <div className="analysis-loading">
          <Spinner label={t('analysis.loading')} />
          <span className="muted">{t('analysis.loading')}</span>
        </div>
      ) : null}
      {drill && data ? (
        <DrillPanel
          scope={requestScope(drillScopeOf(data), drill)}
          request={drill}
          stages={data.stages}
          reasons={reasons}
          zone={workspace.timeZone}
          onClose={() => setDrill(null)}
          onOpenExplorer={openExplorer}
        />
      ) : null}
    </>
  );
}
