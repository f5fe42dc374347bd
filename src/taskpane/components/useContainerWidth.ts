/**
 * The width of an element as laid out, kept current as the pane is resized: a layout that adapts to the
 * room it has (a narrow task pane, or one dragged wide), never to what the browser says it is.
 */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** The element's width in CSS pixels; null until measured, or where the browser cannot measure (jsdom). */
export function useContainerWidth<T extends HTMLElement>(): [RefObject<T>, number | null] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => setWidth(element.getBoundingClientRect().width);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
