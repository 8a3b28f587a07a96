import { useTranslation } from 'react-i18next';
import type { AgendaState } from '../../../../shared/meetings/types';
import { useLocale } from '../../../app-context';
import { stepClock, stepStates, type StepState } from '../state/agenda-clock';
import { budgetMinutes, clockText, stepName } from '../labels';

const STATE_MARK: Record<StepState, string> = { current: '▶', visited: '✓', upcoming: '', unreached: '✕' };

/** The agenda: each step with its number, name, budget and time spent; the step on screen is marked. */
export function AgendaNav({
  agenda,
  shown,
  ended,
  now,
  onShow,
}: {
  agenda: AgendaState;
  shown: number;
  ended: boolean;
  now: number;
  onShow: (index: number) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const states = stepStates(agenda, ended);
  return (
    <nav className="agenda-nav" aria-label={t('review.agenda.label')}>
      <ol>
        {agenda.steps.map((step, i) => {
          const clock = stepClock(agenda, i, now);
          const state = states[i] ?? 'upcoming';
          const name = stepName(t, step);
          return (
            <li key={`${step.kind}-${i}`}>
              <button
                type="button"
                className={`agenda-step agenda-${state}${i === shown ? ' shown' : ''} timer-${clock.spentMs > 0 ? clock.tone : 'ok'}`}
                aria-current={i === shown ? 'step' : undefined}
                onClick={() => onShow(i)}
              >
                <span className="agenda-number">{i}</span>
                <span className="agenda-text">
                  <span className="agenda-name">{name}</span>
                  <span className="agenda-time">
                    {clock.spentMs > 0
                      ? t('review.agenda.spent', {
                          spent: clockText(locale, clock.spentMs),
                          budget: budgetMinutes(locale, step.budgetMs),
                        })
                      : t('review.agenda.budget', { budget: budgetMinutes(locale, step.budgetMs) })}
                  </span>
                  {state !== 'upcoming' && state !== 'current' ? (
                    <span className="agenda-state">
                      <span aria-hidden="true">{STATE_MARK[state]}</span> {t(`review.agenda.state.${state}`)}
                    </span>
                  ) : null}
                  {step.carriedFrom.length > 0 ? (
                    <span className="agenda-carried">{t('review.agenda.carried')}</span>
                  ) : null}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
