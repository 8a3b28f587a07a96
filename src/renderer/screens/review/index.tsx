import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useUi } from '../../app-context';
import { usePresenterFullscreen } from '../../presenter/fullscreen';
import { PageHeader } from '../../components/PageHeader';
import { SectionEmptyState } from '../../components/SectionEmptyState';
import { useWorkspace } from '../../use-workspace';
import { MeetingsHome } from './home/MeetingsHome';
import { MeetingScreen } from './meeting/MeetingScreen';
import { useOpenMeeting } from './state/location';
import './review.css';

/** The weekly review meeting: the list of meetings, or one meeting step by step. */
export function ReviewScreen() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const [open, setOpen] = useOpenMeeting();
  const ui = useApp().ui;
  const presenter = useUi((s) => s.presenter);
  // Presenter mode fills the screen wherever the review is (the list, a meeting).
  usePresenterFullscreen(
    presenter,
    useCallback(() => ui.getState().setPresenter(false), [ui]),
  );
  if (open !== null) return <MeetingScreen key={open} id={open} onBack={() => setOpen(null)} />;
  if (workspace.counts.leads === 0 && workspace.counts.meetings === 0) {
    return (
      <>
        <PageHeader title={t('nav.review')} description={t('empty.review.summary')} />
        <SectionEmptyState
          section="review"
          icon="review"
          counts={['leads', 'meetings', 'decisions', 'actionItems']}
          showRange
        />
      </>
    );
  }
  return <MeetingsHome onOpen={setOpen} />;
}
