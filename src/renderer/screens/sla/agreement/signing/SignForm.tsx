import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useTransport } from '../../../../app-context';
import { useWorkspace } from '../../../../use-workspace';
import { Button } from '../../../../components/Button';
import { ErrorNotice } from '../../../../components/ErrorNotice';
import { Icon } from '../../../../components/Icon';
import { PARTY_ROLES, type PartyRole } from '../../../../../shared/documents/terms';
import { suggestedParty } from './party';
import type { IdentityInfo, SignedDocument, VerificationReport } from '../../../../../shared/documents/types';
import { Choice } from '../Choice';
import { agreement, useAgreement } from '../store';
import { useAction } from '../use-async';
import { optionKey, useIdentities } from '../identities/use-identities';
import { useWhere } from '../identities/IdentitiesStep';
import { signedParties } from '../verify/verdict';

/** An identity as the select names it. */
function identityLabel(info: IdentityInfo): string {
  return info.role ? `${info.name} — ${info.role}` : info.name;
}

/** Choose identity, unlock it, choose the slot, sign. */
export function SignForm({ report, onSigned }: { report: VerificationReport | null; onSigned: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const transport = useTransport();
  const workspace = useWorkspace();
  const file = useAgreement((s) => s.file);
  const { options, vault } = useIdentities();
  const where = useWhere();
  const [chosenKey, setChosenKey] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [party, setParty] = useState<PartyRole | null>(null);
  const [signed, setSigned] = useState<SignedDocument | null>(null);
  const action = useAction();
  const identity = options.find((o) => optionKey(o) === chosenKey) ?? options[0];
  const taken = report ? signedParties(report) : new Set<string>();
  const slot = party && !taken.has(party) ? party : report ? suggestedParty(report, identity?.info) : null;
  const broken = report !== null && report.signatures.length > 0 && !report.ok;
  const ready =
    file !== null &&
    report !== null &&
    report.terms !== null &&
    !broken &&
    slot !== null &&
    identity !== undefined &&
    (identity.kind === 'vault' || passphrase !== '');

  const sign = () =>
    void action.run(async () => {
      if (!file || !identity || !slot) return;
      const result = await api.documents.sign(
        identity.kind === 'vault'
          ? { file: file.ref.id, vaultIdentity: identity.id, party: slot }
          : { file: file.ref.id, identity: identity.ref.id, passphrase, party: slot },
      );
      setSigned(result);
      setPassphrase('');
      setParty(null);
      agreement.useFile({ ref: result.file, origin: 'signed' });
      onSigned();
    });

  if (options.length === 0) {
    return (
      <div className="agreement-form">
        <p className="muted">{vault.data ? t('slaAgreement.sign.noIdentity') : t('slaAgreement.common.loading')}</p>
        <div>
          <Button icon="plus" onClick={() => agreement.go('identities')}>
            {t('slaAgreement.sign.toIdentities')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form
      className="agreement-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) sign();
      }}
      data-testid="sign-form"
    >
      <label className="field-control">
        <span className="field-label">{t('slaAgreement.sign.identity')}</span>
        <select
          className="select select-fluid"
          value={identity ? optionKey(identity) : ''}
          // Names and roles are the signers' own, of any length: whole here when the select cuts them.
          title={identity ? identityLabel(identity.info) : undefined}
          onChange={(e) => setChosenKey(e.target.value)}
          data-testid="sign-identity"
        >
          {options.map((o) => (
            <option key={optionKey(o)} value={optionKey(o)}>
              {identityLabel(o.info)}
            </option>
          ))}
        </select>
      </label>
      {identity ? <p className="field-hint identity-where">{where(identity)}</p> : null}
      {identity?.kind === 'file' ? (
        <label className="field-control">
          <span className="field-label">{t('slaAgreement.sign.passphrase', { file: identity.ref.name })}</span>
          <input
            className="input"
            type="password"
            autoComplete="off"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            data-testid="sign-passphrase"
          />
        </label>
      ) : (
        <p className="field-hint">
          <Icon name="lock" size={14} /> {t('slaAgreement.sign.vaultUnlock')}
        </p>
      )}
      <div className="field">
        <span className="field-label">{t('slaAgreement.sign.as')}</span>
        <Choice
          label={t('slaAgreement.sign.as')}
          value={slot ?? 'marketing'}
          options={PARTY_ROLES.map((p) => ({
            value: p,
            label: taken.has(p)
              ? t('slaAgreement.sign.partySigned', { party: t(`slaAgreement.document.party.${p}`) })
              : t(`slaAgreement.document.party.${p}`),
            disabled: taken.has(p),
          }))}
          onChange={setParty}
        />
      </div>
      <div className="agreement-inline-form">
        <Button
          type="submit"
          variant="primary"
          icon="lock"
          busy={action.busy}
          disabled={!ready || workspace.readOnly}
          data-testid="sign-submit"
        >
          {slot ? t(`slaAgreement.sign.signAs.${slot}`) : t('slaAgreement.sign.allSigned')}
        </Button>
      </div>
      {workspace.readOnly ? <p className="field-hint">{t('slaAgreement.common.readOnly')}</p> : null}
      {broken ? <p className="field-error">{t('slaAgreement.sign.brokenFile')}</p> : null}
      {report && !report.terms ? <p className="field-error">{t('slaAgreement.sign.notOurs')}</p> : null}
      {action.error ? <ErrorNotice error={action.error} /> : null}
      {signed ? (
        <div className="callout callout-success" role="status" data-testid="sign-result">
          <Icon name="check" className="callout-icon" />
          <div className="callout-content">
            <p>
              {t('slaAgreement.sign.signed', {
                name: signed.signer.name,
                party: t(`slaAgreement.document.party.${signed.party}`),
                count: signed.report.signatures.length,
              })}
            </p>
            <div className="callout-actions">
              <Button icon="download" onClick={() => void transport.download(signed.file)} data-testid="sign-download">
                {t('slaAgreement.sign.download')}
              </Button>
              <Button icon="check" onClick={() => agreement.go('verify')}>
                {t('slaAgreement.sign.toVerify')}
              </Button>
            </div>
          </div>
        </div>
      ) : null}
    </form>
  );
}
