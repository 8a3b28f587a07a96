import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';

/**
 * What the `sla`, `identity` and `verify` commands share: where a passphrase comes from, and how a
 * produced file reaches the path the user named without ever leaving half a file there.
 */
export const PASSPHRASE_ENV = 'FUNNEL_REVIEW_PASSPHRASE';

/** Reads a passphrase from a file (first line), the environment, or an interactive prompt without echo. */
export async function readPassphrase(options: {
  file: string | undefined;
  env: NodeJS.ProcessEnv;
  prompt: string;
  forWhat: string;
}): Promise<string> {
  if (options.file) {
    let text: string;
    try {
      text = fs.readFileSync(path.resolve(options.file), 'utf8');
    } catch {
      throw new AppError('documents.passphraseFile', { file: path.resolve(options.file) });
    }
    return text.replace(/\r?\n[\s\S]*$/, '');
  }
  const fromEnv = options.env[PASSPHRASE_ENV];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new AppError('documents.passphraseRequired', { file: options.forWhat });
  return promptHidden(options.prompt);
}

function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    let value = '';
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new AppError('jobs.cancelled'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** Refuses an output path that exists, equals an input, or sits in a missing folder, before any work. */
export function checkOutput(out: string, inputs: readonly string[] = []): void {
  if (inputs.some((i) => path.resolve(i) === out)) throw new AppError('documents.sameFile');
  if (fs.existsSync(out)) throw new AppError('documents.outputExists', { path: out });
  if (!fs.existsSync(path.dirname(out))) throw new AppError('workspace.folderMissing', { path: path.dirname(out) });
}

/** Copies a produced file to the user's path: beside it first, then an atomic rename. */
export function deliver(from: string, out: string, mode = 0o644): void {
  checkOutput(out);
  const tmp = `${out}.${process.pid}.partial`;
  try {
    fs.copyFileSync(from, tmp, fs.constants.COPYFILE_EXCL);
    fs.chmodSync(tmp, mode);
    fs.renameSync(tmp, out);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
