/**
 * Issue #14's "done when", in browsers: Empiria as several identical processes on PostgreSQL
 * (DATABASE_URL) and Redis (REDIS_URL), behind deploy/nginx/empiria.conf run by the real nginx —
 * compose.yaml's layout on loopback. Two people whose boards are served by different processes see
 * each other's notes on screen; the process serving one of them is killed (SIGKILL) right after an
 * edit, their page reconnects through the proxy to the other process, and nothing is lost: not
 * the note written a moment before the kill, nor anything before. The killed process comes back
 * and a third person, joining late, sees everything. Every table is in PostgreSQL: the board and
 * its people too, whichever process each joined through. Screenshot: test/artifacts/cluster-*.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Page } from 'playwright-core';
import { createMemoryLogger } from '../../server/src/log';
import { openPostgresPool } from '../../server/src/storage/postgres-database';
import { PostgresDocumentStore } from '../../server/src/storage/postgres-document-store';
import { createBoard } from '../support/api';
import { canvasRecords } from '../support/canvas-records';
import { joinBoard, waitForBoard } from '../support/board-page';
import { launchBrowser, screenshot, type BrowserHandle } from '../support/browser';
import { makeNote, writeNoteAt } from '../support/canvas-page';
import { startNginxProxy, type NginxProxy } from '../support/nginx-proxy';
import {
  createTestDatabase,
  startPostgresCluster,
  type PostgresCluster,
  type TestDatabase,
} from '../support/postgres-cluster';
import { redisAvailable, startRedis, type RedisHandle } from '../support/redis-server';
import { freePort, startServer, type ServerHandle } from '../support/server-process';

let postgres: PostgresCluster;
let database: TestDatabase;
let redis: RedisHandle;
let proxy: NginxProxy;
let browser: BrowserHandle;
let env: Record<string, string>;
const servers: ServerHandle[] = [];

beforeAll(async () => {
  if (!redisAvailable()) throw new Error('redis-server is missing: run scripts/install-redis.sh');
  postgres = await startPostgresCluster();
  database = await createTestDatabase(postgres, 'cluster_workshop');
  redis = await startRedis();
  const proxyPort = await freePort();
  env = {
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    PUBLIC_URL: `http://127.0.0.1:${proxyPort}`,
    TRUST_PROXY: '1',
    LOG_LEVEL: 'info',
  };
  const first = await startServer({ env });
  const second = await startServer({ env, dataDir: first.dataDir, adminToken: first.adminToken });
  servers.push(first, second);
  proxy = await startNginxProxy([first.port, second.port], proxyPort);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await proxy?.stop();
  for (const server of servers) if (server.exitCode() === undefined) await server.kill();
  await redis?.stop();
  await database?.drop();
  await postgres?.stop();
});

interface CanvasConnection {
  server: ServerHandle;
  person: string;
}

/** Every canvas connection each process has logged so far (its 'connected' records). */
function canvasConnections(): { server: ServerHandle; person: string; index: number }[] {
  return servers.flatMap((server) =>
    server
      .logRecords()
      .filter((record) => record.msg === 'connected' && String(record.room).endsWith('/canvas'))
      .map((record, index) => ({ server, person: String(record.person), index })),
  );
}

