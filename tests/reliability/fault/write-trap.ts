import Database from 'better-sqlite3';

/**
 * Counts every statement a process asks SQLite to run (`Statement.run`, which better-sqlite3's
 * transactions also use for BEGIN and COMMIT, and `Database.exec`) once armed, and SIGKILLs the
 * process itself just before the N-th: a crash at an exact point inside a write, as a power cut
 * or a killed process would leave it; with `after`, just after the N-th has returned (a crash right
 * after a commit must keep the committed work).
 */
export interface WriteTrap {
  arm(): void;
  readonly writes: number;
  /** The number of the last statement that committed, or null: the point between old and new. */
  readonly commitAt: number | null;
}

const COMMIT = /^\s*(COMMIT|END)\b/i;

export function installWriteTrap(killAt: number | null, after = false): WriteTrap {
  const probe = new Database(':memory:');
  const statementProto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as { run: (...args: unknown[]) => unknown };
  const databaseProto = Object.getPrototypeOf(probe) as { exec: (sql: string) => unknown };
  probe.close();
  let armed = false;
  let writes = 0;
  let commitAt: number | null = null;
  const die = () => {
    process.kill(process.pid, 'SIGKILL');
    // The signal is already pending; block so not one more instruction runs.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  };
  /** Counts one statement; true when the process must die at it. */
  const count = (sql: string): boolean => {
    if (!armed) return false;
    writes++;
    if (COMMIT.test(sql)) commitAt = writes;
    return killAt !== null && writes === killAt;
  };
  const run = statementProto.run;
  statementProto.run = function (this: { source: string }, ...args: unknown[]) {
    const fatal = count(this.source);
    if (fatal && !after) die();
    const result = run.apply(this, args);
    if (fatal) die();
    return result;
  };
  const exec = databaseProto.exec;
  databaseProto.exec = function (this: unknown, sql: string) {
    const fatal = count(sql);
    if (fatal && !after) die();
    const result = exec.call(this, sql);
    if (fatal) die();
    return result;
  };
  return {
    arm: () => {
      armed = true;
    },
    get writes() {
      return writes;
    },
    get commitAt() {
      return commitAt;
    },
  };
}
