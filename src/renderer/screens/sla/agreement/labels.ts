import { useCallback } from 'react';
import { localized } from '../../../../shared/i18n';
import { useLocale } from '../../../app-context';
import { useWorkspace } from '../../../use-workspace';
import { formatDateRange } from '../../../format';

/** A stage's label in the UI language (its key when the workspace has no such stage). */
export function useStageLabel(): (key: string) => string {
  const workspace = useWorkspace();
  const locale = useLocale();
  return useCallback(
    (key: string) => {
      const stage = workspace.stages.find((s) => s.key === key);
      return stage ? localized(stage.labels, locale) : key;
    },
    [workspace.stages, locale],
  );
}

/** Two calendar dates (YYYY-MM-DD) as one range in the UI language: "Jul 1, 2025 – Jun 30, 2026". */
export function dayRange(locale: string, from: string, to: string): string {
  return formatDateRange(locale, Date.parse(`${from}T00:00:00Z`), Date.parse(`${to}T00:00:00Z`), 'UTC');
}
