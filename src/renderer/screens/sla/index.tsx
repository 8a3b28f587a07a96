import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { SectionEmptyState } from '../../components/SectionEmptyState';
import { useWorkspace } from '../../use-workspace';
import { hashParams, withHashParams } from '../../analysis/scope';
import { SLA_TABS } from './tabs';
import '../../analysis/analysis.css';

/** The tab in the address (`#/sla?tab=agreement`), so a reload stays on it. */
function useHashTab(): [string, (id: string) => void] {
  const read = () => {
    const id = hashParams(window.location.hash).get('tab');
    return SLA_TABS.some((tab) => tab.id === id) && id ? id : SLA_TABS[0]!.id;
  };
  const [tab, setTab] = useState(read);
  useEffect(() => {
    const onHash = () => setTab(read());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const choose = (id: string) => {
    const params = hashParams(window.location.hash);
    if (id === SLA_TABS[0]!.id) params.delete('tab');
    else params.set('tab', id);
    window.history.replaceState(window.history.state, '', withHashParams(window.location.hash, params));
    setTab(id);
  };
  return [tab, choose];
}

/** The SLA section: compliance with the agreed terms, and the agreement itself. */
export function SlaScreen() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const [tab, setTab] = useHashTab();
  const Current = (SLA_TABS.find((x) => x.id === tab) ?? SLA_TABS[0]!).component;
  return (
    <>
      <PageHeader title={t('nav.sla')} description={t('empty.sla.summary')} />
      <div className="section-tabs" role="tablist" aria-label={t('slaCompliance.tabsLabel')}>
        {SLA_TABS.map((x) => (
          <button
            key={x.id}
            type="button"
            role="tab"
            id={`sla-tab-${x.id}`}
            aria-selected={tab === x.id}
            aria-controls="sla-tab-panel"
            className={tab === x.id ? 'section-tab active' : 'section-tab'}
            onClick={() => setTab(x.id)}
          >
            {t(`slaCompliance.tabs.${x.id}`)}
          </button>
        ))}
      </div>
      <div id="sla-tab-panel" role="tabpanel" aria-labelledby={`sla-tab-${tab}`} className="section-tab-panel">
        {workspace.counts.leads === 0 && tab === 'compliance' ? (
          <SectionEmptyState section="sla" icon="sla" counts={['leads', 'touches', 'stageEvents']} showRange />
        ) : (
          <Current />
        )}
      </div>
    </>
  );
}
