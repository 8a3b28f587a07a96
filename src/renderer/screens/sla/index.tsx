import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { SectionEmptyState } from '../../components/SectionEmptyState';

/** Follow-up, volume, quality and recycling SLA compliance. */
export function SlaScreen() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('nav.sla')} description={t('empty.sla.summary')} />
      <SectionEmptyState section="sla" icon="sla" counts={['leads', 'touches', 'stageEvents']} showRange />
    </>
  );
}
