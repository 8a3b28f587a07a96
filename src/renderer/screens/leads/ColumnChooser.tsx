import { useTranslation } from 'react-i18next';
import type { ColumnId } from '../../../shared/leads/columns';
import { Icon } from '../../components/Icon';
import { Popover } from '../../analysis/Popover';
import { DEFAULT_COLUMNS } from '../../../shared/leads/columns';

/** Ticks the columns to show; the lead id always stays. */
export function ColumnChooser({
  all,
  chosen,
  header,
  onToggle,
  onReset,
}: {
  all: readonly ColumnId[];
  chosen: readonly ColumnId[];
  header: (c: ColumnId) => string;
  onToggle: (c: ColumnId) => void;
  onReset: (columns: ColumnId[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <Popover
      label={t('leads.columnsChooser.label')}
      align="end"
      triggerClassName="btn btn-secondary btn-md"
      trigger={
        <>
          <Icon name="settings" size={16} />
          {t('leads.columnsChooser.button', { n: chosen.length })}
        </>
      }
    >
      {() => (
        <div className="value-list">
          <ul className="value-options" aria-label={t('leads.columnsChooser.label')}>
            {all.map((c) => (
              <li key={c}>
                <label className="checkbox value-option">
                  <input
                    type="checkbox"
                    checked={chosen.includes(c)}
                    disabled={c === 'external_id'}
                    onChange={() => onToggle(c)}
                  />
                  <span className="value-name">{header(c)}</span>
                </label>
              </li>
            ))}
          </ul>
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => onReset([...DEFAULT_COLUMNS])}>
            {t('leads.columnsChooser.reset')}
          </button>
        </div>
      )}
    </Popover>
  );
}
