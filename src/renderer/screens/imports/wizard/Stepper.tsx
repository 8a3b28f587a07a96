import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/Icon';
import { furthestStep, jobRunning, WIZARD_STEPS, type WizardState, type WizardStep } from './state';

/** The five steps in order: done ones can be revisited, later ones wait for the earlier ones. */
export function Stepper({ state, onGo }: { state: WizardState; onGo: (step: WizardStep) => void }) {
  const { t } = useTranslation();
  const furthest = WIZARD_STEPS.indexOf(furthestStep(state));
  const current = WIZARD_STEPS.indexOf(state.step);
  const locked = jobRunning(state);
  return (
    <ol className="stepper" aria-label={t('importScreen.steps.label')}>
      {WIZARD_STEPS.map((step, i) => {
        const done = i < current;
        const className = ['stepper-item', i === current ? 'current' : '', done ? 'done' : '']
          .filter(Boolean)
          .join(' ');
        return (
          <li key={step} className={className}>
            <button
              type="button"
              className="stepper-button"
              disabled={i > furthest || locked || i === current}
              aria-current={i === current ? 'step' : undefined}
              onClick={() => onGo(step)}
            >
              <span className="stepper-number" aria-hidden="true">
                {done ? <Icon name="check" size={14} /> : i + 1}
              </span>
              <span className="stepper-label">{t(`importScreen.steps.${step}`)}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
