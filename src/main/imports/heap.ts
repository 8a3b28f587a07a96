import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | null | undefined;

/**
 * A full garbage collection, when the runtime allows one. A million-row import allocates a few
 * gigabytes of short-lived rows; V8 on a machine with plenty of RAM lets the heap grow far past
 * what is live (the benchmark saw 560 MB resident for ~150 MB live), so the import collects every
 * few hundred thousand rows to keep its memory bounded. A no-op where `gc` cannot be exposed.
 */
export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      const gc: unknown = vm.runInNewContext('gc');
      collect = typeof gc === 'function' ? () => void Reflect.apply(gc, undefined, []) : null;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
