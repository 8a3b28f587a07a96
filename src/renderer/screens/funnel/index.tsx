import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { SectionEmptyState, StageChain } from '../../components/SectionEmptyState';

/** Cohort conversion, period flow, velocity and stalled leads. */
export function FunnelScreen() {
  const { t } = useTranslation();
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
