import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../../app-context';
import { Icon } from '../../../../components/Icon';
import { formatInteger, formatLanguageName, formatPercent } from '../../../../format';
import { bodyOf, PARTY_ROLES, type TermsDocument } from '../../../../../shared/documents/terms';
import type { VerificationReport } from '../../../../../shared/documents/types';
import { dayRange } from '../labels';

/** The agreement a file carries (read from its embedded, signed JSON): who, when, and the key commitments. */
export function TermsSummary({ terms }: { terms: TermsDocument }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const sla = terms.definitions.find((d) => d.kind === 'sla_terms');
  const body = sla ? bodyOf(sla, 'sla_terms') : null;
  const stage = (key: string) => {
    const s = terms.stages.find((x) => x.key === key);
    return s ? (s.labels[locale] ?? s.labels.en ?? key) : key;
  };
  return (
    <dl className="terms-summary" data-testid="terms-summary">
      <div>
        <dt>{t('slaAgreement.verify.documentId')}</dt>
        <dd className="mono-line">{terms.documentId}</dd>
      </div>
      <div>
        <dt>{t('slaAgreement.document.company')}</dt>
        <dd>{terms.parties.company}</dd>
      </div>
      <div>
        <dt>{t('slaAgreement.document.period')}</dt>
        <dd>{dayRange(locale, terms.period.from, terms.period.to)}</dd>
      </div>
      <div>
        <dt>{t('slaAgreement.document.language')}</dt>
        <dd>{formatLanguageName(locale, terms.locale)}</dd>
      </div>
      {PARTY_ROLES.map((role) => (
        <div key={role}>
          <dt>{t(`slaAgreement.document.party.${role}`)}</dt>
          <dd>
            {terms.parties[role].name}
            <span className="muted"> · {terms.parties[role].title}</span>
          </dd>
        </div>
      ))}
      {body ? (
        <div className="terms-commitments">
          <dt>{t('slaAgreement.verify.commitments')}</dt>
          <dd>
            {t('slaAgreement.verify.commitmentsLine', {
              weekly: formatInteger(locale, body.terms.weeklyVolumeTarget),
              stage: stage(body.terms.handoffStage),
              rate: formatPercent(locale, body.terms.salRateTarget, 0),
              hours: formatInteger(locale, body.terms.followUpBusinessHours),
              recycling: formatInteger(locale, body.terms.recyclingBusinessHours),
            })}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** Whether the signed definitions are still those in force in the open workspace, definition by definition. */
export function WorkspaceMatch({ match }: { match: NonNullable<VerificationReport['workspaceMatch']> }) {
  const { t } = useTranslation();
  const differing = match.definitions.filter((d) => d.status !== 'same');
  return (
    <div
      className={match.matches ? 'match match-same' : 'match match-differs'}
      data-testid="workspace-match"
      data-matches={match.matches}
    >
      <p className="match-title">
        <Icon name={match.matches ? 'check' : 'alert'} size={16} />
        {match.matches
          ? t('slaAgreement.verify.matches', { workspace: match.workspace })
          : t('slaAgreement.verify.differs', { workspace: match.workspace, count: differing.length })}
      </p>
      {differing.length > 0 ? (
        <ul className="match-list">
          {differing.map((d) => (
            <li key={d.key}>
              <strong>{t(`documents.pdf.kind.${d.kind}`)}</strong> ({d.key}):{' '}
              {t(`slaAgreement.verify.match.${d.status}`, {
                signed: d.signedVersion ?? 0,
                current: d.currentVersion ?? 0,
              })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
