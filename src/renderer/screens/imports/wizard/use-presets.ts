import { useCallback, useEffect, useState } from 'react';
import type { ReasonRef } from '../../../../shared/imports/reasons';
import type { PresetInfo } from '../../../../shared/imports/types';
import { useApi, useApp } from '../../../app-context';
import { asAppError } from '../../../transport/envelope';

/** Built-in and saved presets; `reload` after saving one. A failure is a notice: the wizard still works without them. */
export function usePresets(): { readonly presets: readonly PresetInfo[]; reload(): void } {
  const api = useApi();
  const model = useApp();
  const [presets, setPresets] = useState<readonly PresetInfo[]>([]);
  const reload = useCallback(() => {
    api.imports
      .presets({})
      .then(setPresets, (e: unknown) => model.ui.getState().notifyError(asAppError(e).toPayload()));
  }, [api, model]);
  useEffect(reload, [reload]);
  return { presets, reload };
}

/** The workspace's reason taxonomy, sorted by kind and code, for mapping free-text reasons. */
export function useReasons(): readonly ReasonRef[] {
  const api = useApi();
  const model = useApp();
  const [reasons, setReasons] = useState<readonly ReasonRef[]>([]);
  useEffect(() => {
    let live = true;
    api.imports.reasons({}).then(
      (list) => {
        if (live) setReasons([...list].sort((a, b) => a.kind.localeCompare(b.kind) || a.code.localeCompare(b.code)));
      },
      (e: unknown) => model.ui.getState().notifyError(asAppError(e).toPayload()),
    );
    return () => {
      live = false;
    };
  }, [api, model]);
  return reasons;
}
