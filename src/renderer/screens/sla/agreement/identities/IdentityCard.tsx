import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../../app-context';
import { formatDate } from '../../../../format';
import { fingerprintText } from '../../../../../shared/documents/format';
import type { IdentityInfo } from '../../../../../shared/documents/types';

/** Two lines of colon-separated byte pairs, the way certificate viewers show a fingerprint. */
export function Fingerprint({ hex }: { hex: string }) {
  const text = fingerprintText(hex);
  const half = Math.ceil(hex.length / 4) * 3;
  return (
    <code className="fingerprint" title={text}>
      {text.slice(0, half - 1)}
      <br />
      {text.slice(half)}
    </code>
  );
}

/** What a certificate says about its holder, and whether it can sign today. */
export function IdentityCard({ info, where }: { info: IdentityInfo; where: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const expired = info.notAfter < Date.now();
  return (
    <article className="identity-card" data-fingerprint={info.fingerprint}>
      <div className="identity-head">
        <strong className="identity-name">{info.name}</strong>
        {expired ? <span className="tag tag-danger">{t('slaAgreement.identities.expired')}</span> : null}
      </div>
      <div className="identity-role">{[info.role, info.company].filter(Boolean).join(' · ')}</div>
      {info.email ? <div className="identity-email">{info.email}</div> : null}
      <dl className="identity-facts">
        <div>
          <dt>{t('slaAgreement.identities.fingerprint')}</dt>
          <dd>
            <Fingerprint hex={info.fingerprint} />
          </dd>
        </div>
        <div>
          <dt>{t('slaAgreement.identities.validUntil')}</dt>
          <dd>{formatDate(locale, info.notAfter)}</dd>
        </div>
        <div>
          <dt>{t('slaAgreement.identities.issuer')}</dt>
          <dd>{info.selfSigned ? t('slaAgreement.identities.selfSigned') : info.issuer}</dd>
        </div>
        <div>
          <dt>{t('slaAgreement.identities.kept')}</dt>
          <dd>{where}</dd>
        </div>
      </dl>
    </article>
  );
}
