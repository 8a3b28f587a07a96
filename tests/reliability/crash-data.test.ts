import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBackups } from '../../src/main/db/backups';
import { inspectWorkspaceFile } from '../../src/main/db/workspace-file';
import { disposeChildBundle } from './fault/harness';
import { crashFixture, proveCrashSafe, reopenAsTheApp, type CrashFixture } from './fault/fixture';
import { withProbeMigration } from './fault/test-migration';
import { stateOfFile } from './support/state';

/**
 * SIGKILL in the middle of an import and of a migration (see fault/harness.ts): the reopened file
 * passes the integrity check and holds exactly the state before or after, never a mix.
 */
let fx: CrashFixture;
beforeAll(async () => {
  fx = await crashFixture();
}, 180_000);
afterAll(async () => {
  await disposeChildBundle();
  if (fx) fs.rmSync(fx.dir, { recursive: true, force: true });
});

describe('SIGKILL during a write leaves the old or the new state, never a mix', () => {
  it('during an import of 6,000 leads', async () => {
    await proveCrashSafe(fx, {
      name: 'import',
      config: { scenario: 'import', now: fx.now, csv: fx.csv },
      reopen: reopenAsTheApp,
    });
  }, 300_000);

  it('during a migration (a test migration appended to the shipped list), whose backup holds the old state', async () => {
    const old = stateOfFile(fx.original);
    await proveCrashSafe(fx, {
      name: 'migration',
      config: { scenario: 'migration', now: fx.now },
      // The shipped app would refuse the newer schema, so the test list judges the file.
      reopen: (file) => void inspectWorkspaceFile(file, withProbeMigration),
      // Statement 1 is the pre-migration backup itself (VACUUM INTO).
      extraKillPoints: [1],
      afterCrash: (file) => {
        // A backup cut short leaves no file that could be offered; a finished one is the old state.
        const backups = listBackups(file).filter((b) => b.reason === 'migration');
        for (const b of backups) expect(stateOfFile(b.path).checksum).toBe(old.checksum);
        // Still on the old schema, the shipped app opens it as it was.
        if (stateOfFile(file).checksum === old.checksum) reopenAsTheApp(file);
      },
    });
  }, 300_000);
});
