import { useEffect, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../../use-workspace';
import { AGREEMENT_STEPS, agreement, useAgreement, type AgreementStep } from './store';
import { PlannerStep } from './planner/PlannerStep';
import { DocumentStep } from './document/DocumentStep';
import { IdentitiesStep } from './identities/IdentitiesStep';
import { SignStep } from './signing/SignStep';
import { VerifyStep } from './verify/VerifyStep';
import './agreement.css';

const VIEWS: Record<AgreementStep, ComponentType> = {
  plan: PlannerStep,
  document: DocumentStep,
  identities: IdentitiesStep,
  sign: SignStep,
  verify: VerifyStep,
};

/** This calendar year in the workspace's time zone: the agreement's default period. */
function thisYear(timeZone: string): { from: string; to: string } {
  const year = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric' }).format(Date.now());
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/**
 * The agreement, in the order people work on it: plan the targets, compose the document, have an
 * identity, sign (and countersign), verify. Each step is reachable at any time; the second leader
 * usually starts at Sign with the file the first one sent.
 */
export function AgreementTab() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const step = useAgreement((s) => s.step);
  const ready = useAgreement((s) => s.workspace === workspace.path && s.period !== null);
  useEffect(() => agreement.enter(workspace.path, thisYear(workspace.timeZone)), [workspace.path, workspace.timeZone]);
  const View = VIEWS[step];
  return (
    <div className="agreement">
      <nav className="agreement-steps" aria-label={t('slaAgreement.stepsLabel')}>
        <ol>
          {AGREEMENT_STEPS.map((id, i) => (
            <li key={id}>
              <button
                type="button"
                className={id === step ? 'agreement-step active' : 'agreement-step'}
                aria-current={id === step ? 'step' : undefined}
                onClick={() => agreement.go(id)}
                data-step={id}
              >
                <span className="agreement-step-number">{i + 1}</span>
                <span className="agreement-step-text">
                  <span className="agreement-step-title">{t(`slaAgreement.steps.${id}.title`)}</span>
                  <span className="agreement-step-hint">{t(`slaAgreement.steps.${id}.hint`)}</span>
                </span>
              </button>
            </li>
          ))}
        </ol>
      </nav>
      {ready ? <View /> : null}
    </div>
  );
}
