/**
 * Getting the exported notes out of the browser: a file download from a blob, and the print
 * page opened in a new tab with the print dialog (the person saves it as PDF there).
 */

/** Saves a blob under its name through a temporary link (no navigation, no new tab). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Opens the tab the print page will go into. Must run inside the click handler, before any
 * await: a tab opened later is a popup the browser blocks.
 */
export function openPrintTab(waitingText: string): Window | null {
  const tab = window.open('', '_blank');
  if (tab) {
    tab.document.title = waitingText;
    tab.document.body.textContent = waitingText;
  }
  return tab;
}

/** Writes the print page into the tab and opens the print dialog there. */
export function printInTab(tab: Window, html: string): void {
  tab.document.open();
  tab.document.write(html);
  tab.document.close();
  tab.focus();
  // From the tab's own event loop, once it has laid the page out.
  tab.setTimeout(() => tab.print(), 300);
}
