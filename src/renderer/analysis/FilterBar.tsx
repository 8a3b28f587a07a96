import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Facet } from '../../shared/leads/types';
import { FILTER_FIELDS, type Filters } from '../../shared/metrics/types';
import { useLocale } from '../app-context';
import { Icon } from '../components/Icon';
import { formatInteger } from '../format';
import { Popover } from './Popover';
import { filterCount, filterValues } from './scope';
import { useCustomFields, useFacets } from './use-workspace-data';

/** The name of a filter field: a native field's translated name, or the custom field's own name. */
export function useFieldName(): (field: string) => string {
  const { t } = useTranslation();
  return (field) => (field.startsWith('custom.') ? field.slice('custom.'.length) : t(`analysis.fields.${field}`));
}

export /** "Segment: SMB, Enterprise" for each filtered field, so the list says which leads it is about. */
function filterSummary(filters: Filters, fieldName: (field: string) => string): string[] {
  return [
    ...FILTER_FIELDS.filter((f) => (filters[f]?.length ?? 0) > 0).map(
      (f) => `${fieldName(f)}: ${(filters[f] ?? []).join(', ')}`,
    ),
    ...Object.entries(filters.custom ?? {}).map(([name, values]) => `${name}: ${values.join(', ')}`),
  ];
}

/** The values of one field with their counts, to tick; a search box narrows long lists. */
function ValueList({
  field,
  facet,
  selected,
  onChange,
}: {
  field: string;
  facet: Facet | undefined;
  selected: readonly string[];
  onChange: (values: string[]) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const fieldName = useFieldName();
  const [query, setQuery] = useState('');
  const values = useMemo(() => {
    const known = facet?.values ?? [];
    const extra = selected.filter((v) => !known.some((k) => k.value === v)).map((value) => ({ value, count: null }));
    const all: Array<{ value: string; count: number | null }> = [...extra, ...known];
    const q = query.trim().toLocaleLowerCase(locale);
    return q ? all.filter((v) => v.value.toLocaleLowerCase(locale).includes(q)) : all;
  }, [facet, selected, query, locale]);
  const toggle = (value: string) =>
    onChange(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value]);
  return (
    <div className="value-list">
      <input
        className="input input-sm"
        type="search"
        placeholder={t('analysis.filters.search')}
        aria-label={t('analysis.filters.searchIn', { field: fieldName(field) })}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {facet === undefined ? <p className="muted small">{t('common.loading')}</p> : null}
      {facet !== undefined && values.length === 0 ? (
        <p className="muted small">{t('analysis.filters.noValues')}</p>
      ) : null}
      <ul className="value-options" aria-label={fieldName(field)}>
        {values.map((v) => (
          <li key={v.value}>
            <label className="checkbox value-option">
              <input type="checkbox" checked={selected.includes(v.value)} onChange={() => toggle(v.value)} />
              <span className="value-name">{v.value}</span>
              {v.count !== null ? <span className="value-count">{formatInteger(locale, v.count)}</span> : null}
            </label>
          </li>
        ))}
      </ul>
      {facet && facet.distinct > facet.values.length ? (
        <p className="muted small">
          {t('analysis.filters.moreValues', {
            shown: formatInteger(locale, facet.values.length),
            total: formatInteger(locale, facet.distinct),
          })}
        </p>
      ) : null}
      {selected.length > 0 ? (
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => onChange([])}>
          {t('analysis.filters.clearField')}
        </button>
      ) : null}
    </div>
  );
}

/** A field's values, asked for when its list opens (a million leads take a moment to count). */
function FieldValues(props: { field: string; selected: readonly string[]; onChange: (values: string[]) => void }) {
  const facets = useFacets([props.field]);
  return (
    <ValueList
      field={props.field}
      facet={facets.data?.get(props.field)}
      selected={props.selected}
      onChange={props.onChange}
    />
  );
}

