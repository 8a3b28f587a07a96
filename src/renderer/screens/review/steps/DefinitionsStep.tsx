import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { diffRule, diffText } from '../../../../shared/definitions/diff';
import { revisionBody, type RuleGroup } from '../../../../shared/definitions/model';
import type { ReviewOutcome } from '../../../../shared/meetings/model';
import type { DefinitionVersion, Proposal, RevisionReview } from '../../../../shared/meetings/types';
import { useLocale } from '../../../app-context';
import { Button } from '../../../components/Button';
import { formatDate } from '../../../format';
import { RuleSide, TextSide } from '../../definitions/Compare';
import { RuleImpact, SlaImpact, type PreviewVersions } from '../../definitions/Impact';
import '../../definitions/definitions.css';
import { ReviewDialog } from './ReviewDialog';
import type { StepProps } from './types';

function ruleOf(v: DefinitionVersion): RuleGroup | null {
  if (v.kind !== 'icp' && v.kind !== 'stage_criteria') return null;
  const parsed = revisionBody[v.kind].safeParse(v.body);
  return parsed.success ? (parsed.data.rule ?? null) : null;
}

/** The revisions a frozen preview names: the proposal and the version it would replace, as they stood. */
function versionsOf(p: Proposal): PreviewVersions {
  return {
    revisions: [
      { id: p.revisionId, status: 'proposed' },
      ...(p.replaces ? [{ id: p.replaces.revisionId, status: 'effective' as const }] : []),
    ],
  };
}

function ReviewLine({ review }: { review: RevisionReview }) {
  const { t } = useTranslation();
  return (
    <p className={`review-outcome review-outcome-${review.outcome}`}>
      <strong>{t(`meetings.outcome.${review.outcome}`)}</strong>{' '}
      {t('review.defs.recordedWith', { marketing: review.marketingLead, sales: review.salesLead })}
      {review.note ? <span className="muted"> · {review.note}</span> : null}
    </p>
  );
}

function ProposalCard({ proposal: p, props }: { proposal: Proposal; props: StepProps }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { meeting, writable, busy, write, snapshot } = props;
  const [dialog, setDialog] = useState<ReviewOutcome | null>(null);
  const reviews = meeting.reviews.filter((r) => r.revisionId === p.revisionId);
  const decided = reviews.some((r) => r.outcome !== 'defer');
  const textDiff = diffText(p.replaces?.text ?? '', p.text);
  const rule = diffRule(p.replaces ? ruleOf(p.replaces) : null, ruleOf(p));
  const name = t('review.defs.version', { title: p.title, version: p.version });
  return (
    <article className="card review-proposal" aria-label={name}>
      <header className="review-proposal-head">
        <div>
          <h3>{name}</h3>
          <p className="muted small">
            {t('review.defs.proposedBy', {
              author: p.author || '—',
              date: formatDate(locale, p.createdAt, snapshot.timeZone),
            })}
          </p>
        </div>
        {writable && !decided ? (
          <div className="review-proposal-actions">
            <Button variant="primary" icon="check" onClick={() => setDialog('approve')}>
              {t('review.defs.action.approve')}
            </Button>
            <Button onClick={() => setDialog('defer')}>{t('review.defs.action.defer')}</Button>
            <Button variant="danger" onClick={() => setDialog('reject')}>
              {t('review.defs.action.reject')}
            </Button>
          </div>
        ) : null}
      </header>
      {reviews.map((r) => (
        <ReviewLine key={r.id} review={r} />
      ))}
      {p.rationale ? (
        <p>
          <span className="defs-label">{t('review.defs.rationale')}</span> {p.rationale}
        </p>
      ) : null}
      <div className="defs-diff-grid review-proposal-diff">
        <div className="defs-diff-head">
          <strong>
            {p.replaces ? t('review.defs.inForce', { version: p.replaces.version }) : t('review.defs.nothingInForce')}
          </strong>
        </div>
        <div className="defs-diff-head">
          <strong>{t('review.defs.proposed', { version: p.version })}</strong>
        </div>
        <TextSide changes={textDiff} side="from" />
        <TextSide changes={textDiff} side="to" />
        {rule ? (
          <>
            <ul className="defs-rule-tree">
              <RuleSide node={rule} side="from" />
            </ul>
            <ul className="defs-rule-tree">
              <RuleSide node={rule} side="to" />
            </ul>
          </>
        ) : null}
      </div>
      <h4>{t('review.defs.impactTitle')}</h4>
      {p.impact ? (
        <>
          <p className="muted small">
            {t('review.defs.impactCaption', { asOf: formatDate(locale, p.impact.asOf, snapshot.timeZone) })}
          </p>
          {p.impact.type === 'rule' ? (
            <RuleImpact p={p.impact} detail={versionsOf(p)} />
          ) : (
            <SlaImpact p={p.impact} detail={versionsOf(p)} />
          )}
        </>
      ) : (
        <p className="muted">{t('review.defs.noImpact')}</p>
      )}
      {dialog ? (
        <ReviewDialog
          outcome={dialog}
          title={name}
          attendees={meeting.attendees}
          busy={busy}
          error={props.error}
          onClose={() => setDialog(null)}
          onSubmit={(draft) =>
            void write((api) =>
              api.reviewRevision({ id: meeting.id, revisionId: p.revisionId, outcome: dialog, ...draft }),
            ).then((ok) => ok && setDialog(null))
          }
        />
      ) : null}
    </article>
  );
}

/** Step 4: proposed definition revisions with their frozen impact preview; approve, reject or defer. */
export function DefinitionsStep(props: StepProps) {
  const { t } = useTranslation();
  const proposals = props.snapshot.proposals;
  if (proposals.length === 0) return <p className="card review-panel muted">{t('review.defs.none')}</p>;
  return (
    <div className="review-proposals">
      {proposals.map((p) => (
        <ProposalCard key={p.revisionId} proposal={p} props={props} />
      ))}
    </div>
  );
}
