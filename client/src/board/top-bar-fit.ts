import { useLayoutEffect } from 'react';
import type { RefObject } from 'react';

/**
 * What the board's top bar gives up when it does not fit its window, one at a time in this order
 * (top-bar.css draws each; the bar's `data-fold` lists those in force):
 *
 * - names: the person's name and city beside the avatar (its tooltip keeps them), and "all saved"
 *   beside "connected" (a count of unsent changes stays);
 * - room, surveys, role, notes: the word of a tool goes, its icon stays, named for screen readers
 *   and in its tooltip; counts and badges stay. "Room" first (a hybrid meeting's menu, used by a
 *   few), then "Surveys", then the person's own tool ("Console", "Raise hand": used all meeting
 *   long, its icon soon known), "Meeting notes" last;
 * - language: of the PL | EN pair only the other language's button stays, in its own language;
 * - compact: "connected" is its icon alone (the words for screen readers and in its tooltip), the
 *   people's button its icon and count, the gaps narrower;
 * - badges: the meeting notes' badge is a dot (its words for screen readers);
 * - tight: the buttons' sides and the gaps between them narrower;
 * - wrap: the tools take a row of their own under the board's title (on a phone: a second row).
 *
 * The timer, the connection's state, the people's count and every tool stay in sight at every
 * width from a small laptop up, and the board's title keeps its minimum width (styles.css).
 */
export const TOP_BAR_FOLDS = [
  'names',
  'room',
  'surveys',
  'role',
  'notes',
  'language',
  'compact',
  'badges',
  'tight',
  'wrap',
] as const;
export type TopBarFold = (typeof TOP_BAR_FOLDS)[number];

/**
 * A phone's bar (phone.css) has room for no tool's word, nor for the language or the people:
 * its first five folds are always in force, and beyond them it can fold the badge, tighten and
 * wrap.
 */
const PHONE_FOLDS: readonly TopBarFold[] = [
  'names',
  'room',
  'surveys',
  'role',
  'notes',
  'badges',
  'tight',
  'wrap',
];
const PHONE_ALWAYS = 5;

/**
 * The fewest folds of `order`, taken in order and at least `from` of them, with which `fits`
 * holds; all of them when none does.
 */
export function foldsToFit(
  fits: (folds: readonly TopBarFold[]) => boolean,
  order: readonly TopBarFold[] = TOP_BAR_FOLDS,
  from = 0,
): readonly TopBarFold[] {
  for (let count = from; count < order.length; count++) {
    const folds = order.slice(0, count);
    if (fits(folds)) return folds;
  }
  return order;
}

/**
 * Keeps the top bar `bar` (its tools in `.board-topbar-right`) within its width: folds it again
 * when the window is resized, when fonts arrive and when what the bar shows changes (a count, a
 * badge, the language), before the browser paints.
 */
export function useTopBarFit(bar: RefObject<HTMLElement | null>, phone: boolean): void {
  useLayoutEffect(() => {
    const element = bar.current;
    const tools = element?.querySelector<HTMLElement>('.board-topbar-right');
    if (!element || !tools) return;
    const [order, from] = phone ? [PHONE_FOLDS, PHONE_ALWAYS] : [TOP_BAR_FOLDS, 0];
    const apply = (folds: readonly TopBarFold[]) => element.setAttribute('data-fold', folds.join(' '));
    // What the last fit saw: refit only when the bar's width or where its tools reach has changed.
    let seen = '';
    const measure = () => {
      const { left, right } = toolsReach(tools);
      return `${element.clientWidth} ${left} ${right}`;
    };
    const fit = () => {
      apply(foldsToFit((folds) => (apply(folds), toolsInside(element, tools)), order, from));
      seen = measure();
    };
    const check = () => {
      if (measure() !== seen) fit();
    };
    fit();
    // Mutation records arrive before the next paint: a new badge is folded before it is seen.
    const mutations = new MutationObserver(check);
    mutations.observe(element, { subtree: true, childList: true, characterData: true });
    window.addEventListener('resize', fit);
    document.fonts.addEventListener('loadingdone', fit);
    return () => {
      mutations.disconnect();
      window.removeEventListener('resize', fit);
      document.fonts.removeEventListener('loadingdone', fit);
      element.removeAttribute('data-fold');
    };
  }, [bar, phone]);
}

/** From where to where the tools are drawn (on a phone they may run out of their box to the left). */
function toolsReach(tools: HTMLElement): { left: number; right: number } {
  let left = Infinity;
  let right = -Infinity;
  for (const item of tools.querySelectorAll<HTMLElement>(':scope > *, :scope > .topbar-tools > *')) {
    const box = item.getBoundingClientRect();
    if (box.width === 0) continue;
    left = Math.min(left, box.left);
    right = Math.max(right, box.right);
  }
  return { left, right };
}

/**
 * The tools are drawn within their box, and it ends within the bar's padding (the title, at its
 * minimum width, pushes it out).
 */
function toolsInside(bar: HTMLElement, tools: HTMLElement): boolean {
  const padding = Number.parseFloat(getComputedStyle(bar).paddingRight) || 0;
  const box = tools.getBoundingClientRect();
  const reach = toolsReach(tools);
  return (
    box.right <= bar.getBoundingClientRect().right - padding + 0.5 &&
    reach.left >= box.left - 0.5 &&
    reach.right <= box.right + 0.5
  );
}
