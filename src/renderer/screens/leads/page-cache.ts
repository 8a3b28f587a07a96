import type { LeadPage, LeadRow } from '../../../shared/leads/types';

/**
 * Pages of one lead query, fetched once each and kept while they are near the view. Answers for
 * an older query are ignored: the cache is replaced whenever the query changes.
 */
export class PageCache {
  private readonly pages = new Map<number, readonly LeadRow[]>();
  private readonly inFlight = new Set<number>();
  private readonly order: number[] = [];
  total: number | null = null;
  error: unknown = null;

  constructor(
    private readonly fetch: (offset: number, limit: number) => Promise<LeadPage>,
    readonly pageSize: number,
    private readonly onChange: () => void,
    private readonly keep = 40,
  ) {}

  row(index: number): LeadRow | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  has(page: number): boolean {
    return this.pages.has(page);
  }

  /** Fetches the pages not yet held or on their way. */
  want(pages: readonly number[]): void {
    for (const page of pages) {
      if (this.pages.has(page) || this.inFlight.has(page)) continue;
      if (this.total !== null && page * this.pageSize >= this.total) continue;
      this.inFlight.add(page);
      this.fetch(page * this.pageSize, this.pageSize).then(
        (result) => {
          this.inFlight.delete(page);
          this.total = result.total;
          this.store(page, result.rows);
          this.onChange();
        },
        (e: unknown) => {
          this.inFlight.delete(page);
          this.error = e;
          this.onChange();
        },
      );
    }
  }

  private store(page: number, rows: readonly LeadRow[]): void {
    this.pages.set(page, rows);
    this.order.push(page);
    // Forget the pages touched longest ago; scrolling back fetches them again.
    while (this.order.length > this.keep) {
      const old = this.order.shift();
      if (old !== undefined && !this.order.includes(old)) this.pages.delete(old);
    }
  }
}
