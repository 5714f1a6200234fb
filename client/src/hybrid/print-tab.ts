/**
 * The sheets' print page in a new tab: the tab is opened inside the click (a tab opened after an
 * await is a popup the browser blocks), then the page goes in as a blob URL of our own origin and
 * the print dialog opens once it has loaded. The page is self-contained (inline SVG and styles).
 */

/** Opens the (empty) tab the print page will go into; null when the browser blocked it. */
export function openPrintTab(waitingText: string): Window | null {
  const tab = window.open('', '_blank');
  if (tab) {
    tab.document.title = waitingText;
    tab.document.body.textContent = waitingText;
  }
  return tab;
}

const BLOB_LIFETIME_MS = 10 * 60_000;
const LOAD_TIMEOUT_MS = 20_000;

/** A blob URL of the print page (revoked after a while, long after the tab has read it). */
export function printPageUrl(html: string): string {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  setTimeout(() => URL.revokeObjectURL(url), BLOB_LIFETIME_MS);
  return url;
}

/** Shows the page in the tab and, once it has loaded there, opens the print dialog. */
export function printInTab(tab: Window, url: string): void {
  tab.location.replace(url);
  const started = Date.now();
  const poll = () => {
    if (tab.closed || Date.now() - started > LOAD_TIMEOUT_MS) return;
    let loaded = false;
    try {
      loaded = tab.location.href === url && tab.document.readyState === 'complete';
    } catch {
      // Between two documents the tab may refuse to be read: try again.
    }
    if (!loaded) {
      setTimeout(poll, 100);
      return;
    }
    tab.focus();
    // From the tab's own event loop, once it has laid the page out.
    tab.setTimeout(() => tab.print(), 300);
  };
  setTimeout(poll, 100);
}
