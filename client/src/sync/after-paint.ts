/** Past this, a frame that does not come (a tab in the background) is not waited for. */
const MAX_WAIT_MS = 100;

/**
 * Resolves once the browser has had a chance to paint what is on screen now: after the next
 * animation frame, in a task of its own. A long piece of work started after it (loading thousands
 * of records into the editor) then no longer hides what changed before it (the "connected"
 * badge). A hidden tab paints no frames: it resolves after a short timeout instead.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, MAX_WAIT_MS);
    if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}
