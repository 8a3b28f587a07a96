import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../../components/ErrorNotice';
import { Icon } from '../../../../components/Icon';
import { Spinner } from '../../../../components/Spinner';
import { Choice } from '../Choice';
import { CreateIdentity } from './CreateIdentity';
import { IdentityCard } from './IdentityCard';
import { ImportIdentity } from './ImportIdentity';
import { optionKey, useIdentities, type IdentityOption } from './use-identities';

/** Where an identity is kept, in words. */
export function useWhere(): (o: IdentityOption) => string {
  const { t } = useTranslation();
  return (o) =>
    o.kind === 'vault'
      ? t('slaAgreement.identities.inVault')
      : t(`slaAgreement.identities.inFile.${o.origin}`, { file: o.ref.name });
}

/**
 * Step 3: each leader's signing identity. The desktop app lists those its OS key store keeps;
 * browser mode keeps none, so the identity is a file the person keeps and opens when signing.
 */
export function IdentitiesStep() {
  const { t } = useTranslation();
  const [generation, setGeneration] = useState(0);
  const { vault, vaultUsable, options } = useIdentities(generation);
  const [mode, setMode] = useState<'create' | 'import'>('create');
  const where = useWhere();
  const changed = () => setGeneration((g) => g + 1);
  if (!vault.data && !vault.error) {
    return (
      <div className="agreement-loading" role="status">
        <Spinner />
      </div>
    );
  }
  const reason = vault.data?.kind === 'safeStorage' && vault.data.reason ? t(`errors.${vault.data.reason}`) : null;
  return (
    <div className="agreement-columns">
      <section className="card panel" aria-labelledby="identities-list-title">
        <div className="agreement-card-head">
          <h2 id="identities-list-title" className="agreement-title">
            {vaultUsable ? t('slaAgreement.identities.onMachine') : t('slaAgreement.identities.inSession')}
          </h2>
          <p className="agreement-lead">
            {vaultUsable ? t('slaAgreement.identities.vaultIntro') : t('slaAgreement.identities.filesIntro')}
          </p>
        </div>
        {reason ? (
          <div className="callout callout-info">
            <Icon name="info" className="callout-icon" />
            <div className="callout-content">
              <p>{reason}</p>
            </div>
          </div>
        ) : null}
        {vault.error ? <ErrorNotice error={vault.error} /> : null}
        {options.length === 0 ? (
          <p className="muted">{t('slaAgreement.identities.none')}</p>
        ) : (
          <div className="identity-list" data-testid="identity-list">
            {options.map((o) => (
              <IdentityCard key={optionKey(o)} info={o.info} where={where(o)} />
            ))}
          </div>
        )}
      </section>
      <section className="card panel" aria-labelledby="identities-new-title">
        <div className="agreement-card-head">
          <h2 id="identities-new-title" className="agreement-title">
            {t('slaAgreement.identities.addTitle')}
          </h2>
          <Choice
            label={t('slaAgreement.identities.addTitle')}
            value={mode}
            options={[
              { value: 'create', label: t('slaAgreement.identities.createTab') },
              { value: 'import', label: t('slaAgreement.identities.importTab') },
            ]}
            onChange={setMode}
          />
        </div>
        {mode === 'create' ? (
          <CreateIdentity vault={vaultUsable} onCreated={changed} />
        ) : (
          <ImportIdentity vault={vaultUsable} onImported={changed} />
        )}
      </section>
    </div>
  );
}
