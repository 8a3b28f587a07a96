import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { SectionEmptyState } from '../../components/SectionEmptyState';

/** The leads behind every figure. */
export function LeadsScreen() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('nav.leads')} description={t('empty.leads.summary')} />
      <SectionEmptyState section="leads" icon="leads" counts={['leads', 'touches', 'importBatches']} showRange />
    </>
  );
}
