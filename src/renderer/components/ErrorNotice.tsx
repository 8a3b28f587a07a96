import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, issueMessage } from '../../shared/i18n';
import type { ApiErrorPayload } from '../../shared/errors';
import { Icon } from './Icon';

/** An API failure in the user's language: the message, the validation issues, and what can be done. */
export function ErrorNotice({ error, children }: { error: ApiErrorPayload; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="callout callout-error" role="alert">
      <Icon name="alert" className="callout-icon" />
      <div className="callout-content">
        <p>{errorMessage(t, error)}</p>
        {error.issues && error.issues.length > 0 ? (
          <ul className="issues">
            {error.issues.map((issue) => (
              <li key={`${issue.path}|${issue.code}`}>{issueMessage(t, { ...issue, params: { ...issue.params } })}</li>
            ))}
          </ul>
        ) : null}
        {children ? <div className="callout-actions">{children}</div> : null}
      </div>
    </div>
  );
}
