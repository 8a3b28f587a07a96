import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { SectionEmptyState } from '../../components/SectionEmptyState';

/** Win, loss, rejection and recycle reasons among closed leads. */
export function WinLossScreen() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('nav.win-loss')} description={t('empty.win-loss.summary')} />
      <SectionEmptyState section="win-loss" icon="win-loss" counts={['leads', 'stageEvents']} showRange />
    </>
  );
}
