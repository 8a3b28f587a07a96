import type { Workspace } from '../workspace/workspace';

export interface SampleOptions {
  readonly seed: number;
  readonly leads: number;
  /** Last day (YYYY-MM-DD) of the generated 12 months; defaults to the Sunday ending last week. */
  readonly end?: string;
}

export interface SampleSummary {
  readonly leads: number;
  readonly stageEvents: number;
  readonly meetings: number;
}

// Being written: the deterministic sample workspace generator.
export function generateSample(_ws: Workspace, _options: SampleOptions): SampleSummary {
  throw new Error('sample generator not written yet');
}
