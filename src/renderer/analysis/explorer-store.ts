import { createStore } from 'zustand/vanilla';
import type { FigureScope, LeadSort } from '../../shared/leads/types';
import { DEFAULT_SORT } from '../../shared/leads/types';
import type { Filters } from '../../shared/metrics/types';

/** What the Leads explorer lists: its own filters, or the leads behind a figure opened from a drill-down. */
export interface ExplorerState {
  readonly filters: Filters;
  readonly stages: readonly string[];
  readonly search: string;
  readonly sort: LeadSort;
  /** The figure whose leads are listed, with the words that say which. */
  readonly figure: { readonly scope: FigureScope; readonly title: string } | null;
  setFilter(filters: Filters): void;
  setStages(stages: readonly string[]): void;
  setSearch(search: string): void;
  setSort(sort: LeadSort): void;
  /** Lists the leads of a figure (a drill-down's "open in explorer"), with no other filter. */
  showFigure(scope: FigureScope, title: string): void;
  clearFigure(): void;
  reset(): void;
}

const EMPTY = { filters: {}, stages: [], search: '', sort: DEFAULT_SORT, figure: null } as const;

/** The explorer keeps its list while the user goes to a chart and back (one store for the session). */
export const explorerStore = createStore<ExplorerState>()((set) => ({
  ...EMPTY,
  setFilter: (filters) => set({ filters }),
  setStages: (stages) => set({ stages }),
  setSearch: (search) => set({ search }),
  setSort: (sort) => set({ sort }),
  showFigure: (scope, title) => set({ ...EMPTY, figure: { scope, title } }),
  clearFigure: () => set({ figure: null }),
  reset: () => set(EMPTY),
}));
