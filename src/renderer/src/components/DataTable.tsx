// The workspace's one table: a real <table> with its caption and column headers, inside its own
// scroll region (keyboard-focusable and named after the table whenever it scrolls), numbers right-
// aligned, a sentence instead of an empty table, and, for the lists that grow (the work queue, the
// audit log, the registers, import problems), only the rows in view in the page: spacer rows keep
// the scroll height, and aria-rowcount / aria-rowindex tell a screen reader where a row stands.
import { useCallback, useId, useLayoutEffect, useRef, useState, type Key, type ReactNode } from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';

export interface Column<T> {
  /** The column's header, and its key. */
  header: string;
  /** A header for screen readers only (the column of row buttons). */
  headerHidden?: boolean;
  /**
   * The class of the column's cells (and of its header for "num"): "num" right-aligns amounts and
   * counts; "nowrap", "wrap", "mono", "prose-cell", "row-actions" as elsewhere in the workspace.
   */
  className?: string;
  /** The column's width (a CSS length), for tables laid out at fixed widths. */
  width?: string;
  /** The cell names its row (<th scope="row">). */
  rowHeader?: boolean;
  cell: (row: T, index: number) => ReactNode;
}

export interface DataTableProps<T> {
  /** What the table is; its accessible name, and the name of its scroll region. */
  caption: string;
  /** Show the caption above the table; by default a heading above says it, and screen readers read it. */
  showCaption?: boolean;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => Key;
  rowClassName?: (row: T) => string | undefined;
  /** The sentence shown instead of a table without rows. */
  empty: ReactNode;
  /** Classes of the <table> ("queue", "audit", ...). */
  className?: string;
  /** Classes of the scroll region (its height, for the lists that grow). */
  scrollClassName?: string;
  /** Only the rows in view are in the page; for the lists that grow. */
  virtual?: boolean;
  /** A row's height before it is measured, in CSS pixels (virtual tables). */
  rowHeight?: number;
  /** A new read is on its way: the rows shown are the previous ones. */
  stale?: boolean;
}

/** True when the element's content is larger than its box: it scrolls, and must take the focus. */
function useScrolls(element: HTMLElement | null): boolean {
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    if (!element) return;
    const check = () =>
      setScrolls(element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    for (const child of Array.from(element.children)) observer.observe(child);
    return () => observer.disconnect();
  }, [element]);
  return scrolls;
}

export function DataTable<T>(props: DataTableProps<T>) {
  const { caption, showCaption, columns, rows, empty, className, scrollClassName, stale } = props;
  const captionId = useId();
  const [region, setRegion] = useState<HTMLDivElement | null>(null);
  const scrolls = useScrolls(region);

  if (rows.length === 0) return <p className="table-empty">{empty}</p>;

  const widths = columns.some((c) => c.width);
  return (
    <div
      ref={setRegion}
      className={['table-scroll', scrollClassName, stale ? 'stale' : ''].filter(Boolean).join(' ')}
      aria-busy={stale || undefined}
      // A region that scrolls is reached with Tab and scrolled with the arrow keys (WCAG 2.1.1).
      {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-labelledby': captionId } : {})}
    >
      <table
        // Columns of set widths keep still while the rows in view change (table-layout: fixed).
        className={['table', widths ? 'fixed' : '', className].filter(Boolean).join(' ')}
        aria-rowcount={props.virtual ? rows.length + 1 : undefined}
      >
        <caption id={captionId} className={showCaption ? 'table-caption' : 'visually-hidden'}>
          {caption}
        </caption>
        {widths && (
          <colgroup>
            {columns.map((c) => (
              <col key={c.header} style={c.width ? { width: c.width } : undefined} />
            ))}
          </colgroup>
        )}
        <thead>
          <tr aria-rowindex={props.virtual ? 1 : undefined}>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.className?.split(' ').includes('num') ? 'num' : undefined}>
                {c.headerHidden ? <span className="visually-hidden">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        {props.virtual ? <VirtualBody {...props} scrollElement={region} /> : <PlainBody {...props} />}
      </table>
    </div>
  );
}

function Row<T>({
  props,
  row,
  index,
  rowRef,
}: {
  props: DataTableProps<T>;
  row: T;
  index: number;
  rowRef?: (element: HTMLTableRowElement | null) => void;
}) {
  return (
    <tr
      ref={rowRef}
      data-index={index}
      aria-rowindex={props.virtual ? index + 2 : undefined}
      className={props.rowClassName?.(row)}
    >
      {props.columns.map((c) =>
        c.rowHeader ? (
          <th key={c.header} scope="row" className={c.className}>
            {c.cell(row, index)}
          </th>
        ) : (
          <td key={c.header} className={c.className}>
            {c.cell(row, index)}
          </td>
        ),
      )}
    </tr>
  );
}

function PlainBody<T>(props: DataTableProps<T>) {
  return (
    <tbody>
      {props.rows.map((row, i) => (
        <Row key={props.rowKey(row, i)} props={props} row={row} index={i} />
      ))}
    </tbody>
  );
}

/** Empty rows standing in for the rows out of view, so the scroll bar tells the list's length. */
function Spacer({ height, columns }: { height: number; columns: number }) {
  if (height <= 0) return null;
  return (
    <tr className="spacer" aria-hidden="true">
      <td colSpan={columns} style={{ height }} />
    </tr>
  );
}

function VirtualBody<T>(props: DataTableProps<T> & { scrollElement: HTMLDivElement | null }) {
  const { rows, rowKey, scrollElement } = props;
  // The row holding the focus stays in the page while it scrolls out of view, so the focus is
  // never lost to the page's top (a button of a row the clerk tabbed to).
  const focused = useRef<number | null>(null);
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const keep = focused.current;
    if (keep === null || keep >= range.count || indexes.includes(keep)) return indexes;
    return [...indexes, keep].sort((a, b) => a - b);
  }, []);
  // The workspace is not built with the React Compiler; the virtualizer re-renders on scroll itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollElement,
    estimateSize: () => props.rowHeight ?? 38,
    getItemKey: (i) => rowKey(rows[i] as T, i),
    overscan: 8,
    rangeExtractor,
    // Before the region is measured, a screenful of rows rather than none.
    initialRect: { width: 0, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const columns = props.columns.length;
  const pieces: ReactNode[] = [];
  let end = 0;
  for (const item of items) {
    pieces.push(<Spacer key={`gap-${item.index}`} height={item.start - end} columns={columns} />);
    pieces.push(
      <Row
        key={item.key}
        props={props}
        row={rows[item.index] as T}
        index={item.index}
        rowRef={virtualizer.measureElement}
      />,
    );
    end = item.end;
  }
  pieces.push(<Spacer key="end" height={virtualizer.getTotalSize() - end} columns={columns} />);
  return (
    <tbody
      onFocus={(e) => {
        const row = (e.target as HTMLElement).closest('tr[data-index]');
        focused.current = row ? Number(row.getAttribute('data-index')) : null;
      }}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) focused.current = null;
      }}
    >
      {pieces}
    </tbody>
  );
}
