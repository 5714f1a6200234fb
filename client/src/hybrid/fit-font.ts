import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

/**
 * The largest font size, from `max` down to `min` in steps of `step` px, at which an element's
 * content does not overflow it (both ways: text set in columns overflows sideways). Below `min`
 * nothing shrinks further — a room must still read it — and what does not fit is cut at the
 * edge. Measured again when `contentKey` changes and when the element is resized.
 */
export function useFitFont(
  ref: RefObject<HTMLElement | null>,
  contentKey: string,
  { max, min, step = 2 }: { max: number; min: number; step?: number },
): number {
  const [size, setSize] = useState(max);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const fit = () => {
      let next = max;
      element.style.fontSize = `${next}px`;
      while (next > min && overflows(element)) {
        next = Math.max(min, next - step);
        element.style.fontSize = `${next}px`;
      }
      setSize(next);
    };
    fit();
    const observer = new ResizeObserver(() => fit());
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, contentKey, max, min, step]);
  return size;
}

function overflows(element: HTMLElement): boolean {
  return element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1;
}
