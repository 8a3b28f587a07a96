import { AppError } from '../../shared/errors';
import { createContext, describeError, parseOptions, processIo, type CliContext, type CliIo } from './io';
import { sampleCommand } from './commands/sample';
import { infoCommand } from './commands/info';
import { serveCommand } from './commands/serve';
import { apiCommand } from './commands/api';
import { desktopCommand } from './commands/desktop';
import { buildElectronCommand } from './commands/build-electron';
import { reportCommand } from './commands/report';
import { nativeCommand } from './commands/native';
import { distCommand } from './commands/dist';
import { importCommand } from './commands/import';
import { exportCommand } from './commands/export';
import { slaCommand } from './commands/sla';
import { verifyCommand } from './commands/verify';
import { identityCommand } from './commands/identity';
import { definitionsCommand } from './commands/definitions';
import { meetingCommand } from './commands/meeting';

export interface Command {
  /** Runs with the arguments after the command name; returns the exit code. */
  run(ctx: CliContext, args: string[]): Promise<number>;
}

/** Commands by name; a capability adds one line (and a line in `cli.help`). */
export const commands: Record<string, Command> = {
  sample: sampleCommand,
  info: infoCommand,
  serve: serveCommand,
  api: apiCommand,
  desktop: desktopCommand,
  'build-electron': buildElectronCommand,
  report: reportCommand,
  native: nativeCommand,
  dist: distCommand,
  import: importCommand,
  export: exportCommand,
  sla: slaCommand,
  verify: verifyCommand,
  identity: identityCommand,
  definitions: definitionsCommand,
  meeting: meetingCommand,
};

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  // Language and --json are read before the command so even a usage error is in the user's language.
  const lang = rest.find((_a, i) => rest[i - 1] === '--lang') ?? argv.find((a) => a.startsWith('--lang='))?.slice(7);
  const json = argv.includes('--json');
  const ctx = createContext(io, { json, lang });
  try {
    if (!name || name === 'help' || name === '--help' || name === '-h') {
      parseOptions(rest, {});
      io.out(ctx.t('cli.help'));
      return 0;
    }
    // Own-property check: `constructor` or `__proto__` are not commands.
    const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
    if (!command) throw new AppError('cli.unknownCommand', { command: name });
    return await command.run(ctx, rest);
  } catch (e) {
    if (json)
      io.out(
        JSON.stringify({
          ok: false,
          error: e instanceof AppError ? e.toPayload() : { code: 'internal', message: String(e) },
        }),
      );
    io.err(describeError(ctx.t, e));
    return e instanceof AppError && e.code.startsWith('cli.') ? 2 : 1;
  } finally {
    if (name !== 'serve') ctx.runtime.dispose();
  }
}
