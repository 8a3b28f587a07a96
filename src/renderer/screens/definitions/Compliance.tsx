import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DefinitionDetail } from '../../../shared/definitions/types';
import { ruleText } from '../../../shared/documents/rule-text';
import { useApi, useLocale } from '../../app-context';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Spinner } from '../../components/Spinner';
import { formatDate, formatDateRange, formatDateTime, formatDecimal, formatInteger, formatPercent } from '../../format';
import { useWorkspace } from '../../use-workspace';
import { stageName } from './labels';
import { recentWeeks } from './periods';
import { useResource } from '../../analysis/use-resource';

const WEEK_CHOICES = [4, 8, 12, 26] as const;
const PAGE = 20;

/**
 * Definition compliance ("garbage in"): of the leads handed over in the period, the share that met
 * the criteria in force when each was handed over, which versions judged them, and the leads that
 * did not meet them with the conditions they failed.
 */
export function Compliance({ detail }: { detail: DefinitionDetail }) {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useLocale();
  const workspace = useWorkspace();
  const [weeks, setWeeks] = useState(8);
  const [offset, setOffset] = useState(0);
  const period = recentWeeks(workspace, weeks);
  const key = detail.definition.key;
  const scope = period ? JSON.stringify(['compliance', key, period.from, period.to]) : null;
  const figure = useResource(scope, () => api.definitions.compliance({ from: period!.from, to: period!.to, key }));
  const leads = useResource(scope && `${scope}|${offset}`, () =>
    api.definitions.complianceLeads({
      from: period!.from,
      to: period!.to,
      key,
      side: 'notMet',
      offset,
      limit: PAGE,
    }),
  );
  if (!period) return <p className="defs-empty card">{t('definitions.compliance.noData')}</p>;
  const f = figure.data;
  const stage = stageName(workspace, detail.definition.stageKey ?? '', locale);
  const page = leads.data;

  return (
    <div className="defs-compliance">
      <div className="defs-toolbar">
        <label className="defs-inline-field">
          <span>{t('definitions.compliance.period')}</span>
          <select
            className="select"
            value={weeks}
            onChange={(e) => {
              setWeeks(Number(e.target.value));
              setOffset(0);
            }}
          >
            {WEEK_CHOICES.map((w) => (
              <option key={w} value={w}>
                {t('definitions.impact.lastWeeks', { count: w })}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">{formatDateRange(locale, period.fromMs, period.lastMs, workspace.timeZone)}</span>
      </div>
      {figure.error ? <ErrorNotice error={figure.error} /> : null}
      {figure.loading ? <Spinner label={t('common.loading')} /> : null}
      {f ? (
        <section
          className="card panel defs-compliance-figure defs-result"
          aria-labelledby="defs-compliance-title"
          aria-busy={figure.stale}
        >
          <div>
            <h3 id="defs-compliance-title">{t('definitions.compliance.title')}</h3>
            <p className="muted">{t('definitions.compliance.meaning', { stage })}</p>
          </div>
          <div className="defs-big">
            <span className="defs-big-value" data-testid="compliance-rate">
              {f.rate === null ? '—' : formatPercent(locale, f.rate)}
            </span>
            <div className="defs-big-side">
              <span>
                {t('definitions.compliance.ratio', {
                  met: formatInteger(locale, f.met),
                  judged: formatInteger(locale, f.met + f.notMet),
                })}
              </span>
              {f.rate !== null ? (
                <span className="muted">
                  {t('definitions.figures.ci', {
                    low: formatPercent(locale, f.ci_low ?? 0),
                    high: formatPercent(locale, f.ci_high ?? 0),
                  })}
                </span>
              ) : null}
              {f.small ? <span className="defs-small">{t('definitions.figures.small')}</span> : null}
            </div>
          </div>
          <div>
            <span className="defs-label">{t('definitions.compliance.versions')}</span>
            <ul className="defs-version-list">
              {f.byVersion.map((v) => (
                <li key={v.revisionId ?? 'none'}>
                  {v.version === null
                    ? t('definitions.compliance.unjudged', {
                        count: v.handedOver,
                        n: formatInteger(locale, v.handedOver),
                      })
                    : t('definitions.compliance.byVersion', {
                        version: v.version,
                        date: formatDate(locale, v.effectiveFrom ?? 0, workspace.timeZone),
                        met: formatInteger(locale, v.met),
                        handed: formatInteger(locale, v.handedOver),
                        rate: v.met + v.notMet > 0 ? formatPercent(locale, v.met / (v.met + v.notMet)) : '—',
                      })}
                </li>
              ))}
            </ul>
          </div>
        </section>
      ) : null}
      <section className="card panel" aria-labelledby="defs-garbage">
        <div>
          <h3 id="defs-garbage">{t('definitions.compliance.drill')}</h3>
          <p className="muted">{t('definitions.compliance.drillHint')}</p>
        </div>
        {leads.error ? <ErrorNotice error={leads.error} /> : null}
        {page && page.total === 0 ? <p className="muted">{t('definitions.compliance.allMet')}</p> : null}
        {page && page.total > 0 ? (
          <>
            <div className="defs-table-wrap defs-result" aria-busy={leads.stale}>
              <table className="table defs-drill">
                <thead>
                  <tr>
                    <th scope="col">{t('definitions.compliance.lead')}</th>
                    <th scope="col">{t('definitions.compliance.handedOverAt')}</th>
                    <th scope="col">{t('definitions.fields.owner')}</th>
                    <th scope="col">{t('definitions.fields.segment')}</th>
                    <th scope="col" className="num">
                      {t('definitions.fields.score')}
                    </th>
                    <th scope="col">{t('definitions.compliance.version')}</th>
                    <th scope="col">{t('definitions.compliance.failed')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.leads.map((l) => (
                    <tr key={`${l.id}-${l.enteredAt}`}>
                      <td className="mono nowrap">{l.externalId}</td>
                      <td className="nowrap" title={formatDateTime(locale, l.enteredAt, workspace.timeZone)}>
                        {formatDate(locale, l.enteredAt, workspace.timeZone)}
                      </td>
                      <td>{l.owner ?? '—'}</td>
                      <td className="nowrap">{l.segment ?? '—'}</td>
                      <td className="num">
                        {l.score === null ? '—' : formatDecimal(locale, l.score, l.score % 1 === 0 ? 0 : 1)}
                      </td>
                      <td className="nowrap">{l.version === null ? '—' : `v${l.version}`}</td>
                      <td className="defs-failed">
                        <ul>
                          {l.failed.map((c, i) => (
                            <li key={i}>{ruleText({ type: 'group', combinator: 'and', rules: [c] }, t, locale)}</li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="defs-pager">
              <span className="muted">
                {t('definitions.compliance.page', {
                  from: formatInteger(locale, page.offset + 1),
                  to: formatInteger(locale, page.offset + page.leads.length),
                  total: formatInteger(locale, page.total),
                })}
              </span>
              <Button size="sm" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                {t('definitions.compliance.previous')}
              </Button>
              <Button size="sm" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)}>
                {t('definitions.compliance.next')}
              </Button>
            </div>
          </>
        ) : null}
      </section>
    </div>
  );
}
