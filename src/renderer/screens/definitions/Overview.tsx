import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalSide, DefinitionDetail, RevisionInfo } from '../../../shared/definitions/types';
import { useApi, useLocale } from '../../app-context';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDate } from '../../format';
import { useWorkspace } from '../../use-workspace';
import { DecisionDialog } from './DecisionDialog';
import { hasPreview, type Go } from './DefinitionDetail';
import { RevisionView } from './RevisionView';

type Pending =
  | { readonly kind: 'approve'; readonly revision: RevisionInfo; readonly side: ApprovalSide }
  | { readonly kind: 'reject' | 'withdraw' | 'propose' | 'discard'; readonly revision: RevisionInfo };

/** What is in force, and every revision waiting for a decision, with the decisions one can take. */
export function Overview({ detail, go, onChanged }: { detail: DefinitionDetail; go: Go; onChanged: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useLocale();
  const workspace = useWorkspace();
  const [pending, setPending] = useState<Pending | null>(null);
  const kind = detail.definition.kind;
  const inForce = detail.revisions.find((r) => r.id === detail.inForceId) ?? null;
  const previous = inForce
    ? [...detail.revisions]
        .reverse()
        .find((r) => r.version < inForce.version && (r.status === 'superseded' || r.status === 'effective'))
    : undefined;
  const waiting = [...detail.revisions]
    .reverse()
    .filter((r) => r.status === 'proposed' || r.status === 'draft' || r.status === 'approved');
  const readOnly = workspace.readOnly;

  const compareWith = (r: RevisionInfo) => {
    const base = inForce && inForce.id !== r.id ? inForce : previous;
    return base ? (
      <Button size="sm" variant="ghost" onClick={() => go('compare', { pair: { from: base.id, to: r.id } })}>
        {t('definitions.actions.compareWith', { version: base.version })}
      </Button>
    ) : null;
  };
  const previewButton = (r: RevisionInfo) =>
    hasPreview(kind) ? (
      <Button size="sm" variant="ghost" icon="funnel" onClick={() => go('impact', { preview: r.id })}>
        {t('definitions.actions.preview')}
      </Button>
    ) : null;

  const actionsFor = (r: RevisionInfo) => {
    if (r.status === 'proposed') {
      return (
        <>
          {(['marketing', 'sales'] as const).map((side) => (
            <Button
              key={side}
              size="sm"
              variant="primary"
              icon="check"
              disabled={readOnly || r.approvals[side] !== null}
              onClick={() => setPending({ kind: 'approve', revision: r, side })}
            >
              {t(`definitions.actions.approve.${side}`)}
            </Button>
          ))}
          <Button size="sm" disabled={readOnly} onClick={() => setPending({ kind: 'reject', revision: r })}>
            {t('definitions.actions.reject')}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            disabled={readOnly}
            onClick={() => setPending({ kind: 'withdraw', revision: r })}
          >
            {t('definitions.actions.withdraw')}
          </Button>
          <span className="defs-aside">
            {previewButton(r)}
            {compareWith(r)}
          </span>
        </>
      );
    }
    if (r.status === 'draft') {
      return (
        <>
          <Button
            size="sm"
            variant="primary"
            disabled={readOnly}
            onClick={() => setPending({ kind: 'propose', revision: r })}
          >
            {t('definitions.actions.propose')}
          </Button>
          <Button size="sm" disabled={readOnly} onClick={() => go('edit', { draft: r })}>
            {t('definitions.actions.editDraft')}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            disabled={readOnly}
            onClick={() => setPending({ kind: 'discard', revision: r })}
          >
            {t('definitions.actions.discard')}
          </Button>
          <span className="defs-aside">{compareWith(r)}</span>
        </>
      );
    }
    return (
      <span className="defs-aside">
        {previewButton(r)}
        {compareWith(r)}
      </span>
    );
  };

  const done = () => {
    setPending(null);
    onChanged();
  };

  return (
    <div className="defs-overview">
      <section aria-labelledby="defs-in-force">
        <div className="defs-section-head">
          <h3 id="defs-in-force">{t('definitions.overview.inForce')}</h3>
          <Button size="sm" icon="plus" disabled={readOnly} onClick={() => go('edit')}>
            {t('definitions.actions.newRevision')}
          </Button>
        </div>
        {inForce ? (
          <RevisionView
            kind={kind}
            revision={inForce}
            actions={previous ? <span className="defs-aside">{compareWith(inForce)}</span> : undefined}
          />
        ) : (
          <p className="defs-empty card">{t('definitions.overview.nothingInForce')}</p>
        )}
      </section>
      {waiting.length > 0 ? (
        <section aria-labelledby="defs-waiting">
          <h3 id="defs-waiting">{t('definitions.overview.waiting')}</h3>
          <div className="defs-stack">
            {waiting.map((r) => (
              <RevisionView key={r.id} kind={kind} revision={r} actions={actionsFor(r)} />
            ))}
          </div>
        </section>
      ) : null}
      {pending?.kind === 'approve' ? (
        <DecisionDialog
          title={t(`definitions.approve.title.${pending.side}`, { version: pending.revision.version })}
          confirmLabel={t('definitions.approve.confirm')}
          note="none"
          onClose={() => setPending(null)}
          onSubmit={async (name) => {
            await api.definitions.approve({ revisionId: pending.revision.id, side: pending.side, name });
            done();
          }}
        >
          <p>
            {pending.revision.approvals[pending.side === 'marketing' ? 'sales' : 'marketing'] === null
              ? t('definitions.approve.first')
              : pending.revision.effectiveFrom === null
                ? t('definitions.approve.secondNow')
                : t('definitions.approve.secondOn', {
                    date: formatDate(locale, pending.revision.effectiveFrom, workspace.timeZone),
                  })}
          </p>
          <p className="muted">{t('definitions.approve.samePerson')}</p>
        </DecisionDialog>
      ) : null}
      {pending?.kind === 'reject' ? (
        <DecisionDialog
          title={t('definitions.reject.title', { version: pending.revision.version })}
          confirmLabel={t('definitions.actions.reject')}
          danger
          note="required"
          noteLabel={t('definitions.reject.note')}
          onClose={() => setPending(null)}
          onSubmit={async (name, note) => {
            await api.definitions.reject({ revisionId: pending.revision.id, name, note });
            done();
          }}
        />
      ) : null}
      {pending?.kind === 'withdraw' ? (
        <DecisionDialog
          title={t('definitions.withdraw.title', { version: pending.revision.version })}
          confirmLabel={t('definitions.actions.withdraw')}
          note="optional"
          onClose={() => setPending(null)}
          onSubmit={async (name, note) => {
            await api.definitions.withdraw({ revisionId: pending.revision.id, name, note });
            done();
          }}
        />
      ) : null}
      {pending?.kind === 'propose' ? (
        <ConfirmDialog
          title={t('definitions.propose.title', { version: pending.revision.version })}
          confirmLabel={t('definitions.actions.propose')}
          onClose={() => setPending(null)}
          onConfirm={async () => {
            await api.definitions.propose({ revisionId: pending.revision.id });
            done();
          }}
        >
          <p>{t('definitions.propose.text')}</p>
        </ConfirmDialog>
      ) : null}
      {pending?.kind === 'discard' ? (
        <ConfirmDialog
          title={t('definitions.discard.title', { version: pending.revision.version })}
          confirmLabel={t('definitions.actions.discard')}
          danger
          onClose={() => setPending(null)}
          onConfirm={async () => {
            await api.definitions.discardDraft({ revisionId: pending.revision.id });
            done();
          }}
        >
          <p>{t('definitions.discard.text')}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
