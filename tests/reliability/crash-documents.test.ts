import fs from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { disposeChildBundle } from './fault/harness';
import { crashFixture, proveCrashSafe, reopenAsTheApp, type CrashFixture } from './fault/fixture';

/**
 * SIGKILL in the middle of a meeting start (the frozen snapshot of every figure) and of the
 * signing of an SLA document (see fault/harness.ts): old or new state, never a mix.
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
  it('during a meeting start (the snapshot of every figure) on a 3,000-lead workspace', async () => {
    await proveCrashSafe(fx, {
      name: 'meeting snapshot',
      config: { scenario: 'meeting', now: fx.now, meetingId: fx.meetingId },
      reopen: reopenAsTheApp,
    });
  }, 300_000);

  it('during the signing of an SLA document', async () => {
    await proveCrashSafe(fx, {
      name: 'signing',
      config: { scenario: 'sign', now: fx.now, pdf: fx.pdf, p12: fx.p12, passphrase: fx.passphrase },
      reopen: reopenAsTheApp,
    });
  }, 300_000);
});
