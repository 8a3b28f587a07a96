import { useTranslation } from 'react-i18next';
import { SETTABLE_ITEM_STATUSES, type ItemStatus, type Link } from '../../../../shared/meetings/model';
import type { ActionItem, Decision } from '../../../../shared/meetings/types';
import type { MeetingWords } from '../../../../shared/meetings/describe';
import { useLocale } from '../../../app-context';
import { Icon } from '../../../components/Icon';
import { calendarDate } from '../labels';

/** A link as words; a figure link opens the figure's leads. */
export function LinkLabel({
  link,
  words,
  onOpen,
}: {
  link: Link | null;
  words: MeetingWords;
  onOpen?: (link: Link) => void;
}) {
  const { t } = useTranslation();
  if (!link) return null;
  const label = words.link(link);
  return (
    <span className="review-link">
      <span className="muted">{t('review.records.promptedBy')}</span>{' '}
      {onOpen && link.type === 'figure' ? (
        <button type="button" className="link-button" onClick={() => onOpen(link)}>
          {label}
        </button>
      ) : (
        label
      )}
    </span>
  );
}

export function DecisionList({
  decisions,
  words,
  editable,
  onRemove,
  onOpenLink,
}: {
  decisions: readonly Decision[];
  words: MeetingWords;
  editable: boolean;
  onRemove: (d: Decision) => void;
  onOpenLink?: (link: Link) => void;
}) {
  const { t } = useTranslation();
  if (decisions.length === 0) return <p className="muted">{t('review.records.noDecisions')}</p>;
  return (
    <ol className="review-records">
      {decisions.map((d) => (
        <li key={d.id} className="review-record">
          <div className="review-record-main">
            <p className="review-record-text">{d.text}</p>
            <LinkLabel link={d.link} words={words} {...(onOpenLink ? { onOpen: onOpenLink } : {})} />
          </div>
          {editable ? (
            <button
              type="button"
              className="icon-button"
              aria-label={t('review.records.removeDecision')}
              title={t('review.records.removeDecision')}
              onClick={() => onRemove(d)}
            >
              <Icon name="x" size={16} />
            </button>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** An item's status in words with a mark, so it never rests on colour alone. */
export function ItemStatusLabel({ status }: { status: ItemStatus }) {
  const { t } = useTranslation();
  const mark = status === 'done' ? '✓' : status === 'not_done' ? '✕' : status === 'carried' ? '→' : '○';
  return (
    <span className={`badge review-item-${status}`}>
      <span aria-hidden="true">{mark}</span> {t(`meetings.itemStatus.${status}`)}
    </span>
  );
}

export function ItemList({
  items,
  words,
  editable,
  onStatus,
  onRemove,
  onOpenLink,
  meetingTitle,
}: {
  items: readonly ActionItem[];
  words: MeetingWords;
  editable: boolean;
  onStatus: (item: ActionItem, status: (typeof SETTABLE_ITEM_STATUSES)[number]) => void;
  onRemove: (item: ActionItem) => void;
  onOpenLink?: (link: Link) => void;
  /** Names the meeting a carried item came from. */
  meetingTitle: (id: number) => string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (items.length === 0) return <p className="muted">{t('review.records.noItems')}</p>;
  return (
    <ol className="review-records">
      {items.map((item) => (
        <li key={item.id} className="review-record">
          <div className="review-record-main">
            <p className="review-record-text">{item.text}</p>
            <p className="review-record-meta">
              <span>
                <span className="muted">{t('review.records.ownerShort')}</span> <strong>{item.owner}</strong>
              </span>
              <span className="review-record-due">
                <span className="muted">{t('review.records.dueShort')}</span>{' '}
                {item.dueDate ? calendarDate(locale, item.dueDate) : t('review.records.noDue')}
              </span>
              {item.carriedFromMeetingId !== null ? (
                <span className="muted">
                  {t('review.records.carriedFrom', { meeting: meetingTitle(item.originMeetingId) })}
                </span>
              ) : null}
            </p>
            <LinkLabel link={item.link} words={words} {...(onOpenLink ? { onOpen: onOpenLink } : {})} />
          </div>
          <div className="review-record-side">
            {editable && item.status !== 'carried' ? (
              <select
                className="select"
                value={item.status}
                aria-label={t('review.records.itemStatus', { item: item.text })}
                onChange={(e) => {
                  const next = SETTABLE_ITEM_STATUSES.find((s) => s === e.target.value);
                  if (next) onStatus(item, next);
                }}
              >
                {SETTABLE_ITEM_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`meetings.itemStatus.${s}`)}
                  </option>
                ))}
              </select>
            ) : (
              <ItemStatusLabel status={item.status} />
            )}
            {editable && item.carriedFromId === null ? (
              <button
                type="button"
                className="icon-button"
                aria-label={t('review.records.removeItem')}
                title={t('review.records.removeItem')}
                onClick={() => onRemove(item)}
              >
                <Icon name="x" size={16} />
              </button>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
