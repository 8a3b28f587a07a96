import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DefinitionDetail as Detail, RevisionInfo } from '../../../shared/definitions/types';
import { useApi, useLocale } from '../../app-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Spinner } from '../../components/Spinner';
import { useWorkspace } from '../../use-workspace';
import { Overview } from './Overview';
import { History } from './History';
import { Compare } from './Compare';
import { Editor } from './Editor';
import { Impact } from './Impact';
import { Compliance } from './Compliance';
import { stageName } from './labels';
import { useResource } from '../../analysis/use-resource';

export type Tab = 'overview' | 'history' | 'compare' | 'edit' | 'impact' | 'compliance';

/** Where another part of the detail sends the user: a tab, with the revisions it is about. */
export type GoArg =
  { readonly pair: { from: number; to: number } } | { readonly draft: RevisionInfo } | { readonly preview: number };
export type Go = (tab: Tab, arg?: GoArg) => void;

export function hasPreview(kind: Detail['definition']['kind']): boolean {
  return kind === 'stage_criteria' || kind === 'icp' || kind === 'sla_terms';
}

/** One definition: what is in force, its history, differences, a new revision, impact and compliance. */
export function DefinitionDetail({ id, onChanged }: { id: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useLocale();
  const workspace = useWorkspace();
  const detail = useResource(JSON.stringify(['definition', id]), () => api.definitions.get({ id }));
  const [tab, setTab] = useState<Tab>('overview');
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);
  const [draft, setDraft] = useState<RevisionInfo | null>(null);
  const [previewId, setPreviewId] = useState<number | null>(null);

  const go: Go = (next, arg) => {
    if (next === 'compare') setPair(arg && 'pair' in arg ? arg.pair : null);
    if (next === 'edit') setDraft(arg && 'draft' in arg ? arg.draft : null);
    if (next === 'impact') setPreviewId(arg && 'preview' in arg ? arg.preview : null);
    setTab(next);
  };

  const changed = () => {
    detail.reload();
    onChanged();
  };

  if (detail.error) return <ErrorNotice error={detail.error} />;
  if (!detail.data) return <Spinner label={t('common.loading')} />;
  const d = detail.data;
  const kind = d.definition.kind;
  const tabs: Tab[] = ['overview', 'history', 'compare', 'edit'];
  if (hasPreview(kind)) tabs.push('impact');
  if (kind === 'stage_criteria') tabs.push('compliance');

  return (
    <section className="defs-detail" aria-labelledby="defs-detail-title">
      <header className="defs-detail-header">
        <div>
          <h2 id="defs-detail-title" className="defs-detail-title">
            {d.definition.title}
          </h2>
          <p className="muted">
            {t(`definitions.kind.${kind}`)}
            {d.definition.stageKey
              ? ` · ${t('definitions.detail.stage', { stage: stageName(workspace, d.definition.stageKey, locale) })}`
              : ''}
            {' · '}
            <span className="mono">{d.definition.key}</span>
          </p>
        </div>
      </header>
      <div className="defs-tabs" role="tablist" aria-label={t('definitions.tabs.label')}>
        {tabs.map((x) => (
          <button
            key={x}
            type="button"
            role="tab"
            id={`defs-tab-${x}`}
            aria-selected={tab === x}
            aria-controls="defs-tabpanel"
            className={tab === x ? 'defs-tab active' : 'defs-tab'}
            onClick={() => go(x)}
          >
            {t(`definitions.tabs.${x}`)}
          </button>
        ))}
      </div>
      <div id="defs-tabpanel" role="tabpanel" aria-labelledby={`defs-tab-${tab}`} className="defs-tabpanel">
        {tab === 'overview' ? <Overview detail={d} go={go} onChanged={changed} /> : null}
        {tab === 'history' ? <History detail={d} go={go} /> : null}
        {tab === 'compare' ? <Compare detail={d} initial={pair} /> : null}
        {tab === 'edit' ? (
          <Editor
            key={draft?.id ?? 'new'}
            detail={d}
            draft={draft}
            onSaved={async (r) => {
              await changed();
              if (r.status === 'draft') go('edit', { draft: r });
              else go('overview');
            }}
          />
        ) : null}
        {tab === 'impact' ? <Impact detail={d} initial={previewId} /> : null}
        {tab === 'compliance' ? <Compliance detail={d} /> : null}
      </div>
    </section>
  );
}
