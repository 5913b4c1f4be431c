import { useSignal } from '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

/**
 * Renders only the rows in view (fixed row height), so 10,000 cases cost the same as 30.
 * The spacer keeps the scrollbar honest; rows are absolutely placed inside it.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  overscan = 6,
  renderRow,
  label,
  scrollToIndex,
}: {
  items: readonly T[];
  rowHeight: number;
  overscan?: number;
  renderRow: (item: T, index: number) => ComponentChildren;
  label: string;
  scrollToIndex?: number | null;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const scrollTop = useSignal(0);
  const viewport = useSignal(600);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => (viewport.value = el.clientHeight || 600);
    measure();
    const ro = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
    ro?.observe(el);
    return () => ro?.disconnect();
  }, []);

  // Filters shrink the list: keep the scroll position inside it.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const max = Math.max(0, items.length * rowHeight - el.clientHeight);
    if (el.scrollTop > max) {
      el.scrollTop = max;
      scrollTop.value = max;
    }
  }, [items.length]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || scrollToIndex == null || scrollToIndex < 0) return;
    const top = scrollToIndex * rowHeight;
    if (top < el.scrollTop || top + rowHeight > el.scrollTop + el.clientHeight) {
      el.scrollTop = Math.max(0, top - el.clientHeight / 2);
      scrollTop.value = el.scrollTop;
    }
  }, [scrollToIndex]);

  const first = Math.max(0, Math.floor(scrollTop.value / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((scrollTop.value + viewport.value) / rowHeight) + overscan);
  const visible: ComponentChildren[] = [];
  for (let i = first; i < last; i++) {
    visible.push(
      <div class="vrow" key={i} role="listitem" style={{ top: `${i * rowHeight}px`, height: `${rowHeight}px` }}>
        {renderRow(items[i]!, i)}
      </div>,
    );
  }
  return (
    <div
      class="vlist"
      ref={ref}
      role="list"
      aria-label={label}
      data-total={items.length}
      onScroll={(e) => (scrollTop.value = (e.currentTarget as HTMLDivElement).scrollTop)}
    >
      <div class="vspacer" style={{ height: `${items.length * rowHeight}px` }}>
        {visible}
      </div>
    </div>
  );
}
