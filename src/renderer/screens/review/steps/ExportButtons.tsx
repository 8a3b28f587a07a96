import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileRef } from '../../../../shared/domain/types';
import { useApi, useTransport, useUi } from '../../../app-context';
import { Button } from '../../../components/Button';
import { asAppError } from '../../../transport/envelope';

type Export = 'pdf' | 'md' | 'csv' | 'ics';

/** Minutes (PDF, Markdown) and action items (CSV, iCalendar) of a started meeting, handed to the user as files. */
export function ExportButtons({ meetingId }: { meetingId: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const transport = useTransport();
  const notify = useUi((s) => s.notify);
  const notifyError = useUi((s) => s.notifyError);
  const [busy, setBusy] = useState<Export | null>(null);
  const run = async (what: Export) => {
    setBusy(what);
    try {
      const file: FileRef =
        what === 'pdf' || what === 'md'
          ? await api.meetings.minutes({ id: meetingId, format: what })
          : await api.meetings.exportActions({ id: meetingId, format: what });
      await transport.download(file);
      notify('review.exports.done', { file: file.name });
    } catch (e) {
      notifyError(asAppError(e).toPayload());
    } finally {
      setBusy(null);
    }
  };
  const button = (what: Export) => (
    <Button icon="download" busy={busy === what} disabled={busy !== null} onClick={() => void run(what)}>
      {t(`review.exports.${what}`)}
    </Button>
  );
  return (
    <div className="review-exports">
      <div>
        <span className="review-exports-label">{t('review.exports.minutes')}</span>
        {button('pdf')}
        {button('md')}
      </div>
      <div>
        <span className="review-exports-label">{t('review.exports.items')}</span>
        {button('csv')}
        {button('ics')}
      </div>
    </div>
  );
}
