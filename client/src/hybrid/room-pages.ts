import { useEffect, useLayoutEffect, useState } from 'react';
import { pageShown } from '@empiria/shared';
import { useStepStore } from '../control/step-store';
import type { RefObject } from 'react';

/**
 * The room display's pages. What a sheet or the meeting note holds may not fit a projector at the
 * size a room can read, and shrinking further is not an answer (the floor is the floor): the
 * display then shows it a page at a time, turned by the facilitator (control key `roomPage`) or by
 * the arrow keys at the display. Pages move the content with a transform, not a scroll, so the
 * last page is not pulled back to fill the screen (a scroll stops at the end, cutting columns).
 */
export type PageAxis = 'columns' | 'rows';

/**
 * Text set in columns that overflow sideways: each page is the box's width plus one gap (the
 * columns keep their pitch past the edge).
 */
export function columnPageStarts(scrollWidth: number, clientWidth: number, gap: number): number[] {
  if (clientWidth <= 0) return [0];
  const pitch = clientWidth + gap;
  const count = Math.max(1, Math.ceil((scrollWidth + gap) / pitch - 0.01));
  return Array.from({ length: count }, (_, i) => i * pitch);
}

/**
 * Blocks in rows that overflow downwards: a page starts at the top of the first block that does
 * not fit whole on the page before, so no block is cut in two unless it is taller than the box.
 */
export function rowPageStarts(
  blocks: readonly { top: number; bottom: number }[],
  clientHeight: number,
): number[] {
  if (clientHeight <= 0 || blocks.length === 0) return [0];
  const end = Math.max(...blocks.map((b) => b.bottom));
  const starts = [0];
  for (;;) {
    const start = starts[starts.length - 1]!;
    if (end <= start + clientHeight + 1) return starts;
    const next = blocks
      .filter((b) => b.top > start && b.bottom > start + clientHeight + 1)
      .reduce((min, b) => Math.min(min, b.top), Infinity);
    // A block taller than the box: its rest on the next page.
    starts.push(Number.isFinite(next) && next < start + clientHeight ? next : start + clientHeight);
  }
}

function measure(element: HTMLElement, axis: PageAxis): number[] {
  if (axis === 'columns') {
    const gap = Number.parseFloat(getComputedStyle(element).columnGap) || 0;
    return columnPageStarts(element.scrollWidth, element.clientWidth, gap);
  }
  // The element is positioned (see room-display.css), so its children's offsets are from its top.
  const blocks = [...element.children]
    .filter((child): child is HTMLElement => child instanceof HTMLElement)
    .map((child) => ({ top: child.offsetTop, bottom: child.offsetTop + child.offsetHeight }));
  return rowPageStarts(blocks, element.clientHeight);
}

/**
 * Lays `ref`'s content out in pages and shows page `requested` (wrapped around the count):
 * measured again when `contentKey` changes (new content, a new font size) and on resize.
 */
export function useRoomPages(
  ref: RefObject<HTMLElement | null>,
  axis: PageAxis,
  contentKey: string,
  requested: number,
): { page: number; count: number } {
  const [state, setState] = useState({ page: 0, count: 1 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const apply = () => {
      element.style.transform = '';
      const starts = measure(element, axis);
      const page = ((requested % starts.length) + starts.length) % starts.length;
      const offset = starts[page]!;
      element.style.transform =
        offset === 0 ? '' : axis === 'columns' ? `translateX(${-offset}px)` : `translateY(${-offset}px)`;
      setState((prev) =>
        prev.page === page && prev.count === starts.length ? prev : { page, count: starts.length },
      );
    };
    apply();
    const observer = new ResizeObserver(() => apply());
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, axis, contentKey, requested]);
  return state;
}

/**
 * The page asked of this display at `stepId`: the facilitator's (control key `roomPage`), moved on
 * or back by the arrow and page keys pressed at the display itself until the facilitator turns
 * the page again.
 */
export function useRequestedPage(stepId: string | null): number {
  const roomPage = useStepStore((state) => state.control.roomPage);
  const asked = pageShown(roomPage, stepId, Number.MAX_SAFE_INTEGER);
  // The keys' offset holds until the facilitator asks again or the step changes.
  const [local, setLocal] = useState({ asked, stepId, offset: 0 });
  const offset = local.asked === asked && local.stepId === stepId ? local.offset : 0;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const by = PAGE_KEYS[event.key];
      if (by === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      setLocal((prev) => ({
        asked,
        stepId,
        offset: (prev.asked === asked && prev.stepId === stepId ? prev.offset : 0) + by,
      }));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [asked, stepId]);
  return Math.max(0, asked + offset);
}

const PAGE_KEYS: Record<string, 1 | -1> = {
  ArrowRight: 1,
  ArrowDown: 1,
  PageDown: 1,
  ' ': 1,
  ArrowLeft: -1,
  ArrowUp: -1,
  PageUp: -1,
};
