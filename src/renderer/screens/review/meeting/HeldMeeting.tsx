import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingWords } from '../../../../shared/meetings/describe';
import type { Link } from '../../../../shared/meetings/model';
import type { MeetingDetail, Snapshot } from '../../../../shared/meetings/types';
import { useApp, useLocale, useUi } from '../../../app-context';
import type { DrillRequest } from '../../../analysis/drill';
import type { DrillTarget } from '../../../analysis/DrillPanel';
import type { CompareMode } from '../../../analysis/scope';
import { Segmented } from '../../../analysis/Segmented';
import { Button } from '../../../components/Button';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Icon } from '../../../components/Icon';
import { formatDateTime } from '../../../format';
import { KeyHelp } from '../../../presenter/KeyHelp';
import type { PresenterCommand } from '../../../presenter/keys';
import { useNow } from '../../../presenter/use-now';
import { usePresenterKeys } from '../../../presenter/use-presenter-keys';
import { CaptureDialog } from '../records/CaptureDialog';
import { meetingClock, stepClock } from '../state/agenda-clock';
import type { MeetingState, PendingLink } from '../state/meeting-store';
import { clockText, stepName, weekRange } from '../labels';
import { FIGURE_STEPS, StepView } from '../steps/StepView';
import { AgendaNav } from './AgendaNav';
import { CompareWithPrevious } from './CompareWithPrevious';
import { MeetingDrill } from './MeetingDrill';
import { ScorecardStrip } from './ScorecardStrip';
import { StepNotes } from './StepNotes';
import { StepTimer } from './StepTimer';

/**
 * A started meeting, running or ended: the agenda with its clock, the step on screen rendered from
 * the frozen snapshot, the scorecard strip, and presenter mode's full-screen, keyboard-only view.
 * An ended meeting is the same view, read only.
 */