function FieldButton({
  field,
  filters,
  onChange,
}: {
  field: string;
  filters: Filters;
  onChange: (field: string, values: string[]) => void;
}) {
  const fieldName = useFieldName();
  const selected = filterValues(filters, field);
  return (
    <Popover
      label={fieldName(field)}
      triggerClassName={selected.length > 0 ? 'btn btn-sm filter-button active' : 'btn btn-sm filter-button'}
      trigger={
        <>
          <span>{fieldName(field)}</span>
          {selected.length > 0 ? <span className="filter-count">{selected.length}</span> : null}
          <Icon name="chevronDown" size={14} />
        </>
      }
    >
      {() => <FieldValues field={field} selected={selected} onChange={(values) => onChange(field, values)} />}
    </Popover>
  );
}

/** Custom CRM fields live behind one button: pick a field, then its values. */
function CustomFields({
  names,
  filters,
  onChange,
}: {
  names: readonly string[];
  filters: Filters;
  onChange: (field: string, values: string[]) => void;
}) {
  const { t } = useTranslation();
  const [field, setField] = useState<string | null>(null);
  const facets = useFacets(field ? [field] : []);
  const active = Object.values(filters.custom ?? {}).reduce((n, v) => n + v.length, 0);
  return (
    <Popover
      label={t('analysis.filters.customFields')}
      triggerClassName={active > 0 ? 'btn btn-sm filter-button active' : 'btn btn-sm filter-button'}
      trigger={
        <>
          <span>{t('analysis.filters.customFields')}</span>
          {active > 0 ? <span className="filter-count">{active}</span> : null}
          <Icon name="chevronDown" size={14} />
        </>
      }
    >
      {() =>
        field === null ? (
          <ul className="value-options" aria-label={t('analysis.filters.customFields')}>
            {names.map((name) => (
              <li key={name}>
                <button type="button" className="menu-item" onClick={() => setField(`custom.${name}`)}>
                  <span className="menu-item-text">{name}</span>
                  {filters.custom?.[name]?.length ? (
                    <span className="filter-count">{filters.custom[name].length}</span>
                  ) : null}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <div className="value-list">
            <button type="button" className="btn btn-ghost btn-sm back-button" onClick={() => setField(null)}>
              <Icon name="chevronDown" size={14} className="rotate-90" />
              {t('analysis.filters.allCustomFields')}
            </button>
            <ValueList
              field={field}
              facet={facets.data?.get(field)}
              selected={filterValues(filters, field)}
              onChange={(values) => onChange(field, values)}
            />
          </div>
        )
      }
    </Popover>
  );
}

/** Lead filters shared by every analysis screen and the explorer: one button per field, values from the data. */
export function FilterBar({
  filters,
  onChange,
  onClear,
}: {
  filters: Filters;
  onChange: (field: string, values: string[]) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const fieldName = useFieldName();
  const custom = useCustomFields();
  const count = filterCount(filters);
  const chips: Array<{ field: string; values: readonly string[] }> = [
    ...FILTER_FIELDS.map((field) => ({ field, values: filters[field] ?? [] })),
    ...Object.entries(filters.custom ?? {}).map(([name, values]) => ({ field: `custom.${name}`, values })),
  ].filter((c) => c.values.length > 0);
  return (
    <div className="filter-bar" role="group" aria-label={t('analysis.filters.label')}>
      <div className="filter-buttons">
        <Icon name="funnel" size={16} className="filter-icon" />
        {FILTER_FIELDS.map((field) => (
          <FieldButton key={field} field={field} filters={filters} onChange={onChange} />
        ))}
        {custom.data && custom.data.length > 0 ? (
          <CustomFields names={custom.data} filters={filters} onChange={onChange} />
        ) : null}
        {count > 0 ? (
          <button type="button" className="btn btn-ghost btn-sm" onClick={onClear}>
            {t('analysis.filters.clear', { n: count })}
          </button>
        ) : null}
      </div>
      {chips.length > 0 ? (
        <ul className="filter-chips" aria-label={t('analysis.filters.active')}>
          {chips.map((chip) => (
            <li key={chip.field} className="filter-chip">
              <span className="filter-chip-text">
                <span className="filter-chip-field">{fieldName(chip.field)}:</span> {chip.values.join(', ')}
              </span>
              <button
                type="button"
                className="chip-remove"
                onClick={() => onChange(chip.field, [])}
                aria-label={t('analysis.filters.remove', { field: fieldName(chip.field) })}
                title={t('analysis.filters.remove', { field: fieldName(chip.field) })}
              >
                <Icon name="x" size={14} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
