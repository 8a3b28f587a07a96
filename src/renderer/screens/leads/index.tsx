import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { customField, type ColumnId } from '../../../shared/leads/columns';
import type { FigureScope, LeadQuery, LeadRow } from '../../../shared/leads/types';
import type { ApiErrorPayload } from '../../../shared/errors';
import { localized } from '../../../shared/i18n';
import { useApi, useLocale } from '../../app-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { SectionEmptyState } from '../../components/SectionEmptyState';
import { formatDate, formatDateTime, formatDecimal, formatInteger, formatMoney } from '../../format';
import { asAppError } from '../../transport/envelope';
import { useWorkspace } from '../../use-workspace';
import { stageColor, categoryColor } from '../../charts/palette';
import { explorerStore } from '../../analysis/explorer-store';
import { FilterBar, filterSummary, useFieldName } from '../../analysis/FilterBar';
import { LeadTimelineView } from '../../analysis/LeadTimeline';
import { usePeriodLabel } from '../../analysis/PeriodPicker';
import { Popover } from '../../analysis/Popover';
import { setFilterValues } from '../../analysis/scope';
import { SideSheet } from '../../analysis/SideSheet';
import { useSourceColors } from '../../analysis/use-colors';
import { useCustomFields, useReasons } from '../../analysis/use-workspace-data';
import { classifyPeriod } from '../../../shared/metrics/period';
import { Icon } from '../../components/Icon';
import { Button } from '../../components/Button';
import { ColumnChooser } from './ColumnChooser';
import { availableColumns, loadColumns, normalize, saveColumns, toggleColumn, isSortable } from './columns';
import { ExportButton } from './ExportButton';
import { VirtualTable } from './VirtualTable';
import '../../analysis/analysis.css';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The banner over a list opened from a figure: which figure, which period, and the way back to all leads. */
function FigureBanner({ title, scope, onClear }: { title: string; scope: FigureScope; onClear: () => void }) {
  const { t } = useTranslation();
  const fieldName = useFieldName();
  const period = usePeriodLabel(classifyPeriod(scope.from, scope.to));
  const filters = filterSummary(scope.filters ?? {}, fieldName);
  return (
    <div className="figure-banner" role="status">
      <Icon name="funnel" size={16} />
      <span>
        {t('leads.figure.showing')} <strong>{title}</strong> · {[period.name, period.range, ...filters].join(' · ')}
      </span>
      <Button size="sm" variant="ghost" icon="x" onClick={onClear}>
        {t('leads.figure.clear')}
      </Button>
    </div>
  );
}

