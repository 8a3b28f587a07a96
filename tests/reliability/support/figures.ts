import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../../src/main/runtime/paths';

/**
 * Figures the reliability tests measured, for the summary the reporter prints at the end of the
 * run (tests/reliability-reporter.ts). One small JSON file per test file and area, in a folder of
 * the run; numbers with the same label are added up across files.
 */
export const FIGURES_DIR = path.join(projectRoot, 'test-results', 'reliability');

/**
 * The reporter names its run in this variable before the test workers start, so runs sharing a
 * working tree (several people testing at once) never mix or delete each other's figures.
 */
export const RUN_VARIABLE = 'FUNNEL_REVIEW_RELIABILITY_RUN';

export function runDir(run: string | undefined = process.env[RUN_VARIABLE]): string {
  return path.join(FIGURES_DIR, (run ?? 'local').replace(/[^a-z0-9-]/gi, '_'));
}

export type Figures = Record<string, number | string>;

export interface FigureFile {
  readonly area: string;
  readonly figures: Figures;
}

/** Adds figures for `area` under `source` (usually the test file's name), merging numbers by label. */
export function recordFigures(area: string, source: string, figures: Figures): void {
  const dir = runDir();
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${area.replace(/[^a-z0-9]+/gi, '-')}.${source.replace(/[^a-z0-9]+/gi, '-')}.json`);
  let current: Figures;
  try {
    current = (JSON.parse(fs.readFileSync(file, 'utf8')) as FigureFile).figures;
  } catch {
    current = {};
  }
  for (const [label, value] of Object.entries(figures)) {
    const before = current[label];
    current[label] = typeof value === 'number' && typeof before === 'number' ? before + value : value;
  }
  fs.writeFileSync(file, `${JSON.stringify({ area, figures: current } satisfies FigureFile, null, 2)}\n`);
}