/** Runs `act` and returns the canvas connection it made: which process took it, for whom. */
async function newCanvasConnection(act: () => Promise<unknown>): Promise<CanvasConnection> {
  const before = new Map(
    servers.map((server) => [server, canvasConnections().filter((c) => c.server === server).length]),
  );
  await act();
  const deadline = Date.now() + 15_000;
  for (;;) {
    const fresh = canvasConnections().filter((c) => c.index >= (before.get(c.server) ?? 0));
    if (fresh.length > 0) return fresh[fresh.length - 1]!;
    if (Date.now() > deadline) throw new Error('no process logged the canvas connection');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Where a note stands on a page that should show it: in the canvas's records or not, its element
 * and whether its content is mounted (#16, D41), culled or not, its bounds and the viewport.
 */
function noteState(page: Page, text: string): Promise<Record<string, unknown>> {
  return page.evaluate((wanted) => {
    type Box = { x: number; y: number; w: number; h: number };
    const editor = window.__empiria!.editor as unknown as {
      getCurrentPageId(): string;
      getCurrentPageShapes(): Array<{ id: string; type: string }>;
      getShapeUtil(shape: unknown): { getText?(shape: unknown): string | undefined };
      getShapePageBounds(id: string): Box | undefined;
      getViewportPageBounds(): Box;
      getCulledShapes(): Set<string>;
    };
    const shape = editor.getCurrentPageShapes().find((s) => editor.getShapeUtil(s).getText?.(s) === wanted);
    const element = shape
      ? document.querySelector<HTMLElement>(`.tl-shape[data-shape-id="${shape.id}"]`)
      : null;
    return {
      connection: window.__empiria!.connectionStatus(),
      pendingChanges: window.__empiria!.pendingChanges(),
      page: editor.getCurrentPageId(),
      onPage: shape?.id ?? null,
      element: element !== null,
      revealed: element?.dataset.revealed ?? null,
      mounted: element?.querySelector('.tl-note__container') != null,
      display: element ? getComputedStyle(element).display : null,
      culled: shape ? editor.getCulledShapes().has(shape.id) : null,
      bounds: shape ? editor.getShapePageBounds(shape.id) : null,
      viewport: editor.getViewportPageBounds(),
    };
  }, text);
}

/** The note's text is drawn on the canvas, inside the window: what a person sees. */
async function seesNote(page: Page, text: string): Promise<void> {
  try {
    await seesNoteWithin(page, text);
  } catch (err) {
    console.error(`not on screen: "${text}"`, JSON.stringify(await noteState(page, text)));
    throw err;
  }
}

async function seesNoteWithin(page: Page, text: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const label = page.locator('.tl-canvas').getByText(text, { exact: true }).first();
        if (!(await label.isVisible())) return false;
        const box = await label.boundingBox();
        const viewport = page.viewportSize();
        return (
          box !== null &&
          viewport !== null &&
          box.x >= 0 &&
          box.y >= 0 &&
          box.x + box.width <= viewport.width &&
          box.y + box.height <= viewport.height
        );
      },
      { timeout: 20_000, interval: 200 },
    )
    .toBe(true);
}

/** A page point in the middle of the view, moved by (dx, dy) screen pixels, as screen coordinates. */
async function viewPoint(page: Page, dx: number, dy: number): Promise<{ x: number; y: number }> {
  const size = page.viewportSize()!;
  return { x: size.width / 2 + dx, y: size.height / 2 + dy };
}

async function pagePointAt(page: Page, dx: number, dy: number): Promise<{ x: number; y: number }> {
  const at = await viewPoint(page, dx, dy);
  return page.evaluate((p) => {
    const editor = window.__empiria!.editor as unknown as {
      screenToPage(p: { x: number; y: number }): { x: number; y: number };
    };
    return editor.screenToPage(p);
  }, at);
}

describe('a workshop over two processes on PostgreSQL and Redis, behind nginx', () => {
  it("shows each person's notes to the other across processes, and loses nothing when one process is killed", async () => {
    const board = await createBoard(
      { baseUrl: proxy.baseUrl, adminToken: servers[0]!.adminToken },
      'Sieć Mobilność — spotkanie kwartalne',
    );
    const context = async () => {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await ctx.addInitScript(() => localStorage.setItem('empiria.language', 'pl'));
      return ctx;
    };

    let ewa!: Page;
    const ewaOn = await newCanvasConnection(async () => {
      ewa = await joinBoard(await context(), board.invites.facilitator, { name: 'Ewa Nowak', city: 'Łódź' });
    });
    let anna!: Page;
    let annaOn = await newCanvasConnection(async () => {
      anna = await joinBoard(await context(), board.invites.participant, {
        name: 'Anna Kowalska',
        city: 'Lublin',
      });
    });
    // nginx deals connections round robin: open Anna's board again until another process serves it.
    for (let attempt = 0; annaOn.server === ewaOn.server; attempt++) {
      if (attempt === 8) throw new Error('nginx sent every canvas connection to one process');
      annaOn = await newCanvasConnection(async () => {
        await anna.reload();
        await waitForBoard(anna);
      });
    }
    expect(annaOn.person).not.toBe(ewaOn.person);

    // Typed as a person types, on one process; seen on the other's screen.
    await writeNoteAt(anna, await viewPoint(anna, -200, -100), 'Wspólny bilet metropolitalny');
    await seesNote(ewa, 'Wspólny bilet metropolitalny');
    // Left of the middle: the facilitator's panel covers the right of her window.
    await writeNoteAt(ewa, await viewPoint(ewa, -420, 150), 'Strefy czystego transportu — Łódź');
    await seesNote(anna, 'Strefy czystego transportu — Łódź');

    // Anna writes, and the process serving her dies at once: no graceful close, nothing flushed.
    const lastWords = await pagePointAt(anna, -200, 120);
    await makeNote(anna, 'shape:cluster-last-words', 'Rowery miejskie zimą', lastWords.x, lastWords.y);
    await annaOn.server.kill();
    const survivor = servers.find((server) => server !== annaOn.server)!;

    // Her page finds the other process through the proxy, and sends what the dead one may not have kept.
    await waitForBoard(anna);
    await seesNote(ewa, 'Rowery miejskie zimą');
    await writeNoteAt(anna, await viewPoint(anna, 150, 120), 'Parkingi P+R przy dworcach');
    await seesNote(ewa, 'Parkingi P+R przy dworcach');

    // The killed process comes back; Jan, joining late on whichever process nginx picks, sees it all.
    const revived = await annaOn.server.restart({ env });
    servers.splice(servers.indexOf(annaOn.server), 1, revived);
    const jan = await joinBoard(await context(), board.invites.participant, {
      name: 'Jan Wiśniewski',
      city: 'Gdańsk',
    });
    for (const text of [
      'Wspólny bilet metropolitalny',
      'Strefy czystego transportu — Łódź',
      'Rowery miejskie zimą',
      'Parkingi P+R przy dworcach',
    ]) {
      for (const [who, page] of [
        ['Jan', jan],
        ['Ewa', ewa],
      ] as const) {
        try {
          await seesNote(page, text);
        } catch (err) {
          // Seen failing rarely (2 runs in 16, under load): keep what the screen and the servers said.
          await screenshot(page, `cluster-missing-note-${who}`);
          const state = await page.evaluate(() => ({
            status: window.__empiria!.connectionStatus(),
            shapes: window.__empiria!.recordIds().filter((key) => key.startsWith('shape:')).length,
            camera: window.__empiria!.editor.getCamera(),
          }));
          console.error(`${who} does not see "${text}":`, JSON.stringify(state));
          for (const server of servers) server.dumpLogs(`${who} does not see "${text}"`);
          throw err;
        }
      }
    }
    // And who is here, whichever process each came through.
    for (const name of ['Ewa Nowak', 'Anna Kowalska']) {
      await jan.getByTestId('people-panel').getByText(name, { exact: true }).waitFor({ timeout: 10_000 });
    }
    await screenshot(jan, 'cluster-late-joiner-pl');
    expect(survivor.exitCode()).toBeUndefined();

    // The notes are in PostgreSQL: the document read from the database alone holds them.
    const pool = await openPostgresPool(database.url, createMemoryLogger());
    const store = new PostgresDocumentStore(pool, { ownsPool: true });
    try {
      const stored = await store.load(`${board.id}/canvas`);
      const doc = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
      const content = JSON.stringify([...canvasRecords(doc).map.values()]);
      for (const text of [
        'Wspólny bilet metropolitalny',
        'Rowery miejskie zimą',
        'Parkingi P+R przy dworcach',
      ]) {
        expect(content).toContain(text);
      }
      // So are the board and its people, joined through either process: every table is there, and
      // the processes' shared DATA_DIR has no SQLite file at all.
      const people = await pool.query<{ name: string; city: string }>(
        'SELECT name, city FROM people WHERE board_id = $1 ORDER BY name',
        [board.id],
      );
      expect(people.rows).toEqual([
        { name: 'Anna Kowalska', city: 'Lublin' },
        { name: 'Ewa Nowak', city: 'Łódź' },
        { name: 'Jan Wiśniewski', city: 'Gdańsk' },
      ]);
      const boards = await pool.query<{ title: string }>('SELECT title FROM boards WHERE id = $1', [
        board.id,
      ]);
      expect(boards.rows).toEqual([{ title: 'Sieć Mobilność — spotkanie kwartalne' }]);
      expect(fs.existsSync(path.join(survivor.dataDir, 'empiria.sqlite'))).toBe(false);
    } finally {
      await store.close();
    }
  });
});
