import type { AppEvent } from '../../shared/app/contract';

type NewEvent = Omit<AppEvent, 'seq'>;

/** Host-to-UI events with sequence numbers, read by long polling (`app.events`). */
export class EventBus {
  private seq = 0;
  private readonly events: AppEvent[] = [];
  private readonly waiters = new Set<() => void>();

  emit(event: NewEvent): void {
    this.events.push({ ...event, seq: ++this.seq });
    if (this.events.length > 200) this.events.splice(0, this.events.length - 200);
    for (const wake of this.waiters) wake();
  }

  async next(after: number, waitMs: number): Promise<{ events: AppEvent[]; last: number }> {
    const pending = () => this.events.filter((e) => e.seq > after);
    if (pending().length === 0 && waitMs > 0) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, waitMs);
        this.waiters.add(wake);
      });
    }
    return { events: pending(), last: this.seq };
  }

  /** Releases every waiting poll (on shutdown). */
  close(): void {
    for (const wake of [...this.waiters]) wake();
  }
}
