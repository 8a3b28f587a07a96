import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../app-context';
import { Button } from '../../../components/Button';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Icon } from '../../../components/Icon';
import { ProgressBar } from '../../../components/ProgressBar';
import { Spinner } from '../../../components/Spinner';
import { formatBytes, formatInteger } from '../../../format';
import { formatMonth, formatSpend } from './spend-format';
import { spendGrids, type SpendGrid } from './spend-table';
import type { SpendImport } from './use-spend-import';

const EXAMPLE = 'channel,month,amount,currency\npaid_search,2024-03,12500.00,EUR\nsocial,2024-03,4200,EUR';

function Grid({ grid }: { grid: SpendGrid }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (v: number) => formatSpend(locale, v, grid.currency);
  return (
    <div
      className="table-scroll"
      role="region"
      aria-label={t('importScreen.spend.gridLabel', { currency: grid.currency })}
      tabIndex={0}
    >
      <table className="table table-compact spend-table">
        <caption className="spend-caption">
          {t('importScreen.spend.gridCaption', { currency: grid.currency, total: money(grid.total) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('importScreen.spend.month')}</th>
            {grid.channels.map((c) => (
              <th key={c} scope="col" className="num">
                {c}
              </th>
            ))}
            <th scope="col" className="num">
              {t('importScreen.spend.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {grid.months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{formatMonth(locale, m.month)}</th>
              {m.amounts.map((a, i) => (
                <td key={grid.channels[i]} className="num">
                  {a === null ? <span className="muted">—</span> : money(a)}
                </td>
              ))}
              <td className="num strong">{money(m.total)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('importScreen.spend.total')}</th>
            {grid.channelTotals.map((v, i) => (
              <td key={grid.channels[i]} className="num strong">
                {money(v)}
              </td>
            ))}
            <td className="num strong">{money(grid.total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Marketing spend by channel and month: the CSV it takes, the upload, and what is stored. */
export function SpendPanel({
  spend,
  onChoose,
  readOnly,
}: {
  spend: SpendImport;
  onChoose: () => void;
  readOnly: string | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const grids = spendGrids(spend.stored ?? []);
  const r = spend.result;
  return (
    <section className="card panel" aria-labelledby="import-spend">
      <header className="panel-header">
        <h2 id="import-spend">{t('importScreen.spend.title')}</h2>
        <p className="muted">{t('importScreen.spend.description')}</p>
      </header>
      <div className="spend-intro">
        <div className="spend-format">
          <h3 className="subheading">{t('importScreen.spend.formatTitle')}</h3>
          <ul className="spend-columns">
            {(['channel', 'month', 'amount', 'currency'] as const).map((c) => (
              <li key={c}>
                <code>{c}</code> {t(`importScreen.spend.column.${c}`)}
              </li>
            ))}
          </ul>
          <pre className="spend-example" aria-label={t('importScreen.spend.example')}>
            {EXAMPLE}
          </pre>
        </div>
        <div className="dropzone dropzone-compact">
          <Icon name="imports" size={24} className="dropzone-icon" />
          <div className="dropzone-text">
            <p className="dropzone-title">{t('importScreen.spend.drop')}</p>
            <p className="muted">{readOnly ?? t('importScreen.spend.replaces')}</p>
          </div>
          <Button
            variant="primary"
            icon="folderOpen"
            disabled={readOnly !== null}
            busy={spend.phase !== 'idle'}
            onClick={onChoose}
          >
            {t('importScreen.spend.choose')}
          </Button>
        </div>
      </div>
      {spend.phase === 'sending' ? (
        <div className="upload-total">
          <span className="muted">
            {t('importScreen.files.sent', {
              sent: formatBytes(locale, spend.sent),
              total: formatBytes(locale, spend.size),
            })}
          </span>
          <ProgressBar
            share={spend.size > 0 ? spend.sent / spend.size : 0}
            label={t('importScreen.files.sending', { name: spend.fileName ?? '' })}
          />
        </div>
      ) : null}
      {spend.phase === 'importing' ? (
        <Spinner label={t('importScreen.spend.importing', { name: spend.fileName ?? '' })} />
      ) : null}
      {spend.error ? <ErrorNotice error={spend.error} /> : null}
      {r ? (
        <p className="check-summary success-text" role="status">
          <Icon name="check" />
          {t('importScreen.spend.done', {
            name: spend.fileName ?? '',
            rows: formatInteger(locale, r.rows),
            count: r.rows,
            inserted: formatInteger(locale, r.inserted),
            replaced: formatInteger(locale, r.replaced),
            months: formatInteger(locale, r.months),
            channels: formatInteger(locale, r.channels),
          })}
        </p>
      ) : null}
      <h3 className="subheading">{t('importScreen.spend.stored')}</h3>
      {spend.stored === null && !spend.error ? <Spinner label={t('common.loading')} /> : null}
      {spend.stored !== null && grids.length === 0 ? <p className="muted">{t('importScreen.spend.none')}</p> : null}
      {grids.map((g) => (
        <Grid key={g.currency} grid={g} />
      ))}
    </section>
  );
}
