import type { TFunction } from 'i18next';
import { neutralizeCell } from '../export/formula';
import type { MeetingWords } from './describe';
import type { IcsCalendar } from './ics';
import type { ActionItem, MeetingSummary } from './types';

/**
 * A meeting's action items for spreadsheets and calendars, in the meeting's language. CSV cells
 * are formula-neutralised (an owner named `=HYPERLINK(...)` stays text); dates are ISO.
 */
export interface ActionsContext {
  readonly meeting: Pick<MeetingSummary, 'id' | 'title' | 'week'>;
  readonly t: TFunction;
  readonly words: MeetingWords;
  /** Titles of the meetings items were carried from, by id. */
  readonly meetingTitles: ReadonlyMap<number, string>;
}

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());

export function actionItemsTable(items: readonly ActionItem[], ctx: ActionsContext): string[][] {
  const { t } = ctx;
  const header = [
    t('minutes.csv.meeting'),
    t('minutes.csv.week'),
    t('minutes.item'),
    t('minutes.owner'),
    t('minutes.due'),
    t('minutes.status'),
    t('minutes.carriedFrom'),
    t('minutes.link'),
    t('minutes.csv.created'),
    t('minutes.csv.closed'),
  ];
  const rows = items.map((i) => [
    ctx.meeting.title,
    ctx.meeting.week.week,
    i.text,
    i.owner,
    i.dueDate ?? '',
    t(`meetings.itemStatus.${i.status}`),
    i.carriedFromMeetingId === null
      ? ''
      : (ctx.meetingTitles.get(i.carriedFromMeetingId) ?? `#${i.carriedFromMeetingId}`),
    ctx.words.link(i.link),
    iso(i.createdAt),
    iso(i.closedAt),
  ]);
  return [header, ...rows].map((row) => row.map(neutralizeCell));
}

/**
 * Items still to do (open, or carried to the next meeting) that have a due date, one all-day event
 * each. `uidScope` makes UIDs unique to the workspace; the item id makes them stable.
 */
export function actionItemsCalendar(
  items: readonly ActionItem[],
  ctx: ActionsContext,
  uidScope: string,
  stamp: number,
): IcsCalendar {
  const { t } = ctx;
  const todo = items.filter((i) => (i.status === 'open' || i.status === 'carried') && i.dueDate !== null);
  return {
    prodId: '-//Funnel Review//Meeting action items//EN',
    name: t('minutes.ics.calendarName', { title: ctx.meeting.title }),
    events: todo.map((i) => ({
      uid: `action-item-${i.id}-${uidScope}@funnel-review`,
      date: i.dueDate!,
      summary: t('minutes.ics.summary', { owner: i.owner, text: i.text }),
      description: [
        t('minutes.ics.owner', { owner: i.owner }),
        t('minutes.ics.meeting', { title: ctx.meeting.title, week: ctx.meeting.week.week }),
        ...(i.link ? [t('minutes.ics.link', { link: ctx.words.link(i.link) })] : []),
      ].join('\n'),
      stamp,
      created: i.createdAt,
      categories: [t('minutes.ics.category')],
    })),
  };
}
