import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { SectionEmptyState } from '../../components/SectionEmptyState';

/** Import batches: CRM exports brought in, checked, and undoable. */
export function ImportsScreen() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('nav.imports')} description={t('empty.imports.summary')} />
      <SectionEmptyState
        section="imports"
        icon="imports"
        counts={['importBatches', 'leads', 'stageEvents']}
        basis="importBatches"
      />
    </>
  );
}
