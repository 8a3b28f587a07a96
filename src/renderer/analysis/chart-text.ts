import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/domain/types';
import { useLocale } from '../app-context';
import type { ChartText } from '../charts/figure-specs';
import { formatDecimal, formatInteger, formatPercent } from '../format';
import { stageLabel, type StageInfo } from './figures';

export function chartText(t: ChartText['t'], locale: Locale, stages: readonly StageInfo[]): ChartText {
  return {
    stage: (key) => stageLabel(stages, key, locale),
    // One decimal under 10% (3.6%), whole percents above; 0.1 from float arithmetic is still 10%.
    percent: (share) => formatPercent(locale, share, share !== 0 && Math.abs(share) < 0.0995 ? 1 : 0),
    count: (n) => formatInteger(locale, n),
    days: (d) => formatDecimal(locale, d, 1),
    t,
  };
}

/** Words and number formats for chart specs, in the current language. */
export function useChartText(stages: readonly StageInfo[]): ChartText {
  const { t } = useTranslation();
  const locale = useLocale();
  return useMemo(() => chartText((key, params) => t(key, params ?? {}), locale, stages), [t, locale, stages]);
}
