import { DateTime } from 'luxon';

const BUCKET_MS = 15 * 60_000;

/**
 * Instants as the workspace's wall clock, fast enough for a million rows: the zone's offset is
 * looked up once per quarter hour of time and reused. A quarter hour whose two ends have different
 * offsets (a DST change inside it) is computed instant by instant, so no rule about when zones
 * change is assumed.
 */
export class ZonedClock {
  private readonly offsets = new Map<number, number | null>();

  constructor(private readonly zone: string) {}

  /** Minutes east of UTC at the instant. */
  offsetMinutes(ms: number): number {
    const bucket = Math.floor(ms / BUCKET_MS);
    let offset = this.offsets.get(bucket);
    if (offset === undefined) {
      const start = DateTime.fromMillis(bucket * BUCKET_MS, { zone: this.zone }).offset;
      const end = DateTime.fromMillis((bucket + 1) * BUCKET_MS - 1, { zone: this.zone }).offset;
      offset = start === end ? start : null;
      this.offsets.set(bucket, offset);
    }
    return offset ?? DateTime.fromMillis(ms, { zone: this.zone }).offset;
  }

  /** ISO 8601 with the zone's offset at that instant: `2026-11-16T09:30:00-03:00`. */
  iso(ms: number): string {
    const offset = this.offsetMinutes(ms);
    const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
    if (offset === 0) return `${local}Z`;
    const abs = Math.abs(offset);
    return `${local}${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  }

  /**
   * The wall-clock reading as a Date whose UTC fields carry it: spreadsheets have no time zones,
   * so a cell shows exactly what a clock in the workspace showed.
   */
  wall(ms: number): Date {
    return new Date(ms + this.offsetMinutes(ms) * 60_000);
  }
}
