import type { Workspace } from '../workspace/workspace';
import { customField } from '../../shared/leads/columns';
import type { Facet, FacetField } from '../../shared/leads/types';
import { LeadsRepository } from './repository';

/**
 * Value counts change only when leads do, while the filter bar asks for them on every screen:
 * they are kept per connection until the data changes (custom fields cost a scan of every lead).
 */
const caches = new WeakMap<Workspace, { stamp: string; facets: Map<string, Facet> }>();

export function leadFacets(ws: Workspace, fields: readonly FacetField[], limit: number, ownChanges: number): Facet[] {
  const repo = ws.repo(LeadsRepository);
  const stamp = repo.stamp(ownChanges);
  let cache = caches.get(ws);
  if (!cache || cache.stamp !== stamp) {
    cache = { stamp, facets: new Map() };
    caches.set(ws, cache);
  }
  return fields.map((field) => {
    const key = `${field}|${limit}`;
    const hit = cache.facets.get(key);
    if (hit) return hit;
    const custom = customField(field);
    const counted = custom === null ? repo.facet(field, limit) : repo.customFacet(custom, limit);
    const facet: Facet = { field, ...counted };
    cache.facets.set(key, facet);
    return facet;
  });
}
