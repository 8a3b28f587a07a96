import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RevisionStatus } from '../../../shared/definitions/model';
import type { Proportion } from '../../../shared/metrics/stats';
import type { Locale, WorkspaceInfo } from '../../../shared/domain/types';
import { localized } from '../../../shared/i18n';
import { customName } from '../../../shared/definitions/fields';
import { formatPercent } from '../../format';

export function stageName(workspace: WorkspaceInfo, key: string, locale: Locale): string {
  const stage = workspace.stages.find((s) => s.key === key);
  return stage ? localized(stage.labels, locale) : key;
}

export function StatusPill({ status }: { status: RevisionStatus }) {
  const { t } = useTranslation();
  return <span className={`defs-pill defs-pill-${status}`}>{t(`definitions.status.${status}`)}</span>;
}

export function fieldLabel(t: TFunction, field: string): string {
  const name = customName(field);
  if (name !== null) return t('definitions.fields.customNamed', { name });
  return t(`definitions.fields.${field}`, { defaultValue: field });
}

/** "34.5% (95% CI 28.1–41.3%)", or a dash when there is nothing to divide. */
export function RateWithInterval({ p, locale }: { p: Proportion; locale: Locale }) {
  const { t } = useTranslation();
  if (p.rate === null) return <span className="muted">{t('common.unknown')}</span>;
  return (
    <span className="defs-rate">
      <strong>{formatPercent(locale, p.rate)}</strong>{' '}
      <span className="defs-ci">
        {t('definitions.figures.ci', {
          low: formatPercent(locale, p.ci_low ?? 0),
          high: formatPercent(locale, p.ci_high ?? 0),
        })}
      </span>
      {p.small ? <span className="defs-small">{t('definitions.figures.small')}</span> : null}
    </span>
  );
}
