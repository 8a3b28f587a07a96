import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { DateTime } from 'luxon';
import { localDateOf } from '../../shared/calendar/business-hours';
import type { WorkspaceInfo } from '../../shared/domain/types';
import { useWorkspace } from '../use-workspace';
import { defaultPeriod, type AnalysisScope } from './scope';
import { createScopeStore, mirrorScopeInHash, type ScopeState } from './scope-store';

/** The initial scope of a workspace: the last full week with data, no filters, against the previous period. */
export function initialScope(workspace: WorkspaceInfo, now = Date.now()): AnalysisScope {
  const today = DateTime.fromMillis(now, { zone: workspace.timeZone }).toISODate() ?? localDateOf(now, 'UTC');
  const last = workspace.lastEventAt === null ? null : localDateOf(workspace.lastEventAt, workspace.timeZone);
  return { period: defaultPeriod(today, last), filters: {}, compare: 'previous' };
}

/**
 * One scope for the Funnel, SLA and Win/loss screens, kept while the user moves between them (the
 * shell remounts a screen on every visit), and started afresh for another workspace.
 */
let shared: { readonly path: string; readonly store: StoreApi<ScopeState>; readonly initial: AnalysisScope } | null =
  null;

export function useScopeStore(): StoreApi<ScopeState> {
  const workspace = useWorkspace();
  const entry = useMemo(() => {
    if (shared?.path !== workspace.path) {
      const initial = initialScope(workspace);
      shared = { path: workspace.path, store: createScopeStore(initial), initial };
    }
    return shared;
    // The store belongs to the workspace file, not to its changing counts: keyed by path only.
  }, [workspace.path]);
  useEffect(() => mirrorScopeInHash(entry.store, window, entry.initial), [entry]);
  return entry.store;
}

export function useScope(): ScopeState {
  return useStore(useScopeStore());
}
