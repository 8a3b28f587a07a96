import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { SectionEmptyState } from '../../components/SectionEmptyState';
import { useWorkspace } from '../../use-workspace';
import { AnalysisScreen } from '../../analysis/AnalysisScreen';
import { useReasons } from '../../analysis/use-workspace-data';
import { WinLossView } from './WinLossView';

/** Win, loss, rejection and recycle reasons among closed leads. */
export function WinLossScreen() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const reasons = useReasons();
  if (workspace.counts.leads === 0) {
    return (
      <>
        <PageHeader title={t('nav.win-loss')} description={t('empty.win-loss.summary')} />
        <SectionEmptyState section="win-loss" icon="win-loss" counts={['leads', 'stageEvents']} showRange />
      </>
    );
  }
  return (
    <AnalysisScreen title={t('nav.win-loss')} description={t('empty.win-loss.summary')} reasons={reasons.data ?? []}>
      {(context) => (
        <WinLossView
          report={context.report}
          compare={context.compare}
          onDrill={context.onDrill}
          reasons={reasons.data ?? []}
        />
      )}
    </AnalysisScreen>
  );
}
