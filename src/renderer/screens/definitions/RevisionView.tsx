import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DefinitionKind } from '../../../shared/definitions/model';
import type { AnyRevisionBody, ApprovalSide, RevisionInfo } from '../../../shared/definitions/types';
import { ruleText } from '../../../shared/documents/rule-text';
import { localized } from '../../../shared/i18n';
import { useLocale } from '../../app-context';
import { formatDate, formatDecimal, formatInteger, formatPercent } from '../../format';
import { useWorkspace } from '../../use-workspace';
import { stageName, StatusPill } from './labels';

function Approval({ revision, side }: { revision: RevisionInfo; side: ApprovalSide }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { timeZone } = useWorkspace();
  const a = revision.approvals[side];
  return (
    <div className={a ? 'defs-approval done' : 'defs-approval'}>
      <span className="defs-approval-side">{t(`definitions.side.${side}`)}</span>
      <span>
        {a
          ? t('definitions.revision.approvedBy', { name: a.name, date: formatDate(locale, a.at, timeZone) })
          : t('definitions.revision.waiting')}
      </span>
    </div>
  );
}

/** The kind-specific part of a body: the rule in words, the SLA terms, the answers or the reasons. */
export function BodyView({ kind, body }: { kind: DefinitionKind; body: AnyRevisionBody }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const workspace = useWorkspace();
  if (kind === 'icp' || kind === 'stage_criteria') {
    return 'rule' in body && body.rule ? (
      <div className="defs-rule-words">
        <span className="defs-label">{t('definitions.field.rule')}</span>
        <p>{ruleText(body.rule, t, locale)}</p>
      </div>
    ) : kind === 'icp' ? (
      <p className="muted">{t('definitions.revision.noRule')}</p>
    ) : null;
  }
  if ('terms' in body) {
    const x = body.terms;
    const hours = (h: number) =>
      t('definitions.terms.hoursValue', { value: formatDecimal(locale, h, h % 1 === 0 ? 0 : 1) });
    const rows: Array<[string, ReactNode]> = [
      [t('definitions.terms.handoffStage'), stageName(workspace, x.handoffStage, locale)],
      [t('definitions.terms.acceptedStage'), stageName(workspace, x.acceptedStage, locale)],
      [
        t('definitions.terms.followUp'),
        `${hours(x.followUpBusinessHours)} · ${t(`definitions.terms.clock.${x.clockStart}`)}`,
      ],
      [t('definitions.terms.weeklyVolume'), formatInteger(locale, x.weeklyVolumeTarget)],
      [t('definitions.terms.salRate'), formatPercent(locale, x.salRateTarget, 0)],
      [t('definitions.terms.recycling'), hours(x.recyclingBusinessHours)],
      ...Object.entries(x.segmentOverrides).map(([segment, o]): [string, ReactNode] => [
        t('definitions.terms.override', { segment }),
        [
          o.followUpBusinessHours !== undefined
            ? `${t('definitions.terms.followUp')}: ${hours(o.followUpBusinessHours)}`
            : null,
          o.weeklyVolumeTarget !== undefined
            ? `${t('definitions.terms.weeklyVolume')}: ${formatInteger(locale, o.weeklyVolumeTarget)}`
            : null,
          o.salRateTarget !== undefined
            ? `${t('definitions.terms.salRate')}: ${formatPercent(locale, o.salRateTarget, 0)}`
            : null,
        ]
          .filter(Boolean)
          .join(' · '),
      ]),
    ];
    return (
      <dl className="defs-terms">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    );
  }
  if ('answers' in body) {
    const entries = Object.entries(body.answers);
    if (entries.length === 0) return null;
    return (
      <dl className="defs-answers">
        {entries.map(([k, v]) => (
          <div key={k}>
            <dt>{t(`definitions.market.${k}`, { defaultValue: k })}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    );
  }
  if (!('reasons' in body)) return null;
  return (
    <div className="defs-table-wrap">
      <table className="table defs-reasons">
        <thead>
          <tr>
            <th scope="col">{t('definitions.reasons.kind')}</th>
            <th scope="col">{t('definitions.reasons.label')}</th>
            <th scope="col">{t('definitions.reasons.code')}</th>
            <th scope="col" className="num">
              {t('definitions.reasons.aliases')}
            </th>
          </tr>
        </thead>
        <tbody>
          {body.reasons.map((r) => (
            <tr key={`${r.kind}.${r.code}`}>
              <td>{t(`definitions.reasons.kinds.${r.kind}`)}</td>
              <td>{localized({ en: r.labels.en ?? r.code, ...r.labels }, locale)}</td>
              <td className="mono">{r.code}</td>
              <td className="num">{formatInteger(locale, r.aliases.length)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One revision: version and status, dates, who and why, the agreed text, its body and both approvals. */
export function RevisionView({
  kind,
  revision,
  actions,
}: {
  kind: DefinitionKind;
  revision: RevisionInfo;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { timeZone } = useWorkspace();
  const r = revision;
  const effective =
    r.effectiveFrom === null
      ? t('definitions.revision.onApproval')
      : t('definitions.revision.effectiveFrom', { date: formatDate(locale, r.effectiveFrom, timeZone) });
  return (
    <article className="defs-revision card" aria-label={t('definitions.revision.version', { version: r.version })}>
      <header className="defs-revision-header">
        <div className="defs-revision-title">
          <h3>{t('definitions.revision.version', { version: r.version })}</h3>
          <StatusPill status={r.status} />
          <span className="muted">{effective}</span>
        </div>
        <p className="muted">
          {t('definitions.revision.by', {
            author: r.author,
            date: formatDate(locale, r.proposedAt ?? r.createdAt, timeZone),
          })}
        </p>
      </header>
      <p className="defs-text">{r.body.text}</p>
      <BodyView kind={kind} body={r.body} />
      {r.rationale ? (
        <div className="defs-rationale">
          <span className="defs-label">{t('definitions.field.rationale')}</span>
          <p>{r.rationale}</p>
        </div>
      ) : null}
      {r.status === 'rejected' || r.status === 'withdrawn' ? (
        <p className="defs-decision">
          {t(`definitions.revision.decided.${r.status}`, {
            name: r.decidedBy ?? '',
            date: formatDate(locale, r.decidedAt ?? r.createdAt, timeZone),
          })}
          {r.decisionNote ? ` — ${r.decisionNote}` : ''}
        </p>
      ) : null}
      {r.status !== 'draft' ? (
        <div className="defs-approvals" aria-label={t('definitions.revision.approvals')}>
          <Approval revision={r} side="marketing" />
          <Approval revision={r} side="sales" />
        </div>
      ) : null}
      {actions ? <footer className="defs-revision-actions">{actions}</footer> : null}
    </article>
  );
}
