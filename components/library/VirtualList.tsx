import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface VirtualListProps {
  /** Rows in the list (a grid passes its number of lines). */
  count: number;
  /** Every row has this height in pixels: the position of any row is known without measuring. */
  rowHeight: number;
  /** Rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
  overscan?: number;
  /** Size used until the container is measured (and where it cannot be, as in tests). */
  fallbackHeight?: number;
  fallbackWidth?: number;
  label: string;
  /** Scrolls back to the top when this changes (a new query). */
  resetKey?: unknown;
  renderRow: (index: number) => ComponentChildren;
  /** The rows rendered now: [first, last). */
  onRangeChange?: (first: number, last: number) => void;
  onWidthChange?: (width: number) => void;
  testId?: string;
}

/**
 * A windowed list: a spacer as tall as every row together, and only the visible rows (plus overscan)
 * in the DOM, so tens of thousands of rows scroll as smoothly as twenty.
 */
export function VirtualList(props: VirtualListProps) {
  const {
    count,
    rowHeight,
    overscan = 6,
    fallbackHeight = 600,
    fallbackWidth = 960,
    label,
    resetKey,
  } = props;
  const { renderRow, onRangeChange, onWidthChange, testId } = props;
  const container = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [size, setSize] = useState({ height: fallbackHeight, width: fallbackWidth });

  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    const measure = () =>
      setSize({
        height: element.clientHeight || fallbackHeight,
        width: element.clientWidth || fallbackWidth,
      });
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [fallbackHeight, fallbackWidth]);

  useEffect(() => onWidthChange?.(size.width), [size.width, onWidthChange]);

  useEffect(() => {
    if (container.current) container.current.scrollTop = 0;
    setScrollTop(0);
  }, [resetKey]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + size.height) / rowHeight) + overscan);

  useEffect(() => onRangeChange?.(first, last), [first, last, onRangeChange]);

  const rows: ComponentChildren[] = [];
  for (let index = first; index < last; index++) {
    rows.push(
      <div
        role="listitem"
        key={index}
        class="virtual-row"
        style={{ height: `${rowHeight}px` }}
        data-index={index}
      >
        {renderRow(index)}
      </div>,
    );
  }
  return (
    <div
      ref={container}
      class="virtual-list"
      role="list"
      aria-label={label}
      data-testid={testId}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <div class="virtual-spacer" style={{ height: `${count * rowHeight}px` }}>
        <div class="virtual-window" style={{ transform: `translateY(${first * rowHeight}px)` }}>
          {rows}
        </div>
      </div>
    </div>
  );
}
