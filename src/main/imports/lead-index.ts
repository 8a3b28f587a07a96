/**
 * The leads one batch has met, by external id: database id, flags and where in which file each was
 * last seen. A million leads must fit comfortably, so the per-lead data sits in typed arrays and the
 * map holds only the id string and a slot number.
 */
export const INSERTED = 1;
export const MATCHED = 2;
export const CHANGED = 4;
/** Dated by its earliest stage entry because no row gave a creation date. */
export const DATED_BY_EVENT = 8;

export class LeadIndex {
  private readonly slots = new Map<string, number>();
  private ids = new Float64Array(1024);
  private flagBits = new Uint8Array(1024);
  private files = new Int16Array(1024);
  private rows = new Float64Array(1024);
  private size = 0;

  get count(): number {
    return this.size;
  }

  slot(externalId: string): number | undefined {
    return this.slots.get(externalId);
  }

  add(externalId: string, leadId: number, flags: number, file: number, row: number): number {
    if (this.size === this.ids.length) this.grow();
    const s = this.size++;
    this.ids[s] = leadId;
    this.flagBits[s] = flags;
    this.files[s] = file;
    this.rows[s] = row;
    this.slots.set(externalId, s);
    return s;
  }

  leadId(slot: number): number {
    return this.ids[slot]!;
  }

  flags(slot: number): number {
    return this.flagBits[slot]!;
  }

  setFlag(slot: number, flag: number): void {
    this.flagBits[slot] = this.flagBits[slot]! | flag;
  }

  clearFlag(slot: number, flag: number): void {
    this.flagBits[slot] = this.flagBits[slot]! & ~flag;
  }

  /** The file (index) and row where the lead was last seen. */
  lastFile(slot: number): number {
    return this.files[slot]!;
  }

  lastRow(slot: number): number {
    return this.rows[slot]!;
  }

  seen(slot: number, file: number, row: number): void {
    this.files[slot] = file;
    this.rows[slot] = row;
  }

  /** How many leads carry every bit of `flag` and none of `without`. */
  countFlags(flag: number, without = 0): number {
    let n = 0;
    for (let i = 0; i < this.size; i++) {
      const f = this.flagBits[i]!;
      if ((f & flag) === flag && (f & without) === 0) n++;
    }
    return n;
  }

  private grow(): void {
    const n = this.ids.length * 2;
    const ids = new Float64Array(n);
    ids.set(this.ids);
    this.ids = ids;
    const flags = new Uint8Array(n);
    flags.set(this.flagBits);
    this.flagBits = flags;
    const files = new Int16Array(n);
    files.set(this.files);
    this.files = files;
    const rows = new Float64Array(n);
    rows.set(this.rows);
    this.rows = rows;
  }
}
