import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { MeetingWords } from '../../../../shared/meetings/describe';
import { useApi, useLocale } from '../../../app-context';
import { useResource } from '../../../analysis/use-resource';
import { Button } from '../../../components/Button';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Spinner } from '../../../components/Spinner';
import { createMeetingStore } from '../state/meeting-store';
import { HeldMeeting } from './HeldMeeting';
import { PlannedMeeting } from './PlannedMeeting';
import '../../../analysis/analysis.css';
import '../review.css';
import '../../../presenter/presenter.css';

/** One meeting: planned (prepare and start), running, or ended (read only). */
export function MeetingScreen({ id, onBack }: { id: number; onBack: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useLocale();
  const store = useMemo(() => createMeetingStore(api.meetings, id), [api, id]);
  const state = useStore(store);
  useEffect(() => {
    void store.getState().load();
  }, [store]);
  const list = useResource('meeting-titles', () => api.meetings.list({}));
  const titles = useMemo(() => new Map((list.data ?? []).map((m) => [m.id, m.title])), [list.data]);
  const meetingTitle = useMemo(() => (mid: number) => titles.get(mid) ?? `#${mid}`, [titles]);
  const words = useMemo(() => new MeetingWords(t, locale, state.snapshot), [t, locale, state.snapshot]);
  const { meeting, snapshot } = state;

  if (state.loadError) {
    return (
      <ErrorNotice error={state.loadError}>
        <Button onClick={() => void state.load()}>{t('common.retry')}</Button>
        <Button variant="ghost" onClick={onBack}>
          {t('review.meeting.back')}
        </Button>
      </ErrorNotice>
    );
  }
  if (!meeting) return <Spinner label={t('common.loading')} />;
  if (meeting.status === 'planned') {
    return (
      <PlannedMeeting
        meeting={meeting}
        state={state}
        words={words}
        meetingTitle={meetingTitle}
        onBack={onBack}
        onStarted={() => void state.load()}
        onRemoved={onBack}
      />
    );
  }
  if (!snapshot) return <Spinner label={t('review.meeting.loadingSnapshot')} />;
  return (
    <HeldMeeting
      meeting={meeting}
      snapshot={snapshot}
      previous={state.previous}
      state={state}
      words={words}
      meetingTitle={meetingTitle}
      onBack={onBack}
    />
  );
}
