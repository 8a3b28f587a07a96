import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileRef } from '../../../shared/domain/types';
import { useApp, useLocale, useScreenCommand } from '../../app-context';
import { Icon } from '../../components/Icon';
import { PageHeader } from '../../components/PageHeader';
import { Tabs } from '../../components/Tabs';
import { formatInteger } from '../../format';
import { useWorkspace } from '../../use-workspace';
import { useFileChooser } from './files/use-file-chooser';
import { useFileDrop } from './files/use-file-drop';
import { HistoryPanel } from './history/HistoryPanel';
import { readOnlyReason } from './read-only';
import { SpendPanel } from './spend/SpendPanel';
import { useSpendImport } from './spend/use-spend-import';
import { ImportWizardView } from './wizard/ImportWizardView';
import { useImportWizard } from './wizard/use-import-wizard';
import './imports.css';

type ImportsTab = 'import' | 'history' | 'spend';

/** Exports the importer reads; .xls is offered so the services can say plainly to save it as .xlsx. */
const LEAD_EXTENSIONS = ['csv', 'tsv', 'txt', 'xlsx', 'xls'] as const;
const SPEND_EXTENSIONS = ['csv', 'txt'] as const;

/**
 * Import batches: CRM exports in through the wizard (drop anywhere on the screen, or choose), the
 * history with undo, and the marketing spend upload.
 */
export function ImportsScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const workspace = useWorkspace();
  const model = useApp();
  const readOnly = readOnlyReason(t, workspace);
  const [tab, setTab] = useState<ImportsTab>('import');
  const [historyVersion, setHistoryVersion] = useState(0);
  const wizard = useImportWizard(useCallback(() => setHistoryVersion((v) => v + 1), []));
  const spend = useSpendImport();

  const leadsChooser = useFileChooser(
    LEAD_EXTENSIONS,
    t('importScreen.files.chooseTitle'),
    true,
    wizard.addFiles,
    wizard.addRefs,
  );
  const spendChooser = useFileChooser(
    SPEND_EXTENSIONS,
    t('importScreen.spend.chooseTitle'),
    false,
    useCallback((files: File[]) => files[0] && spend.importFile(files[0]), [spend]),
    useCallback((refs: FileRef[]) => refs[0] && spend.importRef(refs[0]), [spend]),
  );

  const dropping = useFileDrop((files) => {
    if (tab === 'spend') {
      // A drop cannot be disabled like a button: say why nothing happens.
      if (readOnly !== null) model.ui.getState().notify('importScreen.readOnly', { reason: readOnly });
      else if (files[0]) spend.importFile(files[0]);
      return;
    }
    setTab('import');
    wizard.addFiles(files);
  }, true);

  const openLeads = leadsChooser.open;
  useScreenCommand(
    'imports.import',
    useCallback(() => {
      setTab('import');
      openLeads();
    }, [openLeads]),
  );

  const batches = workspace.counts.importBatches;
  const tabLabels: Record<ImportsTab, string> = {
    import: t('importScreen.tabs.import'),
    history: t('importScreen.tabs.history', { n: formatInteger(locale, batches), count: batches }),
    spend: t('importScreen.tabs.spend'),
  };
  return (
    <div className="imports-screen">
      <PageHeader title={t('nav.imports')} description={t('importScreen.summary')} />
      {readOnly ? (
        <div className="callout callout-warning" role="status">
          <Icon name="lock" className="callout-icon" />
          <p>{t('importScreen.readOnly', { reason: readOnly })}</p>
        </div>
      ) : null}
      <Tabs
        label={t('importScreen.tabs.label')}
        value={tab}
        onChange={setTab}
        items={(['import', 'history', 'spend'] as const).map((key) => ({ key, label: tabLabels[key] }))}
      />
      <div role="tabpanel" className="imports-panel" aria-label={tabLabels[tab]}>
        {tab === 'import' ? (
          <ImportWizardView
            wizard={wizard}
            onChoose={leadsChooser.open}
            readOnly={readOnly}
            onShowHistory={() => setTab('history')}
          />
        ) : null}
        {tab === 'history' ? <HistoryPanel readOnly={readOnly} version={historyVersion} /> : null}
        {tab === 'spend' ? <SpendPanel spend={spend} onChoose={spendChooser.open} readOnly={readOnly} /> : null}
      </div>
      {dropping ? (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-overlay-card">
            <Icon name="imports" size={32} />
            <p>{tab === 'spend' ? t('importScreen.drop.spend') : t('importScreen.drop.leads')}</p>
          </div>
        </div>
      ) : null}
      {leadsChooser.input}
      {spendChooser.input}
    </div>
  );
}
