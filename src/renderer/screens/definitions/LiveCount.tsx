import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleGroup } from '../../../shared/definitions/model';
import type { RuleCount } from '../../../shared/definitions/types';
import type { ApiErrorPayload } from '../../../shared/errors';
import { errorMessage } from '../../../shared/i18n';
import { useApi, useLocale } from '../../app-context';
import { Spinner } from '../../components/Spinner';
import { formatDateRange, formatInteger, formatPercent } from '../../format';
import { asAppError } from '../../transport/envelope';
import { useWorkspace } from '../../use-workspace';
import { stageName } from './labels';
import { recentWeeks } from './periods';

const DEBOUNCE_MS = 250;
const COHORT_WEEKS = 12;

/**
 * How many leads the rule being built matches, counted in SQL over every lead while the user
 * types (debounced; a newer rule supersedes an answer still on its way).
 */
export function LiveCount({ rule, stage }: { rule: RuleGroup | null; stage: string | null }) {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useLocale();
  const workspace = useWorkspace();
  const [count, setCount] = useState<RuleCount | null>(null);
  const [error, setError] = useState<ApiErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);
  const key = rule ? JSON.stringify(rule) : '';
  const period = recentWeeks(workspace, COHORT_WEEKS);

  useEffect(() => {
    if (!rule) return;
    const mine = ++seq.current;
    setBusy(true);
    const timer = setTimeout(() => {
      api.definitions
        .count({ rule, ...(stage && period ? { cohort: { stage, from: period.from, to: period.to } } : {}) })
        .then((c) => {
          if (mine !== seq.current) return;
          setCount(c);
          setError(null);
        })
        .catch((e: unknown) => {
          if (mine === seq.current) setError(asAppError(e).toPayload());
        })
        .finally(() => {
          if (mine === seq.current) setBusy(false);
        });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // `key` stands for the rule's content: the rule object itself is new on every render.
  }, [api, key, stage, period?.from, period?.to]);

  const share = (n: number, d: number) => (d > 0 ? ` (${formatPercent(locale, n / d)})` : '');
  return (
    <div className="defs-count" aria-live="polite" aria-busy={busy || undefined} data-testid="live-count">
      <div className="defs-count-main">
        {busy ? <Spinner /> : null}
        {count ? (
          <span className={busy ? 'stale' : undefined}>
            {t('definitions.builder.count', {
              matching: formatInteger(locale, count.matching),
              total: formatInteger(locale, count.total),
            })}
            {share(count.matching, count.total)}
          </span>
        ) : !rule ? (
          <span className="muted">{t('definitions.builder.countInvalid')}</span>
        ) : null}
      </div>
      {count?.cohort && period ? (
        <div className="muted">
          {t('definitions.builder.cohortCount', {
            matching: formatInteger(locale, count.cohort.matching),
            total: formatInteger(locale, count.cohort.total),
            stage: stageName(workspace, count.cohort.stage, locale),
            period: formatDateRange(locale, period.fromMs, period.lastMs, workspace.timeZone),
          })}
        </div>
      ) : null}
      {error ? <p className="field-error">{errorMessage(t, error)}</p> : null}
    </div>
  );
}
