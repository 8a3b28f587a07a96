import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../../app-context';
import { Icon } from '../../../../components/Icon';
import { formatBytes, formatDate, formatDateTime, formatInteger } from '../../../../format';
import type { SignatureReport, VerificationReport } from '../../../../../shared/documents/types';
import { Fingerprint } from '../identities/IdentityCard';
import { verdictOf } from './verdict';

/** The verdict in words and colour: valid, not signed yet, or not valid and why. */
export function VerdictBanner({ report }: { report: VerificationReport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { verdict, reasons } = verdictOf(report);
  const tone = verdict === 'valid' ? 'verdict-valid' : verdict === 'unsigned' ? 'verdict-unsigned' : 'verdict-invalid';
  return (
    <div className={`verdict ${tone}`} role="status" data-verdict={verdict} data-testid="verdict">
      <Icon
        name={verdict === 'valid' ? 'check' : verdict === 'unsigned' ? 'info' : 'alert'}
        className="verdict-icon"
        size={22}
      />
      <div>
        <p className="verdict-title">
          {t(`slaAgreement.verify.verdict.${verdict}`, { count: report.signatures.length })}
        </p>
        <p className="verdict-detail">
          {t(`slaAgreement.verify.verdictDetail.${verdict}`, { count: report.signatures.length })}
        </p>
        {reasons.length > 0 ? (
          <ul className="verdict-reasons">
            {reasons.map((r) => (
              <li key={`${r.key}${r.index ?? ''}`}>
                {t(`slaAgreement.verify.reason.${r.key}`, {
                  index: r.index ?? 0,
                  bytes: formatBytes(locale, r.bytes ?? 0),
                })}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}

function Check({ ok, label }: { ok: boolean; label: string }) {
  const { t } = useTranslation();
  return (
    <li className={ok ? 'check-ok' : 'check-bad'}>
      <Icon name={ok ? 'check' : 'x'} size={14} />
      <span>
        {label}: <strong>{ok ? t('slaAgreement.verify.yes') : t('slaAgreement.verify.no')}</strong>
      </span>
    </li>
  );
}

/** One signature: who, when, with which certificate, and each check that makes it intact. */
export function SignatureItem({ s, timeZone, compact }: { s: SignatureReport; timeZone: string; compact?: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <article
      className={s.intact ? 'signature-item intact' : 'signature-item broken'}
      data-testid="signature"
      data-intact={s.intact}
      data-party={s.party ?? 'other'}
    >
      <div className="signature-head">
        <span className="signature-status">
          <Icon name={s.intact ? 'check' : 'alert'} size={16} />
          {s.intact ? t('slaAgreement.verify.intact') : t('slaAgreement.verify.broken')}
        </span>
        <span className="signature-slot">
          {t(`slaAgreement.verify.slot.${s.party ?? 'other'}`, { index: s.index })}
        </span>
        <strong className="signature-name">{s.signer?.name ?? t('slaAgreement.verify.unknownSigner')}</strong>
      </div>
      {s.signer ? (
        <div className="muted signature-role">
          {[s.signer.role, s.signer.company, s.signer.email].filter(Boolean).join(' · ')}
        </div>
      ) : null}
      <dl className="signature-facts">
        <div>
          <dt>{t('slaAgreement.verify.signedAt')}</dt>
          <dd>{s.signedAt === null ? '—' : formatDateTime(locale, s.signedAt, timeZone)}</dd>
        </div>
        {s.signer ? (
          <>
            <div>
              <dt>{t('slaAgreement.identities.issuer')}</dt>
              <dd>{s.signer.selfSigned ? t('slaAgreement.identities.selfSigned') : s.signer.issuer}</dd>
            </div>
            {!compact ? (
              <div>
                <dt>{t('slaAgreement.identities.validUntil')}</dt>
                <dd>{formatDate(locale, s.signer.notAfter)}</dd>
              </div>
            ) : null}
            <div className="signature-fingerprint">
              <dt>{t('slaAgreement.identities.fingerprint')}</dt>
              <dd>
                <Fingerprint hex={s.signer.fingerprint} />
              </dd>
            </div>
          </>
        ) : null}
      </dl>
      {!compact ? (
        <ul className="signature-checks">
          <Check ok={s.coversWholeRevision} label={t('slaAgreement.verify.check.coverage')} />
          <Check ok={s.digestValid} label={t('slaAgreement.verify.check.digest')} />
          <Check ok={s.signatureValid} label={t('slaAgreement.verify.check.signature')} />
        </ul>
      ) : null}
    </article>
  );
}

export function SignatureList({
  report,
  timeZone,
  compact,
}: {
  report: VerificationReport;
  timeZone: string;
  compact?: boolean;
}) {
  return (
    <div className="signature-list">
      {report.signatures.map((s) => (
        <SignatureItem key={s.index} s={s} timeZone={timeZone} compact={compact ?? false} />
      ))}
    </div>
  );
}

/** The file itself: name, size, digest, and anything appended after the last signature. */
export function FileFacts({ report }: { report: VerificationReport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <dl className="file-facts">
      <div>
        <dt>{t('slaAgreement.verify.file')}</dt>
        <dd>{report.fileName}</dd>
      </div>
      <div>
        <dt>{t('slaAgreement.verify.size')}</dt>
        <dd>{formatBytes(locale, report.fileSize)}</dd>
      </div>
      <div className="file-sha">
        <dt>SHA-256</dt>
        <dd>
          <code className="fingerprint" title={report.fileSha256}>
            {report.fileSha256.slice(0, 32)}
            <br />
            {report.fileSha256.slice(32)}
          </code>
        </dd>
      </div>
      <div>
        <dt>{t('slaAgreement.verify.trailing')}</dt>
        <dd className={report.signatures.length > 0 && report.unsignedTrailingBytes > 0 ? 'text-danger' : undefined}>
          {report.signatures.length === 0
            ? '—'
            : report.unsignedTrailingBytes === 0
              ? t('slaAgreement.verify.noTrailing')
              : t('slaAgreement.verify.trailingBytes', {
                  count: report.unsignedTrailingBytes,
                  bytes: formatInteger(locale, report.unsignedTrailingBytes),
                })}
        </dd>
      </div>
    </dl>
  );
}
