import { useMemo } from 'react';
import { assignColors } from '../charts/palette';
import { useFacets } from './use-workspace-data';

const SOURCE: readonly string[] = ['source'];

/**
 * Source colours for every screen: the workspace's sources by lead count, whatever the filters,
 * so "LinkedIn" is the same colour in the funnel breakdown, the explorer and next week's meeting.
 */
export function useSourceColors(): ReadonlyMap<string, string> {
  const facets = useFacets(SOURCE);
  return useMemo(() => assignColors(facets.data?.get('source')?.values.map((v) => v.value) ?? []), [facets.data]);
}
