/**
 * Test-only entry point for crash tests: runs one write the app makes (an import, a migration, a
 * meeting start, a signature) on a workspace, in a child process that the parent SIGKILLs, or that
 * kills itself at an exact statement (see write-trap.ts). Run with `node --import tsx child.ts <json>`.
 * Prints `ARMED` when the write begins and `DONE {...}` when it has finished.
 */
import { installWriteTrap } from './write-trap';
import { freezeClock } from './clock';
import type { ChildConfig } from './config';

const config = JSON.parse(process.argv[2] ?? '{}') as ChildConfig;
// Under a file-size limit (RLIMIT_FSIZE) the kernel sends SIGXFSZ, which kills by default; handled,
// the write fails with EFBIG instead, as on a full disk.
process.on('SIGXFSZ', () => undefined);
freezeClock(config.now);
const trap = installWriteTrap(config.killAtWrite, config.killAfter ?? false);
const arm = () => {
  process.stdout.write('ARMED\n');
  trap.arm();
};

async function main(): Promise<Record<string, unknown>> {
  const { runScenario } = await import('./scenarios');
  return runScenario(config, arm);
}

main().then(
  (result) => {
    process.stdout.write(`DONE ${JSON.stringify({ writes: trap.writes, commitAt: trap.commitAt, ...result })}\n`);
    process.exit(0);
  },
  (e: unknown) => {
    process.stdout.write(
      `FAILED ${JSON.stringify({ code: (e as { code?: string }).code ?? null, message: String((e as Error)?.message ?? e) })}\n`,
    );
    process.exit(1);
  },
);
