/**
 * What one batch knows about the leads it has met, by database id: flags and where (file, row)
 * each was last seen. External ids are looked up in the database (its unique index), not kept
 * here: a million id strings in a JS map cost more memory than the rest of the import. Leads the
 * batch inserts get consecutive ids, so their state sits in typed arrays indexed by id; leads that
 * existed before the batch go through a map keyed by number.
 */
export const INSERTED = 1;
export const MATCHED = 2;
export const CHANGED = 4;
/** Dated by its earliest stage entry because no row gave a creation date. */
export const DATED_BY_EVENT = 8;

class Slots {
  flags = new Uint8Array(1024);
  files = new Int16Array(1024);
  rows = new Float64Array(1024);
  size = 0;

  push(flags: number, file: number, row: number): number {
    if (this.size === this.flags.length) this.grow();
    const s = this.size++;
    this.flags[s] = flags;
    this.files[s] = file;
    this.rows[s] = row;
    return s;
  }

  private grow(): void {
    const n = this.flags.length * 2;
    const flags = new Uint8Array(n);
    flags.set(this.flags);
    this.flags = flags;
    const files = new Int16Array(n);
    files.set(this.files);
    this.files = files;
    const rows = new Float64Array(n);
    rows.set(this.rows);
    this.rows = rows;
  }
}

/** A lead's place in the index: which table of slots, and where. */
export interface LeadSlot {
  readonly slots: Slots;
  readonly at: number;
}

export class LeadIndex {
  /** Leads inserted by the batch: ids base, base + 1, ... (SQLite gives max(id) + 1 to each new row). */
  private base = -1;
  private readonly inserted = new Slots();
  private readonly others = new Slots();
  private readonly otherSlots = new Map<number, number>();

  find(leadId: number): LeadSlot | null {
    if (this.base >= 0 && leadId >= this.base && leadId - this.base < this.inserted.size)
      return { slots: this.inserted, at: leadId - this.base };
    const at = this.otherSlots.get(leadId);
    return at === undefined ? null : { slots: this.others, at };
  }

  add(leadId: number, flags: number, file: number, row: number): LeadSlot {
    if ((flags & INSERTED) !== 0) {
      if (this.base < 0) this.base = leadId;
      if (leadId === this.base + this.inserted.size)
        return { slots: this.inserted, at: this.inserted.push(flags, file, row) };
    }
    const at = this.others.push(flags, file, row);
    this.otherSlots.set(leadId, at);
    return { slots: this.others, at };
  }

  /** How many leads carry every bit of `flag` and none of `without`. */
  countFlags(flag: number, without = 0): number {
    let n = 0;
    for (const s of [this.inserted, this.others]) {
      for (let i = 0; i < s.size; i++) {
        const f = s.flags[i]!;
        if ((f & flag) === flag && (f & without) === 0) n++;
      }
    }
    return n;
  }
}

export function flagsOf(slot: LeadSlot): number {
  return slot.slots.flags[slot.at]!;
}

export function setFlag(slot: LeadSlot, flag: number): void {
  slot.slots.flags[slot.at] = slot.slots.flags[slot.at]! | flag;
}

export function clearFlag(slot: LeadSlot, flag: number): void {
  slot.slots.flags[slot.at] = slot.slots.flags[slot.at]! & ~flag;
}

/** The file (index) and row where the lead was last seen. */
export function lastSeen(slot: LeadSlot): { file: number; row: number } {
  return { file: slot.slots.files[slot.at]!, row: slot.slots.rows[slot.at]! };
}

export function markSeen(slot: LeadSlot, file: number, row: number): void {
  slot.slots.files[slot.at] = file;
  slot.slots.rows[slot.at] = row;
}
