import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceCounts } from '../../shared/domain/types';
import { localized } from '../../shared/i18n';
import { useApp, useLocale, useSession } from '../app-context';
import { formatDateRange, formatInteger } from '../format';
import type { Section } from '../state/sections';
import { useWorkspace } from '../use-workspace';
import { reportFailures } from '../workspace-actions';
import { Button } from './Button';
import { EmptyState, type Fact } from './EmptyState';
import { Icon, type IconName } from './Icon';

export type CountKey = keyof WorkspaceCounts;

export interface SectionEmptyStateProps {
  readonly section: Exclude<Section, 'settings'>;
  readonly icon: IconName;
  /** The workspace counts that matter to this section, shown as they are. */
  readonly counts: readonly CountKey[];
  /** Whether to show the span of the stage history. */
  readonly showRange?: boolean;
  /**
   * What the section's figures are built from: leads for the metric views, definitions for the
   * definitions view, import batches for the imports view.
   */
  readonly basis?: 'leads' | 'definitions' | 'importBatches';
  readonly extra?: ReactNode;
}

/**
 * The honest state of a section that shows no figures yet: what it is for, what this workspace
 * holds (its real counts), and what to do next.
 */
export function SectionEmptyState({
  section,
  icon,
  counts,
  showRange = false,
  basis = 'leads',
  extra,
}: SectionEmptyStateProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const model = useApp();
  const workspace = useWorkspace();
  const sampleBusy = useSession((s) => s.busy === 'sample');
  const c = workspace.counts;

  const facts: Fact[] = counts.map((key) => ({ label: t(`counts.${key}`), value: formatInteger(locale, c[key]) }));
  if (showRange && workspace.firstEventAt !== null && workspace.lastEventAt !== null) {
    facts.push({
      label: t('empty.range'),
      value: formatDateRange(locale, workspace.firstEventAt, workspace.lastEventAt, workspace.timeZone),
      wide: true,
    });
  }

  const amount = c[basis];
  const status =
    amount > 0
      ? t(`empty.${section}.withData`, {
          count: amount,
          n: formatInteger(locale, amount),
          leads: formatInteger(locale, c.leads),
        })
      : t(`empty.${section}.noData`);

  const showDataActions = c.leads === 0 && (basis === 'leads' || section === 'imports');
  const actions = showDataActions ? (
    <>
      {section !== 'imports' ? (
        <Button variant="primary" icon="imports" onClick={() => model.navigation.getState().navigate('imports')}>
          {t('empty.actions.import')}
        </Button>
      ) : null}
      <Button
        variant={section === 'imports' ? 'primary' : 'secondary'}
        icon="sparkles"
        busy={sampleBusy}
        onClick={() => void reportFailures(model, () => model.session.getState().openSample())}
      >
        {t('start.sample.action')}
      </Button>
    </>
  ) : null;

  return (
    <EmptyState
      icon={icon}
      title={t(`empty.${section}.title`)}
      description={t(`empty.${section}.description`)}
      status={status}
      facts={facts}
      extra={extra}
      actions={actions}
    />
  );
}

/** The workspace's stages in order, then the exits, as labelled in the current language. */
export function StageChain() {
  const { t } = useTranslation();
  const locale = useLocale();
  const workspace = useWorkspace();
  const funnel = workspace.stages.filter((s) => s.kind === 'funnel' || s.kind === 'won');
  const exits = workspace.stages.filter((s) => s.kind !== 'funnel' && s.kind !== 'won');
  return (
    <div className="stage-chain">
      <div className="stage-group">
        <span className="stage-chain-label">{t('empty.stages')}</span>
        <ol className="stage-list" aria-label={t('empty.stages')}>
          {funnel.map((stage, i) => (
            <li key={stage.key}>
              {i > 0 ? <Icon name="chevronDown" size={14} className="stage-arrow" /> : null}
              <span className={stage.kind === 'won' ? 'stage stage-won' : 'stage'}>
                {localized(stage.labels, locale)}
              </span>
            </li>
          ))}
        </ol>
      </div>
      {exits.length > 0 ? (
        <div className="stage-group">
          <span className="stage-chain-label">{t('empty.exits')}</span>
          <ul className="stage-list" aria-label={t('empty.exits')}>
            {exits.map((stage) => (
              <li key={stage.key}>
                <span className="stage stage-exit">{localized(stage.labels, locale)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
