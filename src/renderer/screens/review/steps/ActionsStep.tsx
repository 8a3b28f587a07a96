import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../app-context';
import { linkOptions } from '../records/link-options';
import { DecisionForm, ItemForm } from '../records/RecordForms';
import { DecisionList, ItemList } from '../records/RecordLists';
import type { StepProps } from './types';

/**
 * Step 5: the decisions and action items of this meeting, each with an owner, a due date and
 * what prompted it. Items carried in from earlier meetings are listed with the others.
 */
export function ActionsStep(props: StepProps) {
  const { meeting, snapshot, writable, busy, write, words, meetingTitle, onOpenLink } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const options = useMemo(() => linkOptions(snapshot, t, locale), [snapshot, t, locale]);
  return (
    <div className="review-step-grid review-actions">
      <section className="card review-panel" aria-labelledby="actions-decisions">
        <h3 id="actions-decisions">{t('review.actions.decisionsTitle')}</h3>
        <DecisionList
          decisions={meeting.decisions}
          words={words}
          editable={writable}
          onOpenLink={onOpenLink}
          onRemove={(d) => void write((api) => api.removeDecision({ decisionId: d.id }))}
        />
        {writable ? (
          <DecisionForm
            options={options}
            disabled={!writable}
            busy={busy}
            onSubmit={(d) => write((api) => api.addDecision({ id: meeting.id, text: d.text, link: d.link }))}
          />
        ) : null}
      </section>
      <section className="card review-panel" aria-labelledby="actions-items">
        <h3 id="actions-items">{t('review.actions.itemsTitle')}</h3>
        <ItemList
          items={meeting.actionItems}
          words={words}
          editable={writable}
          meetingTitle={meetingTitle}
          onOpenLink={onOpenLink}
          onStatus={(item, status) => void write((api) => api.updateActionItem({ itemId: item.id, status }))}
          onRemove={(item) => void write((api) => api.removeActionItem({ itemId: item.id }))}
        />
        {writable ? (
          <ItemForm
            options={options}
            attendees={meeting.attendees}
            disabled={!writable}
            busy={busy}
            onSubmit={(d) =>
              write((api) =>
                api.addActionItem({ id: meeting.id, text: d.text, owner: d.owner, dueDate: d.dueDate, link: d.link }),
              )
            }
          />
        ) : null}
      </section>
    </div>
  );
}