/** Ticks the current stages to list. */
function StageFilter({ selected, onChange }: { selected: readonly string[]; onChange: (stages: string[]) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const workspace = useWorkspace();
  const stages = [...workspace.stages].sort((a, b) => a.position - b.position);
  return (
    <Popover
      label={t('leads.stageFilter')}
      triggerClassName={selected.length > 0 ? 'btn btn-sm filter-button active' : 'btn btn-sm filter-button'}
      trigger={
        <>
          <span>{t('leads.stageFilter')}</span>
          {selected.length > 0 ? <span className="filter-count">{selected.length}</span> : null}
          <Icon name="chevronDown" size={14} />
        </>
      }
    >
      {() => (
        <ul className="value-options" aria-label={t('leads.stageFilter')}>
          {stages.map((s) => (
            <li key={s.key}>
              <label className="checkbox value-option">
                <input
                  type="checkbox"
                  checked={selected.includes(s.key)}
                  onChange={() =>
                    onChange(selected.includes(s.key) ? selected.filter((k) => k !== s.key) : [...selected, s.key])
                  }
                />
                <span className="dot" style={{ background: stageColor(s.key, stages) }} aria-hidden="true" />
                <span className="value-name">{localized(s.labels, locale)}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </Popover>
  );
}

/** The leads explorer: every lead, filtered, sorted and windowed; a row opens the lead's timeline. */
export function LeadsScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const api = useApi();
  const workspace = useWorkspace();
  const state = useStore(explorerStore);
  const custom = useCustomFields();
  const reasons = useReasons();
  const sourceColors = useSourceColors();
  const [columns, setColumns] = useState<ColumnId[]>(() => loadColumns(storage()));
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<ApiErrorPayload | null>(null);
  const [open, setOpen] = useState<LeadRow | null>(null);
  const [search, setSearch] = useState(state.search);

  const all = useMemo(() => availableColumns(custom.data ?? []), [custom.data]);
  const shown = useMemo(() => columns.filter((c) => all.includes(c) || customField(c) !== null), [columns, all]);
  const updateColumns = (next: ColumnId[]) => {
    const clean = normalize(next);
    setColumns(clean);
    saveColumns(storage(), clean);
  };

  const query: LeadQuery = useMemo(
    () => ({
      filters: state.filters,
      ...(state.stages.length > 0 ? { stages: [...state.stages] } : {}),
      ...(state.search ? { search: state.search } : {}),
      ...(state.figure ? { figure: state.figure.scope } : {}),
      sort: state.sort,
    }),
    [state.filters, state.stages, state.search, state.figure, state.sort],
  );
  const queryKey = `${workspace.path}|${workspace.counts.leads}|${JSON.stringify(query)}`;
  const fetchPage = useCallback(
    (offset: number, limit: number) => api.leads.list({ ...query, offset, limit }),
    [api, query],
  );
  const onTotal = useCallback((n: number | null, e: unknown) => {
    setTotal(n);
    setError(e ? asAppError(e).toPayload() : null);
  }, []);

  const stages = workspace.stages;
  const header = (c: ColumnId) => customField(c) ?? t(`leads.columns.${c}`);
  const when = (ms: number | null) => (ms === null ? '' : formatDateTime(locale, ms, workspace.timeZone));
  const cell = (row: LeadRow, c: ColumnId) => {
    const field = customField(c);
    if (field !== null) return row.custom[field] ?? '';
    switch (c) {
      case 'external_id':
        return (
          <button
            type="button"
            className="link-button"
            onClick={(e) => {
              e.stopPropagation();
              setOpen(row);
            }}
          >
            {row.external_id}
          </button>
        );
      case 'created_at':
        return formatDate(locale, row.created_at, workspace.timeZone);
      case 'stage_at':
      case 'assigned_at':
      case 'first_touch_at':
        return when(row[c]);
      case 'stage': {
        if (row.stage === null) return '';
        const s = stages.find((x) => x.key === row.stage);
        return (
          <span className="with-dot">
            <span className="dot" style={{ background: stageColor(row.stage, stages) }} aria-hidden="true" />
            {s ? localized(s.labels, locale) : row.stage}
          </span>
        );
      }
      case 'source':
        return row.source === null ? (
          ''
        ) : (
          <span className="with-dot">
            <span className="dot" style={{ background: categoryColor(sourceColors, row.source) }} aria-hidden="true" />
            {row.source}
          </span>
        );
      case 'score':
        return row.score === null ? '' : formatDecimal(locale, row.score, 0);
      case 'amount':
        return row.amount === null
          ? ''
          : row.currency
            ? formatMoney(locale, row.amount, row.currency)
            : formatDecimal(locale, row.amount, 0);
      case 'reason': {
        const code = row.reason_code;
        const label = code ? reasons.data?.find((r) => r.code === code) : undefined;
        return label ? localized(label.labels, locale) : (code ?? row.reason_text ?? '');
      }
      case 'campaign':
      case 'segment':
      case 'country':
      case 'owner':
      case 'batch':
        return row[c] ?? '';
      default:
        return '';
    }
  };

  if (workspace.counts.leads === 0) {
    return (
      <>
        <PageHeader title={t('nav.leads')} description={t('empty.leads.summary')} />
        <SectionEmptyState section="leads" icon="leads" counts={['leads', 'touches', 'importBatches']} showRange />
      </>
    );
  }

  const exportInput = { ...query, columns: shown };
  return (
    <>
      <PageHeader
        title={t('nav.leads')}
        description={t('leads.description')}
        actions={
          <>
            <ColumnChooser
              all={all}
              chosen={shown}
              header={header}
              onToggle={(c) => updateColumns(toggleColumn(shown, c, all))}
              onReset={updateColumns}
            />
            <ExportButton input={exportInput} disabled={!total} />
          </>
        }
      />
      {state.figure ? (
        <FigureBanner title={state.figure.title} scope={state.figure.scope} onClear={() => state.clearFigure()} />
      ) : null}
      <section className="explorer-toolbar card" aria-label={t('leads.toolbar')}>
        <div className="toolbar-row">
          <form
            className="search-box"
            role="search"
            onSubmit={(e) => {
              e.preventDefault();
              state.setSearch(search.trim());
            }}
          >
            <Icon name="search" size={16} />
            <input
              className="input input-sm"
              type="search"
              value={search}
              placeholder={t('leads.search')}
              aria-label={t('leads.search')}
              onChange={(e) => setSearch(e.target.value)}
              onBlur={() => state.setSearch(search.trim())}
            />
          </form>
          <StageFilter selected={state.stages} onChange={state.setStages} />
          <span className="explorer-count" aria-live="polite">
            {total === null ? t('common.loading') : t('leads.count', { count: total, n: formatInteger(locale, total) })}
          </span>
        </div>
        <FilterBar
          filters={state.filters}
          onChange={(field, values) => state.setFilter(setFilterValues(state.filters, field, values))}
          onClear={() => state.setFilter({})}
        />
      </section>
      {error ? <ErrorNotice error={error} /> : null}
      <VirtualTable
        queryKey={queryKey}
        fetchPage={fetchPage}
        columns={shown}
        header={header}
        cell={cell}
        sort={state.sort}
        onSort={(c) => {
          if (!isSortable(c)) return;
          state.setSort({
            column: c,
            direction: state.sort.column === c && state.sort.direction === 'desc' ? 'asc' : 'desc',
          });
        }}
        onOpen={setOpen}
        onTotal={onTotal}
        label={t('leads.table.label')}
      />
      {open ? (
        <SideSheet title={t('analysis.drill.leadTitle', { lead: open.external_id })} onClose={() => setOpen(null)}>
          <LeadTimelineView leadId={open.id} stages={stages} zone={workspace.timeZone} />
        </SideSheet>
      ) : null}
    </>
  );
}
