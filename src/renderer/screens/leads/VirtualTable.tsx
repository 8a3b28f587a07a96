import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnId } from '../../../shared/leads/columns';
import type { LeadPage, LeadRow, LeadSort } from '../../../shared/leads/types';
import { useUi } from '../../app-context';
import { Icon } from '../../components/Icon';
import { columnWidth, isNumeric, isSortable } from './columns';
import { PageCache } from './page-cache';
import { pagesFor, rowWindow } from './windowing';

const PAGE_SIZE = 100;
/** Fetch after scrolling pauses this long, so a fling across a million rows asks for one page, not thousands. */
const SETTLE_MS = 70;

export interface VirtualTableProps {
  /** Changes whenever the query does: the rows are fetched again from the top. */
  readonly queryKey: string;
  readonly fetchPage: (offset: number, limit: number) => Promise<LeadPage>;
  readonly columns: readonly ColumnId[];
  readonly header: (column: ColumnId) => string;
  readonly cell: (row: LeadRow, column: ColumnId) => ReactNode;
  readonly sort: LeadSort;
  readonly onSort: (column: ColumnId) => void;
  readonly onOpen: (row: LeadRow) => void;
  readonly onTotal: (total: number | null, error: unknown) => void;
  readonly label: string;
}

/**
 * A windowed table: only the rows in view (and a few around them) exist in the page, pages of 100
 * rows are fetched from the services as they come into view, and the scrollbar spans the whole
 * list however long it is (see windowing.ts).
 */
export function VirtualTable({
  queryKey,
  fetchPage,
  columns,
  header,
  cell,
  sort,
  onSort,
  onOpen,
  onTotal,
  label,
}: VirtualTableProps) {
  const { t } = useTranslation();
  const presenter = useUi((s) => s.presenter);
  const viewport = useRef<HTMLDivElement>(null);
  const [, setVersion] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const totalRef = useRef(onTotal);
  useEffect(() => {
    totalRef.current = onTotal;
  });
  // One cache per query, fetching with that query's function: a page asked for right after the
  // query changed must not go out with the previous filters.
  const current = useRef<PageCache | null>(null);
  const cache = useMemo(() => {
    const c: PageCache = new PageCache(fetchPage, PAGE_SIZE, () => {
      // A page of a previous query landing late must not put that query's total back.
      if (current.current !== c) return;
      setVersion((v) => v + 1);
      totalRef.current(c.total, c.error);
    });
    return c;
  }, [queryKey]);
  const rowHeight = presenter ? 46 : 36;
  const total = cache.total ?? 0;
  // The sticky header takes one row's height of the viewport.
  const win = rowWindow(total, rowHeight, Math.max(rowHeight, height - rowHeight), scrollTop);

  useLayoutEffect(() => {
    if (viewport.current) viewport.current.scrollTop = 0;
    setScrollTop(0);
    current.current = cache;
    totalRef.current(null, null);
    cache.want([0]);
  }, [cache]);

  useEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    setHeight(el.clientHeight);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => cache.want(pagesFor(win.first, win.count, PAGE_SIZE)), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [cache, win.first, win.count]);

  const template = columns.map((c) => `minmax(${columnWidth(c)}rem, ${columnWidth(c)}fr)`).join(' ');
  // Header and rows share one width, so they scroll sideways together when columns overflow.
  const minWidth = `${columns.reduce((sum, c) => sum + columnWidth(c), 0)}rem`;
  const rows: ReactNode[] = [];
  for (let i = 0; i < win.count; i++) {
    const index = win.first + i;
    const row = cache.row(index);
    rows.push(
      <div
        key={index}
        role="row"
        aria-rowindex={index + 2}
        className={row ? 'vt-row' : 'vt-row vt-row-loading'}
        style={{
          transform: `translateY(${win.top + i * rowHeight}px)`,
          height: rowHeight,
          gridTemplateColumns: template,
        }}
        onClick={row ? () => onOpen(row) : undefined}
      >
        {columns.map((c) => (
          <div key={c} role="cell" className={isNumeric(c) ? 'vt-cell num' : 'vt-cell'}>
            {row ? cell(row, c) : <span className="vt-skeleton" />}
          </div>
        ))}
      </div>,
    );
  }

  return (
    <div
      ref={viewport}
      className="vt"
      role="table"
      aria-label={label}
      aria-rowcount={total + 1}
      tabIndex={0}
      onScroll={(e) => {
        const top = e.currentTarget.scrollTop;
        requestAnimationFrame(() => setScrollTop(top));
      }}
    >
      <div
        className="vt-head"
        role="row"
        aria-rowindex={1}
        style={{ gridTemplateColumns: template, minWidth, height: rowHeight }}
      >
        {columns.map((c) => {
          const sortable = isSortable(c);
          const active = sort.column === c;
          return (
            <div
              key={c}
              role="columnheader"
              className={isNumeric(c) ? 'vt-cell num' : 'vt-cell'}
              aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
            >
              {sortable ? (
                <button
                  type="button"
                  className={active ? 'vt-sort active' : 'vt-sort'}
                  onClick={() => onSort(c)}
                  title={t('leads.table.sortBy', { column: header(c) })}
                >
                  <span className="vt-head-text">{header(c)}</span>
                  {active ? (
                    <Icon
                      name="chevronDown"
                      size={14}
                      className={sort.direction === 'asc' ? 'rotate-180' : undefined}
                    />
                  ) : null}
                </button>
              ) : (
                <span className="vt-head-text" title={t('leads.table.notSortable')}>
                  {header(c)}
                </span>
              )}
            </div>
          );
        })}
      </div>
      <div className="vt-spacer" style={{ height: win.height, minWidth }}>
        {rows}
      </div>
    </div>
  );
}
