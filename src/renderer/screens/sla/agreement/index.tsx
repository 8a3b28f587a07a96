import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';

/** Where the agreement lives: its terms, the reverse-funnel planner and the signing. */
export function AgreementTab() {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon="sla"
      title={t('slaCompliance.agreement.title')}
      description={t('slaCompliance.agreement.description')}
      status={t('slaCompliance.agreement.status')}
    />
  );
}
