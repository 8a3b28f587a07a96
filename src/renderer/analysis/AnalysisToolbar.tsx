import { useTranslation } from 'react-i18next';
import { PeriodPicker } from './PeriodPicker';
import { FilterBar } from './FilterBar';
import { COMPARE_MODES } from './scope';
import { useScope } from './use-scope';

/** Period, comparison and filters of the analysis screens, bound to the shared scope (and the address). */
export function AnalysisToolbar() {
  const { t } = useTranslation();
  const scope = useScope();
  return (
    <section className="analysis-toolbar card" aria-label={t('analysis.toolbar')}>
      <div className="toolbar-row">
        <PeriodPicker period={scope.period} onChange={scope.setPeriod} />
        <div className="compare-toggle" role="radiogroup" aria-label={t('analysis.compare.label')}>
          <span className="compare-label">{t('analysis.compare.label')}</span>
          <div className="segmented segmented-text">
            {COMPARE_MODES.map((mode) => (
              <button
                key={mode}
                type="button"
                role="radio"
                aria-checked={scope.compare === mode}
                className={scope.compare === mode ? 'segment active' : 'segment'}
                onClick={() => scope.setCompare(mode)}
              >
                {t(`analysis.compare.${mode}`)}
              </button>
            ))}
          </div>
        </div>
      </div>
      <FilterBar filters={scope.filters} onChange={scope.setFilter} onClear={() => scope.setFilters({})} />
    </section>
  );
}
