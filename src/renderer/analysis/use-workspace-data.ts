import { useApi } from '../app-context';
import { useWorkspace } from '../use-workspace';
import type { Facet, ReasonLabel } from '../../shared/leads/types';
import { useResource, type Resource } from './use-resource';

/** A key that changes when the workspace's leads may have changed (an import, an undo). */
function dataKey(workspace: ReturnType<typeof useWorkspace>): string {
  return `${workspace.path}|${workspace.counts.leads}|${workspace.counts.importBatches}|${workspace.lastEventAt ?? ''}`;
}

/** Values of lead fields with their counts (whole workspace, most frequent first). */
export function useFacets(fields: readonly string[]): Resource<ReadonlyMap<string, Facet>> {
  const api = useApi();
  const workspace = useWorkspace();
  return useResource(fields.length === 0 ? null : `${dataKey(workspace)}|${fields.join(',')}`, async () => {
    const facets = await api.leads.facets({ fields: [...fields] });
    return new Map(facets.map((f) => [f.field, f]));
  });
}

/** Names of the custom fields leads carry. */
export function useCustomFields(): Resource<string[]> {
  const api = useApi();
  const workspace = useWorkspace();
  return useResource(dataKey(workspace), () => api.leads.customFields({}));
}

/** The reason taxonomy with labels (retired codes included: old closings still use them). */
export function useReasons(): Resource<ReasonLabel[]> {
  const api = useApi();
  const workspace = useWorkspace();
  return useResource(dataKey(workspace), () => api.leads.reasons({}));
}
