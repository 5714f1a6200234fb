/**
 * Opening a big board (#16): the status badge says "connected" on screen as soon as the board's
 * data is in, in a frame drawn before tldraw mounts with the five hundred notes — not after the
 * editor has measured and drawn them all, which takes seconds on a big board — and then every
 * note is there. The speed itself is measured by `pnpm bench:client`, not asserted here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoard, join } from '../support/api';
import { launchBrowser, screenshot, type BrowserHandle } from '../support/browser';
import { canvasRecords, noteRecord } from '../support/canvas-records';
import { startServer, type ServerHandle } from '../support/server-process';
import { dumpServerLogsOnFailure } from '../support/vitest-hooks';
import { connectDoc } from '../support/yjs-client';

const NOTES = 500;

let server: ServerHandle;
let browser: BrowserHandle;

dumpServerLogsOnFailure();

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface FirstConnectedFrame {
  label: string;
  canvasMounted: boolean;
}

declare global {
  interface Window {
    __firstConnectedFrame?: FirstConnectedFrame;
  }
}

describe('opening a big board', () => {
  it('shows "connected" in a frame before the editor mounts, then every note', async () => {
    const board = await createBoard(server, 'Sieć „Zielone miasta” — pięćset karteczek');
    const writer = await join(server, board.id, board.invites.participant, 'Ewa Mazur', 'Chełm');
    const canvas = await connectDoc(server, board.id, 'canvas', writer.sessionToken);
    const records = canvasRecords(canvas.doc);
    for (let start = 0; start < NOTES; start += 250) {
      canvas.doc.transact(() => {
        for (let i = start; i < Math.min(NOTES, start + 250); i++) {
          records.set(
            `shape:opening${i}`,
            noteRecord(`shape:opening${i}`, {
              text: `Karteczka ${i + 1}: więcej ławek przy przystankach`,
              x: (i % 40) * 220,
              y: Math.floor(i / 40) * 220,
            }),
          );
        }
      });
    }
    // Stored by the server before anyone opens the board: a second client reads them all back.
    const reader = await connectDoc(server, board.id, 'canvas', writer.sessionToken);
    await reader.waitFor((doc) => canvasRecords(doc).has(`shape:opening${NOTES - 1}`), 30_000, 'all notes');
    reader.destroy();
    canvas.destroy();

    const context = await browser.newContext();
    // The first animation frame after the badge turns "connected": what it says, and whether
    // tldraw's canvas is on the page yet.
    await context.addInitScript(() => {
      const observer = new MutationObserver(() => {
        const badge = document.querySelector('[data-testid="connection-status"][data-status="connected"]');
        if (!badge) return;
        observer.disconnect();
        requestAnimationFrame(() => {
          window.__firstConnectedFrame = {
            label: badge.textContent ?? '',
            canvasMounted: document.querySelector('.tl-canvas') !== null,
          };
        });
      });
      observer.observe(document, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['data-status'],
      });
    });
    // The join form as a person fills it; then a generous wait, as the machine running this is shared.
    const page = await context.newPage();
    await page.goto(board.invites.participant);
    await page.getByTestId('join-form').waitFor();
    await page.fill('input[name=name]', 'Jan Nowak');
    await page.fill('input[name=city]', 'Kutno');
    await page.click('button[type=submit]');
    await page.waitForFunction(() => window.__empiria !== undefined, undefined, { timeout: 120_000 });

    const first = await page.evaluate(() => window.__firstConnectedFrame);
    expect(first).toEqual({ label: expect.stringContaining('Połączono') as unknown, canvasMounted: false });

    await page.waitForFunction(
      (count) =>
        window.__empiria!.editor.getCurrentPageShapes().filter((shape) => shape.type === 'note').length ===
        count,
      NOTES,
      { timeout: 120_000 },
    );
    expect(await page.getByTestId('connection-status').getAttribute('data-status')).toBe('connected');
    await screenshot(page, 'board-opening-500-notes');
    await context.close();
  });
});
