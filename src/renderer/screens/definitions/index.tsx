import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app-context';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { SectionEmptyState } from '../../components/SectionEmptyState';
import { Spinner } from '../../components/Spinner';
import { useWorkspace } from '../../use-workspace';
import { DefinitionList } from './DefinitionList';
import { DefinitionDetail } from './DefinitionDetail';
import { NewDefinitionDialog } from './NewDefinitionDialog';
import { useResource } from '../../analysis/use-resource';
import './definitions.css';

/** The agreed definitions (market, ICP, stage criteria, SLA terms, reasons), their revisions and what they change. */
export function DefinitionsScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const workspace = useWorkspace();
  const list = useResource(JSON.stringify(['definitions', workspace.path]), () => api.definitions.list({}));
  const [selected, setSelected] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const definitions = list.data ?? [];
  const current = definitions.find((d) => d.id === selected) ?? definitions[0] ?? null;

  return (
    <>
      <PageHeader
        title={t('nav.definitions')}
        description={t('definitions.description')}
        actions={
          <Button icon="plus" disabled={workspace.readOnly} onClick={() => setCreating(true)}>
            {t('definitions.new.action')}
          </Button>
        }
      />
      {list.error ? <ErrorNotice error={list.error} /> : null}
      {list.data === null && !list.error ? <Spinner label={t('common.loading')} /> : null}
      {list.data !== null && definitions.length === 0 ? (
        <SectionEmptyState
          section="definitions"
          icon="definitions"
          counts={['definitions', 'definitionRevisions']}
          basis="definitions"
        />
      ) : null}
      {current ? (
        <div className="defs-layout">
          <DefinitionList definitions={definitions} selected={current.id} onSelect={setSelected} />
          <DefinitionDetail key={current.id} id={current.id} onChanged={() => void list.reload()} />
        </div>
      ) : null}
      {creating ? (
        <NewDefinitionDialog
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setSelected(id);
            void list.reload();
          }}
        />
      ) : null}
    </>
  );
}