export function HeldMeeting({
  meeting,
  snapshot,
  previous,
  state,
  words,
  meetingTitle,
  onBack,
}: {
  meeting: MeetingDetail;
  snapshot: Snapshot;
  previous: Snapshot | null;
  state: MeetingState;
  words: MeetingWords;
  meetingTitle: (id: number) => string;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const ui = useApp().ui;
  const presenter = useUi((s) => s.presenter);
  const [compare, setCompare] = useState<CompareMode>('previous');
  const [withPrevious, setWithPrevious] = useState(false);
  const [drill, setDrill] = useState<DrillRequest | null>(null);
  const [pending, setPending] = useState<PendingLink | null>(null);
  const [help, setHelp] = useState(false);
  const running = meeting.status === 'in_progress';
  const writable = running && !meeting.readOnly;
  const now = useNow(running);
  const { shown, show } = state;
  const steps = meeting.agenda.steps;
  const step = steps[shown] ?? steps[0];

  const leave = useCallback(() => ui.getState().setPresenter(false), [ui]);
  const run = useCallback(
    (command: PresenterCommand) => {
      if (command.type === 'step') show(command.index);
      else if (command.type === 'help') setHelp(true);
      else if (command.type === 'closeHelp') setHelp(false);
      else leave();
    },
    [show, leave],
  );
  usePresenterKeys({ enabled: presenter, stepCount: steps.length, current: shown, helpOpen: help, run });
  useEffect(() => {
    if (!presenter) setHelp(false);
  }, [presenter]);
  // A new step starts at its top, with its own figures first (the comparison is opened per step).
  useEffect(() => {
    window.scrollTo({ top: 0 });
    setWithPrevious(false);
  }, [shown]);

  const onOpenLink = useCallback(
    (link: Link) => {
      if (link.type === 'figure') setDrill({ figure: link.figure, title: words.figure(link.figure) });
    },
    [words],
  );
  const onDecide = useCallback(
    (target: DrillTarget) => {
      const link: Link =
        target.type === 'figure'
          ? { type: 'figure', figure: target.figure }
          : { type: 'lead', leadId: target.leadId, externalId: target.externalId };
      setDrill(null);
      setPending({ link, label: target.type === 'figure' ? target.title : words.link(link) });
    },
    [words],
  );
  const goToKind = useCallback(
    (kind: string) => {
      const index = steps.findIndex((s) => s.kind === kind);
      if (index >= 0) show(index);
    },
    [steps, show],
  );
  const total = useMemo(() => meetingClock(meeting.agenda, now), [meeting.agenda, now]);
  if (!step) return null;
  const clock = stepClock(meeting.agenda, shown, now);
  const name = stepName(t, step);
  const figures = FIGURE_STEPS.includes(step.kind);

  return (
    <div className={presenter ? 'meeting meeting-presenter' : 'meeting'} data-step={step.kind}>
      {presenter ? (
        <div className="presenter-line">
          <span className="presenter-meeting">
            <strong>{meeting.title}</strong> · {weekRange(locale, snapshot.week)}
          </span>
          {running ? (
            <span className={`meeting-total timer-${total.tone}`}>
              {t('review.meeting.total', {
                spent: clockText(locale, total.spentMs),
                budget: clockText(locale, total.budgetMs),
              })}
            </span>
          ) : (
            <span className={`badge review-status review-status-${meeting.status}`}>
              {t(`meetings.status.${meeting.status}`)}
            </span>
          )}
          <span className="meeting-keys-hint">{t('presenter.hint')}</span>
          <button type="button" className="btn btn-secondary btn-sm" onClick={leave}>
            <Icon name="x" size={14} />
            {t('presenter.exit')}
          </button>
        </div>
      ) : (
        <header className="meeting-header">
          <div className="meeting-heading">
            <button type="button" className="btn btn-ghost btn-sm back-button" onClick={onBack}>
              <Icon name="chevronDown" size={14} className="rotate-90" />
              {t('review.meeting.back')}
            </button>
            <h1 className="meeting-title">{meeting.title}</h1>
            <p className="meeting-sub">
              <span>
                {snapshot.week.week} · {weekRange(locale, snapshot.week)}
              </span>
              <span className={`badge review-status review-status-${meeting.status}`}>
                {t(`meetings.status.${meeting.status}`)}
              </span>
              <span className="muted">
                {t('review.meeting.figuresAsOf', { asOf: formatDateTime(locale, snapshot.asOf, snapshot.timeZone) })}
              </span>
            </p>
          </div>
          <div className="meeting-tools">
            {running ? (
              <span className={`meeting-total timer-${total.tone}`}>
                {t('review.meeting.total', {
                  spent: clockText(locale, total.spentMs),
                  budget: clockText(locale, total.budgetMs),
                })}
              </span>
            ) : null}
            <Button icon="presenter" onClick={() => ui.getState().setPresenter(true)}>
              {t('review.meeting.presenter')}
            </Button>
          </div>
        </header>
      )}
      {meeting.status === 'ended' ? (
        <div className="banner banner-warning review-readonly" role="status">
          <Icon name="lock" size={16} />
          <span>
            <strong>{t('review.readOnly.title')}</strong>{' '}
            {t('review.readOnly.body', {
              ended: meeting.endedAt === null ? '—' : formatDateTime(locale, meeting.endedAt, snapshot.timeZone),
              asOf: formatDateTime(locale, snapshot.asOf, snapshot.timeZone),
            })}
          </span>
        </div>
      ) : null}
      {state.error && !pending ? (
        <ErrorNotice error={state.error}>
          <Button size="sm" onClick={state.clearError}>
            {t('common.close')}
          </Button>
        </ErrorNotice>
      ) : null}
      <div className="meeting-layout">
        <AgendaNav agenda={meeting.agenda} shown={shown} ended={!running} now={now} onShow={show} />
        <div className="meeting-main">
          <div className="step-header">
            <div className="step-heading">
              <span className="step-number">{t('review.step.number', { n: shown, last: steps.length - 1 })}</span>
              <h2 className="step-title">{name}</h2>
              {step.carriedFrom.length > 0 ? (
                <p className="step-carried">
                  {t('review.step.carriedFrom', { list: step.carriedFrom.map(meetingTitle).join(', ') })}
                </p>
              ) : null}
            </div>
            <StepTimer
              clock={clock}
              label={t('review.timer.label', { step: name })}
              reached={step.reachedAt !== null}
            />
          </div>
          <ScorecardStrip snapshot={snapshot} previous={previous} />
          {figures ? (
            <div className="step-tools">
              <Segmented
                label={t('review.step.compareLabel')}
                value={compare}
                onChange={setCompare}
                options={[
                  { value: 'previous', label: t('review.step.comparePrevious') },
                  { value: 'yearAgo', label: t('review.step.compareYearAgo') },
                ]}
              />
              <Button
                size="sm"
                aria-pressed={withPrevious}
                disabled={!previous}
                onClick={() => setWithPrevious(!withPrevious)}
              >
                {withPrevious ? t('review.step.hidePreviousMeeting') : t('review.step.showPreviousMeeting')}
              </Button>
            </div>
          ) : null}
          {figures && withPrevious ? (
            <CompareWithPrevious kind={step.kind} snapshot={snapshot} previous={previous} />
          ) : null}
          <div className="step-body analysis-figures" aria-busy="false">
            <StepView
              key={`${shown}-${step.kind}`}
              meeting={meeting}
              snapshot={snapshot}
              previous={previous}
              step={step}
              index={shown}
              compare={compare}
              onDrill={setDrill}
              onOpenLink={onOpenLink}
              writable={writable}
              busy={state.busy}
              error={state.error}
              write={state.write}
              commit={state.commit}
              words={words}
              meetingTitle={meetingTitle}
              goToKind={goToKind}
            />
          </div>
          <StepNotes meetingId={meeting.id} index={shown} notes={step.notes} writable={writable} write={state.write} />
          <div className="step-footer">
            <Button disabled={shown === 0} onClick={() => show(shown - 1)}>
              ← {steps[shown - 1] ? stepName(t, steps[shown - 1]!) : t('review.step.previous')}
            </Button>
            <Button variant="primary" disabled={shown >= steps.length - 1} onClick={() => show(shown + 1)}>
              {steps[shown + 1] ? stepName(t, steps[shown + 1]!) : t('review.step.next')} →
            </Button>
          </div>
        </div>
      </div>
      {drill ? (
        <MeetingDrill
          meetingId={meeting.id}
          snapshot={snapshot}
          request={drill}
          onClose={() => setDrill(null)}
          {...(writable ? { onDecide } : {})}
        />
      ) : null}
      {pending && writable ? (
        <CaptureDialog
          meeting={meeting}
          snapshot={snapshot}
          pending={pending}
          busy={state.busy}
          error={state.error}
          write={state.write}
          onClose={() => setPending(null)}
        />
      ) : null}
      {help && presenter ? <KeyHelp stepCount={steps.length} onClose={() => setHelp(false)} /> : null}
    </div>
  );
}
