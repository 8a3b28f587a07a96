import { spawnSync } from 'node:child_process';

/**
 * The ways this machine lets a test take space or write access away from a folder, each tried and
 * reported: as root, file permissions do not stop writes, so it takes a mount (tmpfs, read-only
 * bind), the immutable attribute, or running the code as an unprivileged user.
 */
function ok(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return r.status === 0 && !r.error;
}

export const isRoot = (): boolean => process.getuid?.() === 0;

export function mountTmpfs(dir: string, bytes: number): boolean {
  return isRoot() && ok('mount', ['-t', 'tmpfs', '-o', `size=${bytes},mode=0755`, 'tmpfs', dir]);
}

export function bindReadOnly(source: string, target: string): boolean {
  if (!isRoot() || !ok('mount', ['--bind', source, target])) return false;
  if (ok('mount', ['-o', 'remount,bind,ro', target])) return true;
  unmount(target);
  return false;
}

export function unmount(dir: string): void {
  if (!ok('umount', [dir])) ok('umount', ['-l', dir]);
}

export function setImmutable(paths: readonly string[], on: boolean): boolean {
  return paths.every((p) => ok('chattr', [on ? '+i' : '-i', p]));
}

/** `setpriv` as `nobody`: a prefix for a child process that must not be root. */
export function asNobody(): string[] | null {
  return isRoot() && ok('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true'])
    ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups']
    : null;
}

/** `prlimit` with a file-size limit (RLIMIT_FSIZE): writes past it fail with EFBIG. */
export function withFileSizeLimit(bytes: number): string[] | null {
  return ok('prlimit', ['--fsize=1048576', 'true']) ? ['prlimit', `--fsize=${bytes}`] : null;
}
