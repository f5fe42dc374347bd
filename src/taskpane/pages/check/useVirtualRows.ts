/**
 * Draws only the rows of the findings list near the window's view (TanStack Virtual, MIT), so ten thousand
 * findings are all reachable by scrolling without ten thousand cards in the page. Cards differ in height:
 * each drawn row is measured. The page scrolls as a whole, so the window is the scroll element and the list
 * starts `scrollMargin` down the page; the sticky summary covers the top of the view (`scrollPaddingStart`).
 *
 * Where there is no layout (jsdom in the unit tests) every measure is 0: a row then counts at its estimate,
 * so the list draws a first window of rows (as many as fit `window.innerHeight`), as a browser would.
 */
import { defaultRangeExtractor, measureElement, useWindowVirtualizer, windowScroll, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type FocusEvent, type RefObject } from 'react';
import type { ListRow } from './finding-rows';

const HEADING_ESTIMATE = 40;
const CARD_ESTIMATE = 180;
/** Rows drawn beyond each edge of the view, so Tab always finds the next card's buttons in the page. */
const OVERSCAN = 6;
/** How long after a request to bring a finding into view the list still follows it as the page settles. */
const SETTLE_MS = 1000;

export function rowKey(row: ListRow): string {
  return row.kind === 'heading' ? `heading:${row.group}` : row.item.key;
}

/** How far down the page the list starts, kept up to date as what is above it grows or shrinks. */
function useScrollMargin(listRef: RefObject<HTMLElement>): number {
  const [margin, setMargin] = useState(0);
  const measure = () => {
    const list = listRef.current;
    if (list) setMargin(Math.max(0, Math.round(list.getBoundingClientRect().top + window.scrollY)));
  };
  // On each drawing of the list (the filters above it may have just grown or shrunk) and whenever the page resizes.
  useLayoutEffect(measure);
  useLayoutEffect(() => {
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  return margin;
}

/** The drawn range, plus the rows that must stay drawn wherever the view is: the selected one and the one with focus. */
function rangeWith(range: Range, keep: readonly number[]): number[] {
  const indexes = defaultRangeExtractor(range);
  const extra = keep.filter((index) => index >= 0 && index < range.count && !indexes.includes(index));
  return extra.length === 0 ? indexes : [...indexes, ...extra].sort((a, b) => a - b);
}

interface VirtualRowsOptions {
  readonly selectedKey: string | null;
  /** A finding to bring into view and focus; a new object each time it is asked for. */
  readonly scrollRequest: { readonly key: string } | null;
  /** Height of what stays in view over the top of the list (the sticky summary). */
  readonly coveredTop: number;
}

export function useVirtualRows(rows: readonly ListRow[], { selectedKey, scrollRequest, coveredTop }: VirtualRowsOptions) {
  const listRef = useRef<HTMLDivElement>(null);
  const scrollMargin = useScrollMargin(listRef);
  const [focusedIndex, setFocusedIndex] = useState(-1);
  const selectedIndex = selectedKey === null ? -1 : rows.findIndex((row) => rowKey(row) === selectedKey);
  const estimate = useCallback((index: number) => (rows[index]?.kind === 'heading' ? HEADING_ESTIMATE : CARD_ESTIMATE), [rows]);

  const virtualizer = useWindowVirtualizer<HTMLElement>({
    count: rows.length,
    estimateSize: estimate,
    getItemKey: (index) => (rows[index] ? rowKey(rows[index]) : index),
    overscan: OVERSCAN,
    scrollMargin,
    scrollPaddingStart: coveredTop,
    // Starts where the page is, and never "scrolls" to where the page already is (the virtualiser does once, on mounting).
    initialOffset: () => window.scrollY,
    scrollToFn: (offset, options, instance) => {
      if (Math.round(offset) !== Math.round(window.scrollY) || options.adjustments) windowScroll(offset, options, instance);
    },
    measureElement: (element, entry, instance) => {
      const size = measureElement(element, entry, instance);
      return size > 0 ? size : estimate(instance.indexFromElement(element));
    },
    rangeExtractor: (range) => rangeWith(range, [selectedIndex, focusedIndex]),
  });

  // A request is carried out at once, and again if what is above the list moves just after (clearing filters changes its height).
  const pending = useRef<{ readonly key: string; readonly at: number } | null>(null);
  useEffect(() => {
    if (scrollRequest) pending.current = { key: scrollRequest.key, at: Date.now() };
  }, [scrollRequest]);
  useEffect(() => {
    const request = pending.current;
    if (!request || Date.now() - request.at > SETTLE_MS) return;
    const index = rows.findIndex((row) => rowKey(row) === request.key);
    if (index < 0) return;
    virtualizer.scrollToIndex(index, { align: 'start' });
    // The row is drawn wherever the view is (it is the selected one): focus it so the keyboard carries on from there.
    listRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus({ preventScroll: true });
  }, [scrollRequest, scrollMargin, coveredTop]);

  /** Keeps the row holding focus drawn while the view scrolls away from it, so focus is never lost to the page. */
  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const row = event.target.closest<HTMLElement>('[data-index]');
    setFocusedIndex(row ? Number(row.dataset.index) : -1);
  };
  const onBlur = (event: FocusEvent<HTMLElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) setFocusedIndex(-1);
  };

  return { listRef, virtualizer, scrollMargin, onFocus, onBlur };
}
