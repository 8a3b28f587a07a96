/**
 * A stopped clock for child processes whose work must be reproducible: the run that measures the
 * "after" state and the runs that are killed must write the same timestamps, or "old or new, never
 * a mix" could not be checked by comparing whole states.
 */
export function freezeClock(at: number): void {
  const Real = Date;
  class Frozen extends Real {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(at);
      else if (args.length === 1) super(args[0] as string | number | Date);
      else super(...(args as [number, number, number?, number?, number?, number?, number?]));
    }

    static override now(): number {
      return at;
    }
  }
  globalThis.Date = Frozen as unknown as DateConstructor;
}
