import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { SectionEmptyState } from '../../components/SectionEmptyState';

/** The weekly review meeting, step by step. */
export function ReviewScreen() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('nav.review')} description={t('empty.review.summary')} />
      <SectionEmptyState
        section="review"
        icon="review"
        counts={['leads', 'meetings', 'decisions', 'actionItems']}
        showRange
      />
    </>
  );
}
