import { useEffect } from 'react';
import { useStepStore } from '../control/step-store';

export type StepKeyAction = 'next' | 'previous';

export interface KeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  /** The focus is in a text field or in text being edited on the canvas. */
  inText: boolean;
}

/**
 * The facilitator's step keys: Alt+→ next step, Alt+← previous step. Never while typing
 * (Alt+arrows move by word on a Mac), never with other modifiers. tldraw binds the same keys to
 * "next / previous page"; the board removes those actions on boards with a format.
 */
export function stepKeyAction(event: KeyLike): StepKeyAction | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.inText) return null;
  if (event.key === 'ArrowRight') return 'next';
  if (event.key === 'ArrowLeft') return 'previous';
  return null;
}

function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Listens for the step keys while this person may move the group. */
export function useStepKeys(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const action = stepKeyAction({
        key: event.key,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        shiftKey: event.shiftKey,
        inText: isTextTarget(event.target) || isTextTarget(document.activeElement),
      });
      if (!action) return;
      // Alt+← is also the browser's "back": the board must not navigate away.
      event.preventDefault();
      event.stopPropagation();
      if (event.repeat) return;
      const store = useStepStore.getState();
      if (action === 'next') store.next();
      else store.previous();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [enabled]);
}
