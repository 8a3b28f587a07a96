import fs from 'node:fs';
import path from 'node:path';
import type { Reporter, Vitest } from 'vitest/node';
import { FIGURES_DIR, RUN_VARIABLE, runDir, type FigureFile, type Figures } from './reliability/support/figures';

/** The order areas are printed in (issue 8's list); others follow alphabetically. */
const AREAS = ['electron audit', 'fuzzing', 'local server', 'faults', 'backups', 'exports', 'dependencies'];

function merge(files: readonly FigureFile[]): Map<string, Figures> {
  const byArea = new Map<string, Figures>();
  for (const { area, figures } of files) {
    const into = byArea.get(area) ?? {};
    for (const [label, value] of Object.entries(figures)) {
      const before = into[label];
      into[label] = typeof value === 'number' && typeof before === 'number' ? before + value : value;
    }
    byArea.set(area, into);
  }
  return byArea;
}

const show = (v: number | string) => (typeof v === 'number' ? v.toLocaleString('en-US') : v);

/**
 * Prints the reliability summary at the end of the run, one line per area, from the figures the
 * tests under tests/reliability/ wrote to test-results/reliability/<this run>/*.json, so only this
 * run's figures count. Runs without those tests print nothing.
 */
export default class ReliabilityReporter implements Reporter {
  private vitest: Vitest | null = null;
  private readonly dir = runDir(`run-${process.pid}-${Date.now()}`);

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
    // Workers started from here on inherit the run's name and write their figures into its folder.
    process.env[RUN_VARIABLE] = path.basename(this.dir);
    // Folders of earlier runs (a day old) go; those of runs going on beside this one stay.
    if (fs.existsSync(FIGURES_DIR)) {
      for (const entry of fs.readdirSync(FIGURES_DIR, { withFileTypes: true })) {
        const full = path.join(FIGURES_DIR, entry.name);
        if (!entry.isDirectory() || Date.now() - fs.statSync(full).mtimeMs > 86_400_000)
          fs.rmSync(full, { recursive: true, force: true });
      }
    }
  }

  onTestRunEnd(): void {
    if (!fs.existsSync(this.dir)) return;
    const files = fs
      .readdirSync(this.dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(fs.readFileSync(path.join(this.dir, f), 'utf8')) as FigureFile);
    if (files.length === 0) return;
    const byArea = merge(files);
    const order = [...AREAS, ...[...byArea.keys()].filter((a) => !AREAS.includes(a)).sort()];
    const width = Math.max(...order.map((a) => a.length));
    const lines = ['', 'Reliability summary'];
    for (const area of order) {
      const figures = byArea.get(area);
      const text = figures
        ? Object.entries(figures)
            .map(([label, value]) => `${label}: ${show(value)}`)
            .join(' · ')
        : 'no figures (not run, or stopped before recording them)';
      lines.push(`  ${area.padEnd(width)}  ${text}`);
    }
    const log = (line: string) => (this.vitest ? this.vitest.logger.log(line) : console.log(line));
    for (const line of lines) log(line);
  }
}
