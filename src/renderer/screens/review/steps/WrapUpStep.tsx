import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RATING_MAX, RATING_MIN } from '../../../../shared/meetings/model';
import { useLocale } from '../../../app-context';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { formatDecimal, formatInteger } from '../../../format';
import { stepName } from '../labels';
import { ExportButtons } from './ExportButtons';
import type { StepProps } from './types';

const SCORES = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MIN + i);

/** One attendee's 1–10 rating as a row of buttons (one press records it; pressing another replaces it). */
function RatingRow({
  name,
  value,
  disabled,
  onRate,
}: {
  name: string;
  value: number | null;
  disabled: boolean;
  onRate: (n: number) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="review-rating" role="radiogroup" aria-label={t('review.wrap.ratingOf', { name })}>
      {SCORES.map((n) => (
        <button
          key={n}
          type="button"
          role="radio"
          aria-checked={value === n}
          disabled={disabled}
          className={value === n ? 'review-score active' : 'review-score'}
          onClick={() => onRate(n)}
        >
          {formatInteger(locale, n)}
        </button>
      ))}
    </div>
  );
}

/**
 * Step 6: what the meeting decided and assigned, what carries forward (open items, points not
 * reached), a rating by each attendee, the minutes and action items as files, and the end.
 */
export function WrapUpStep(props: StepProps) {
  const { meeting, writable, busy, write } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const [ending, setEnding] = useState(false);
  const newItems = meeting.actionItems.filter((i) => i.carriedFromId === null).length;
  const carriedIn = meeting.actionItems.length - newItems;
  const open = meeting.actionItems.filter((i) => i.status === 'open' || i.status === 'carried').length;
  const notReached = meeting.agenda.steps.filter((s) => s.reachedAt === null);
  const ratings = meeting.ratings;
  const average = ratings.length > 0 ? ratings.reduce((a, r) => a + r.rating, 0) / ratings.length : null;
  const outcomes = (['approve', 'reject', 'defer'] as const).map((o) => ({
    o,
    n: meeting.reviews.filter((r) => r.outcome === o).length,
  }));
  const ended = meeting.status === 'ended';

  return (
    <div className="review-step-grid review-wrap">
      <section className="card review-panel" aria-labelledby="wrap-summary">
        <h3 id="wrap-summary">{t('review.wrap.summaryTitle')}</h3>
        <dl className="review-summary">
          <div>
            <dt>{t('review.wrap.decisions')}</dt>
            <dd>{formatInteger(locale, meeting.decisions.length)}</dd>
          </div>
          <div>
            <dt>{t('review.wrap.newItems')}</dt>
            <dd>{formatInteger(locale, newItems)}</dd>
          </div>
          <div>
            <dt>{t('review.wrap.carriedIn')}</dt>
            <dd>{formatInteger(locale, carriedIn)}</dd>
          </div>
          {outcomes.map(({ o, n }) => (
            <div key={o}>
              <dt>{t(`review.wrap.reviews.${o}`)}</dt>
              <dd>{formatInteger(locale, n)}</dd>
            </div>
          ))}
        </dl>
        {meeting.decisions.length > 0 ? (
          <ul className="review-summary-list">
            {meeting.decisions.map((d) => (
              <li key={d.id}>{d.text}</li>
            ))}
          </ul>
        ) : null}
        <div className="callout review-carry" role="note">
          <div className="callout-content">
            <p>
              {ended
                ? t('review.wrap.carriedItems', { count: open, n: formatInteger(locale, open) })
                : t('review.wrap.willCarryItems', { count: open, n: formatInteger(locale, open) })}
            </p>
            {notReached.length > 0 ? (
              <p>
                {t(ended ? 'review.wrap.carriedPoints' : 'review.wrap.willCarryPoints', {
                  list: notReached.map((s) => stepName(t, s)).join(', '),
                })}
              </p>
            ) : (
              <p>{t('review.wrap.allReached')}</p>
            )}
          </div>
        </div>
      </section>

      <section className="card review-panel" aria-labelledby="wrap-ratings">
        <h3 id="wrap-ratings">{t('review.wrap.ratingsTitle')}</h3>
        <p className="muted small">{t('review.wrap.ratingsHint')}</p>
        {meeting.attendees.length === 0 ? <p className="muted">{t('review.wrap.noAttendees')}</p> : null}
        <ul className="review-ratings">
          {meeting.attendees.map((a) => {
            const r = ratings.find((x) => x.attendee.toLowerCase() === a.name.toLowerCase());
            return (
              <li key={a.name}>
                <span className="review-rater">
                  <strong>{a.name}</strong> <span className="muted small">{t(`meetings.role.${a.role}`)}</span>
                </span>
                <RatingRow
                  name={a.name}
                  value={r?.rating ?? null}
                  disabled={!writable || busy}
                  onRate={(rating) => void write((api) => api.rate({ id: meeting.id, attendee: a.name, rating }))}
                />
              </li>
            );
          })}
        </ul>
        <p className="review-average">
          {average === null
            ? t('review.wrap.noRatings')
            : t('review.wrap.average', {
                value: formatDecimal(locale, average, 1),
                count: ratings.length,
                n: formatInteger(locale, ratings.length),
              })}
        </p>
      </section>

      <section className="card review-panel" aria-labelledby="wrap-exports">
        <h3 id="wrap-exports">{t('review.wrap.exportsTitle')}</h3>
        <p className="muted small">{t('review.wrap.exportsHint')}</p>
        <ExportButtons meetingId={meeting.id} />
        {writable ? (
          <div className="review-end">
            <Button variant="primary" size="lg" onClick={() => setEnding(true)}>
              {t('review.wrap.end')}
            </Button>
          </div>
        ) : null}
      </section>

      {ending ? (
        <ConfirmDialog
          title={t('review.wrap.endTitle')}
          confirmLabel={t('review.wrap.end')}
          onClose={() => setEnding(false)}
          onConfirm={() => props.commit((api) => api.end({ id: meeting.id }))}
        >
          <p>{t('review.wrap.endBody', { count: open, n: formatInteger(locale, open) })}</p>
          {notReached.length > 0 ? (
            <p>{t('review.wrap.willCarryPoints', { list: notReached.map((s) => stepName(t, s)).join(', ') })}</p>
          ) : null}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
