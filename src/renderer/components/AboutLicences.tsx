import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AboutInfo } from '../../shared/app/contract';
import type { ApiErrorPayload } from '../../shared/errors';
import { useApi } from '../app-context';
import { asAppError } from '../transport/envelope';
import { ErrorNotice } from './ErrorNotice';
import { Spinner } from './Spinner';

/** The open-source packages the app ships and their licences (from `app.about`), folded by default. */
export function AboutLicences() {
  const { t } = useTranslation();
  const api = useApi();
  const [about, setAbout] = useState<AboutInfo | null>(null);
  const [error, setError] = useState<ApiErrorPayload | null>(null);

  useEffect(() => {
    let live = true;
    api.app.about({}).then(
      (info) => live && setAbout(info),
      (e: unknown) => live && setError(asAppError(e).toPayload()),
    );
    return () => {
      live = false;
    };
  }, [api]);

  if (error) return <ErrorNotice error={error} />;
  if (!about) return <Spinner label={t('common.loading')} />;
  return (
    <details>
      <summary>{t('about.licences.title', { n: about.licenses.length })}</summary>
      <p className="muted">{t('about.licences.intro')}</p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('about.licences.package')}</th>
            <th scope="col">{t('about.licences.version')}</th>
            <th scope="col">{t('about.licences.licence')}</th>
          </tr>
        </thead>
        <tbody>
          {about.licenses.map((l) => (
            <tr key={`${l.name}@${l.version}`}>
              <td className="break">{l.name}</td>
              <td className="mono">{l.version}</td>
              <td>{l.license ?? t('about.licences.undeclared')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
