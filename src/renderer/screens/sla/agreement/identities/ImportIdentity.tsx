import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../../app-context';
import { Button } from '../../../../components/Button';
import { ErrorNotice } from '../../../../components/ErrorNotice';
import { FileDrop } from '../../../../components/FileDrop';
import type { FileRef } from '../../../../../shared/domain/types';
import type { ApiErrorPayload } from '../../../../../shared/errors';
import { agreement } from '../store';
import { useAction } from '../use-async';

/**
 * An organisation's PKCS#12 (or one made here earlier): opened with its passphrase. The desktop
 * app moves the key into the OS key store; elsewhere the file itself is used when signing.
 */
export function ImportIdentity({ vault, onImported }: { vault: boolean; onImported: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [file, setFile] = useState<FileRef | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [dropError, setDropError] = useState<ApiErrorPayload | null>(null);
  const action = useAction();

  const submit = () =>
    void action.run(async () => {
      if (!file) return;
      if (vault) {
        await api.documents.importVaultIdentity({ identity: file.id, passphrase });
      } else {
        const info = await api.documents.inspectIdentity({ identity: file.id, passphrase });
        agreement.addIdentity({ ref: file, info, origin: 'opened' });
      }
      setFile(null);
      setPassphrase('');
      onImported();
    });

  return (
    <form
      className="agreement-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (file && passphrase) submit();
      }}
      data-testid="identity-import"
    >
      <FileDrop
        extensions={['p12', 'pfx']}
        prompt={file ? file.name : t('slaAgreement.identities.dropP12')}
        chooseLabel={t('slaAgreement.identities.chooseP12')}
        dialogTitle={t('slaAgreement.identities.chooseP12')}
        hint={t('slaAgreement.identities.importHint')}
        compact
        onFile={(ref) => {
          setDropError(null);
          setFile(ref);
        }}
        onError={setDropError}
        testId="identity-import-drop"
      />
      {dropError ? <ErrorNotice error={dropError} /> : null}
      <label className="field-control">
        <span className="field-label">{t('slaAgreement.identities.filePassphrase')}</span>
        <input
          className="input"
          type="password"
          autoComplete="off"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          data-testid="identity-import-passphrase"
        />
      </label>
      <div className="agreement-inline-form">
        <Button
          type="submit"
          variant="primary"
          icon="lock"
          busy={action.busy}
          disabled={!file || passphrase === ''}
          data-testid="identity-import-submit"
        >
          {vault ? t('slaAgreement.identities.importToVault') : t('slaAgreement.identities.open')}
        </Button>
      </div>
      {action.error ? <ErrorNotice error={action.error} /> : null}
    </form>
  );
}
