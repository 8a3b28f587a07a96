/**
 * `npm run bench`: runs every `*.bench.ts` in this folder (or those named on the command line),
 * each of which prints its figures and its ratios against a baseline measured in the same run.
 * Goals live here, never in timed unit tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  try {
    const mod = (await import(pathToFileURL(path.join(here, file)).href)) as { run?: () => Promise<void> };
    if (typeof mod.run !== 'function') throw new Error(`${file} does not export run()`);
    await mod.run();
  } catch (e) {
    failed++;
    console.error(`${file} failed:`, e);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
