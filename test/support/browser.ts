/**
 * Debian's Chromium driven by playwright-core (no `playwright install` on these machines).
 *
 *   const browser = await launchBrowser();
 *   const alice = await browser.newContext();          // one context per person: no shared storage
 *   const page = await alice.newPage();
 *   await page.goto(inviteUrl);
 *   alice.assertNoForeignRequests(server.baseUrl);     // nothing left the app's origin
 *   await screenshot(page, 'board-joined');            // test/artifacts/board-joined.png
 *   await browser.close();
 *
 * `launch()` gives the browser a fresh temporary profile (--user-data-dir) and removes it on close.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { REPO_ROOT } from './server-process';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test/artifacts');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface RecordedRequest {
  url: string;
  method: string;
  kind: string;
}

export interface ContextRecording {
  /** Every request the context's pages and workers made, websockets included, in order. */
  requests(): RecordedRequest[];
  /** Console errors and uncaught page errors, for a failing test's message. */
  pageErrors(): string[];
  /** Throws, listing them, when any request went to another origin than `origin` (data:/blob: are fine). */
  assertNoForeignRequests(origin: string): void;
}

export type RecordedContext = BrowserContext & ContextRecording;

export interface BrowserHandle {
  browser: Browser;
  /** A new, isolated context (its own cookies and storage) that records its requests. */
  newContext(options?: BrowserContextOptions): Promise<RecordedContext>;
  /** The same check over every context opened so far. */
  assertNoForeignRequests(origin: string): void;
  close(): Promise<void>;
}

const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:', 'chrome-error:']);

/** The requests among `requests` that went anywhere but `origin`. */
export function foreignRequests(requests: RecordedRequest[], origin: string): RecordedRequest[] {
  const allowed = new URL(origin);
  return requests.filter((request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return true;
    }
    if (LOCAL_SCHEMES.has(url.protocol)) return false;
    const scheme = url.protocol === 'ws:' ? 'http:' : url.protocol === 'wss:' ? 'https:' : url.protocol;
    return scheme !== allowed.protocol || url.host !== allowed.host;
  });
}

function failForeign(requests: RecordedRequest[], origin: string): void {
  const foreign = foreignRequests(requests, origin);
  if (foreign.length === 0) return;
  const list = foreign.map((r) => `  ${r.method} ${r.url} (${r.kind})`).join('\n');
  throw new Error(`${foreign.length} request(s) left ${new URL(origin).origin}:\n${list}`);
}

function record(context: BrowserContext): RecordedContext {
  const requests: RecordedRequest[] = [];
  const errors: string[] = [];
  context.on('request', (request) => {
    requests.push({ url: request.url(), method: request.method(), kind: request.resourceType() });
  });
  const watchPage = (page: Page) => {
    page.on('websocket', (socket) => requests.push({ url: socket.url(), method: 'GET', kind: 'websocket' }));
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
    });
  };
  context.on('page', watchPage);
  for (const page of context.pages()) watchPage(page);

  return Object.assign(context, {
    requests: () => [...requests],
    pageErrors: () => [...errors],
    assertNoForeignRequests: (origin: string) => failForeign(requests, origin),
  });
}

export async function launchBrowser(options: { slowMo?: number } = {}): Promise<BrowserHandle> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
    ...options,
  });
  const contexts: RecordedContext[] = [];
  return {
    browser,
    async newContext(contextOptions = {}) {
      const context = record(
        // A Polish city hall's browser unless a test says otherwise: the app starts in the
        // browser's language when the person has not chosen one.
        await browser.newContext({
          viewport: { width: 1280, height: 800 },
          locale: 'pl-PL',
          ...contextOptions,
        }),
      );
      contexts.push(context);
      return context;
    },
    assertNoForeignRequests(origin) {
      failForeign(
        contexts.flatMap((context) => context.requests()),
        origin,
      );
    },
    async close() {
      await browser.close();
    },
  };
}

/** Saves a full-page PNG to test/artifacts/<name>.png (a folder git ignores); returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const safe = name.replace(/[^\w.-]+/g, '-');
  const file = path.join(ARTIFACTS_DIR, `${safe}.png`);
  await mkdir(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
