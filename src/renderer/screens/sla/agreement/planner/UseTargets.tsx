import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useLocale, useSession } from '../../../../app-context';
import { useWorkspace } from '../../../../use-workspace';
import { Button } from '../../../../components/Button';
import { ErrorNotice } from '../../../../components/ErrorNotice';
import { Icon } from '../../../../components/Icon';
import { formatInteger } from '../../../../format';
import type { PlanSnapshot } from '../../../../../shared/documents/terms';
import type { PlannerRates, ProposedTargets } from '../../../../../shared/documents/types';
import { agreement } from '../store';
import { useAction } from '../use-async';
import type { PlannerForm, PlannerView } from './model';

interface Props {
  readonly rates: PlannerRates;
  readonly form: PlannerForm;
  readonly view: PlannerView;
  readonly plan: PlanSnapshot | null;
  readonly stageLabel: (key: string) => string;
}

/**
 * "Use these targets": the chosen scenario's weekly figure for the hand-off stage becomes a
 * proposed SLA terms revision. It is only a proposal: both leaders approve it under Definitions.
 */
export function UseTargets({ rates, form, view, plan, stageLabel }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useLocale();
  const workspace = useWorkspace();
  const userName = useSession((s) => s.session?.preferences.userName ?? '');
  const [author, setAuthor] = useState(userName);
  const [proposed, setProposed] = useState<ProposedTargets | null>(null);
  const action = useAction();
  const stage = stageLabel(rates.sla.handoffStage);
  const weekly = view.weeklyTarget;
  const scenario = t(`slaAgreement.scenarios.name.${form.chosen}`);

  const propose = () =>
    void action.run(async () => {
      if (!plan) return;
      setProposed(
        await api.documents.proposeTargets({ plan, scenario: form.chosen, period: form.period, author: author.trim() }),
      );
    });

  return (
    <section className="card panel" aria-labelledby="planner-use-title">
      <div className="agreement-card-head">
        <h2 id="planner-use-title" className="agreement-title">
          {t('slaAgreement.targets.title')}
        </h2>
      </div>
      {weekly === null ? (
        <p className="muted">{t('slaAgreement.targets.noPlan', { scenario })}</p>
      ) : (
        <p className="agreement-target" data-testid="planner-target">
          {t('slaAgreement.targets.summary', { scenario, weekly: formatInteger(locale, weekly), stage })}{' '}
          <span className="muted">
            {rates.sla.version === null
              ? t('slaAgreement.targets.currentDefault', {
                  current: formatInteger(locale, rates.sla.weeklyVolumeTarget),
                  stage,
                })
              : t('slaAgreement.targets.current', {
                  current: formatInteger(locale, rates.sla.weeklyVolumeTarget),
                  version: rates.sla.version,
                  stage,
                })}
          </span>
        </p>
      )}
      <div className="callout callout-info">
        <Icon name="info" className="callout-icon" />
        <div className="callout-content">
          <p>{t('slaAgreement.targets.approvals')}</p>
        </div>
      </div>
      <div className="agreement-inline-form">
        <label className="field-control">
          <span className="field-label">{t('slaAgreement.targets.author')}</span>
          <input
            className="input"
            value={author}
            onChange={(e) => setAuthor(e.target.value)}
            maxLength={120}
            data-testid="planner-author"
          />
        </label>
        <Button
          variant="primary"
          icon="definitions"
          onClick={propose}
          busy={action.busy}
          disabled={!plan || weekly === null || author.trim() === '' || workspace.readOnly}
          data-testid="planner-propose"
        >
          {t('slaAgreement.targets.propose')}
        </Button>
        <Button icon="review" onClick={() => agreement.go('document')} disabled={!plan}>
          {t('slaAgreement.targets.toDocument')}
        </Button>
      </div>
      {workspace.readOnly ? <p className="field-hint">{t('slaAgreement.common.readOnly')}</p> : null}
      {action.error ? <ErrorNotice error={action.error} /> : null}
      {proposed ? (
        <div className="callout callout-success" role="status" data-testid="planner-proposed">
          <Icon name="check" className="callout-icon" />
          <div className="callout-content">
            <p>
              {t('slaAgreement.targets.proposed', {
                version: proposed.version,
                weekly: formatInteger(locale, proposed.weeklyVolumeTarget),
                stage,
              })}{' '}
              <a href="#/definitions">{t('slaAgreement.targets.openDefinitions')}</a>
            </p>
          </div>
        </div>
      ) : null}
    </section>
  );
}
