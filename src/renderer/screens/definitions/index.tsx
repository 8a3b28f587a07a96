import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { SectionEmptyState } from '../../components/SectionEmptyState';

/** The agreed definitions (ICP, stage criteria, SLA terms, reasons) and their revisions. */
export function DefinitionsScreen() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('nav.definitions')} description={t('empty.definitions.summary')} />
      <SectionEmptyState
        section="definitions"
        icon="definitions"
        counts={['definitions', 'definitionRevisions']}
        basis="definitions"
      />
    </>
  );
}
