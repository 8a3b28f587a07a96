import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useTransport } from '../../../../app-context';
import { useWorkspace } from '../../../../use-workspace';
import { Button } from '../../../../components/Button';
import { ErrorNotice } from '../../../../components/ErrorNotice';
import { Icon } from '../../../../components/Icon';
import type { CreatedIdentity } from '../../../../../shared/documents/types';
import { agreement } from '../store';
import { useAction } from '../use-async';

const MIN_PASSPHRASE = 8;
const YEARS = [1, 2, 3] as const;

/**
 * A new signing identity: a key pair and a self-signed certificate naming the person. In the
 * desktop app the OS key store keeps the key; otherwise it becomes a passphrase-protected PKCS#12
 * file that is downloaded at once, because nothing here keeps a copy.
 */
export function CreateIdentity({ vault, onCreated }: { vault: boolean; onCreated: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const transport = useTransport();
  const workspace = useWorkspace();
  const [person, setPerson] = useState({ name: '', role: '', company: workspace.name, email: '' });
  const [years, setYears] = useState<(typeof YEARS)[number]>(3);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [created, setCreated] = useState<CreatedIdentity | null>(null);
  const action = useAction();
  const short = !vault && passphrase.length > 0 && [...passphrase].length < MIN_PASSPHRASE;
  const mismatch = !vault && repeat.length > 0 && repeat !== passphrase;
  const complete =
    person.name.trim() !== '' &&
    person.role.trim() !== '' &&
    /^[^\s@]+@[^\s@]+$/.test(person.email.trim()) &&
    (vault || ([...passphrase].length >= MIN_PASSPHRASE && repeat === passphrase));

  const submit = () =>
    void action.run(async () => {
      const input = { ...person, days: years * 365 };
      if (vault) {
        await api.documents.createVaultIdentity(input);
      } else {
        const made = await api.documents.createIdentity({ ...input, passphrase });
        agreement.addIdentity({ ref: made.file, info: made.identity, origin: 'created' });
        setCreated(made);
        await transport.download(made.file);
      }
      setPerson({ name: '', role: '', company: person.company, email: '' });
      setPassphrase('');
      setRepeat('');
      onCreated();
    });

  const field = (key: keyof typeof person, label: string, type = 'text') => (
    <label className="field-control">
      <span className="field-label">{label}</span>
      <input
        className="input"
        type={type}
        value={person[key]}
        onChange={(e) => setPerson({ ...person, [key]: e.target.value })}
        maxLength={key === 'email' ? 254 : 120}
        data-testid={`identity-${key}`}
      />
    </label>
  );

  return (
    <form
      className="agreement-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (complete) submit();
      }}
      data-testid="identity-create"
    >
      <div className="agreement-grid agreement-grid-2">
        {field('name', t('slaAgreement.identities.name'))}
        {field('role', t('slaAgreement.identities.role'))}
        {field('company', t('slaAgreement.identities.company'))}
        {field('email', t('slaAgreement.identities.email'), 'email')}
      </div>
      <label className="field-control">
        <span className="field-label">{t('slaAgreement.identities.validity')}</span>
        <select
          className="select"
          value={years}
          onChange={(e) => setYears(YEARS.find((y) => String(y) === e.target.value) ?? 3)}
        >
          {YEARS.map((y) => (
            <option key={y} value={y}>
              {t('slaAgreement.identities.years', { count: y })}
            </option>
          ))}
        </select>
      </label>
      {vault ? (
        <p className="field-hint">{t('slaAgreement.identities.vaultKeeps')}</p>
      ) : (
        <div className="agreement-grid agreement-grid-2">
          <div className="field">
            <label className="field-control">
              <span className="field-label">{t('slaAgreement.identities.passphrase')}</span>
              <input
                className="input"
                type="password"
                autoComplete="new-password"
                value={passphrase}
                onChange={(e) => setPassphrase(e.target.value)}
                aria-invalid={short}
                data-testid="identity-passphrase"
              />
            </label>
            <span className={short ? 'field-error' : 'field-hint'}>
              {t('slaAgreement.identities.passphraseRule', { min: MIN_PASSPHRASE })}
            </span>
          </div>
          <div className="field">
            <label className="field-control">
              <span className="field-label">{t('slaAgreement.identities.repeat')}</span>
              <input
                className="input"
                type="password"
                autoComplete="new-password"
                value={repeat}
                onChange={(e) => setRepeat(e.target.value)}
                aria-invalid={mismatch}
                data-testid="identity-repeat"
              />
            </label>
            {mismatch ? <span className="field-error">{t('slaAgreement.identities.mismatch')}</span> : null}
          </div>
        </div>
      )}
      <div className="agreement-inline-form">
        <Button
          type="submit"
          variant="primary"
          icon="plus"
          busy={action.busy}
          disabled={!complete}
          data-testid="identity-create-submit"
        >
          {t('slaAgreement.identities.create')}
        </Button>
      </div>
      {action.error ? <ErrorNotice error={action.error} /> : null}
      {created ? (
        <div className="callout callout-success" role="status" data-testid="identity-created">
          <Icon name="check" className="callout-icon" />
          <div className="callout-content">
            <p>{t('slaAgreement.identities.createdFile', { name: created.identity.name, file: created.file.name })}</p>
            <div className="callout-actions">
              <Button size="sm" icon="download" onClick={() => void transport.download(created.file)}>
                {t('slaAgreement.identities.downloadAgain')}
              </Button>
            </div>
          </div>
        </div>
      ) : null}
    </form>
  );
}
