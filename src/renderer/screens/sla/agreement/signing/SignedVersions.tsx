import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useLocale } from '../../../../app-context';
import { useWorkspace } from '../../../../use-workspace';
import { ErrorNotice } from '../../../../components/ErrorNotice';
import { formatDateTime, formatLanguageName } from '../../../../format';
import { useResource } from '../../../../analysis/use-resource';
import { dayRange } from '../labels';

const short = (hex: string) => `${hex.slice(0, 12)}…`;

/** Who signed which version of which document, and when: the workspace's record, newest document first. */
export function SignedVersions({ generation }: { generation: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useLocale();
  const workspace = useWorkspace();
  const list = useResource(`documents|${generation}`, () => api.documents.list({}));
  const docs = list.data ?? [];
  return (
    <section className="card panel" aria-labelledby="signed-versions-title">
      <div className="agreement-card-head">
        <h2 id="signed-versions-title" className="agreement-title">
          {t('slaAgreement.versions.title')}
        </h2>
        <p className="agreement-lead">{t('slaAgreement.versions.intro')}</p>
      </div>
      {list.error ? <ErrorNotice error={list.error} /> : null}
      {docs.length === 0 ? (
        <p className="muted">{list.loading ? t('slaAgreement.common.loading') : t('slaAgreement.versions.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table agreement-table" data-testid="signed-versions">
            <thead>
              <tr>
                <th scope="col">{t('slaAgreement.versions.version')}</th>
                <th scope="col">{t('slaAgreement.versions.signer')}</th>
                <th scope="col">{t('slaAgreement.versions.when')}</th>
                <th scope="col">{t('slaAgreement.versions.file')}</th>
                <th scope="col">{t('slaAgreement.versions.signedVersion')}</th>
              </tr>
            </thead>
            <tbody>
              {docs.map((d) => (
                <Fragment key={d.documentId}>
                  <tr className="version-document" data-document={d.documentId}>
                    <th scope="rowgroup" colSpan={5}>
                      <span className="mono-line">{d.documentId}</span>
                      <span className="muted">
                        {' · '}
                        {dayRange(locale, d.periodFrom, d.periodTo)} · {formatLanguageName(locale, d.locale)} ·{' '}
                        {d.createdBy
                          ? t('slaAgreement.versions.rendered', {
                              who: d.createdBy,
                              when: formatDateTime(locale, d.createdAt, workspace.timeZone),
                            })
                          : t('slaAgreement.versions.renderedAt', {
                              when: formatDateTime(locale, d.createdAt, workspace.timeZone),
                            })}
                      </span>
                    </th>
                  </tr>
                  <tr>
                    <td>{t('slaAgreement.versions.unsigned')}</td>
                    <td className="muted">—</td>
                    <td className="muted">—</td>
                    <td>
                      <code title={d.fileSha256}>{short(d.fileSha256)}</code>
                    </td>
                    <td className="muted">—</td>
                  </tr>
                  {d.signatures.map((s) => (
                    <tr key={s.signedFileSha256} data-party={s.party}>
                      <td>
                        {t('slaAgreement.versions.signature', {
                          sequence: s.sequence,
                          party: t(`slaAgreement.document.party.${s.party}`),
                        })}
                      </td>
                      <td>
                        <strong>{s.signerName}</strong>
                        <span className="rate-detail">{[s.signerRole, s.signerEmail].filter(Boolean).join(' · ')}</span>
                      </td>
                      <td>{formatDateTime(locale, s.signedAt, workspace.timeZone)}</td>
                      <td>
                        <code title={s.signedFileSha256}>{short(s.signedFileSha256)}</code>
                      </td>
                      <td>
                        <code title={s.previousFileSha256}>{short(s.previousFileSha256)}</code>
                      </td>
                    </tr>
                  ))}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
