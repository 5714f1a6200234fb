/**
 * `pnpm bench:client`: opening and panning a big board in headless Chromium, the product's board
 * page beside a minimal plain-tldraw page of the same tldraw version with the same records.
 *
 * Starts the built server (server/dist/main.js and client/dist; `pnpm build` first), builds the
 * plain page with vite (test/bench/client/plain), and for each size makes a board of the format
 * with that many notes through the server (seed-board.ts). Then, in alternating rounds (product,
 * plain, product, plain…), each in a fresh browser context (nothing cached in IndexedDB):
 *   - product: a participant's board page (the session in localStorage, as after joining);
 *   - plain: the plain page, fetching the same records as JSON, the camera where the product's
 *     opened;
 * and measures, per page (page-probe.ts): the renderer main thread's CPU to "painted and usable"
 * and until it goes quiet, wall time to painted, when the initial sync arrived and the badge said
 * "connected" (product), and panning zoomed out to the whole board: CPU per frame and fps.
 * Prints the load average and a table of medians; writes everything to test/artifacts/.
 *
 *   pnpm bench:client [--sizes 500,2000,5000] [--rounds 3] [--format format-2]
 *                     [--pan-frames 120] [--json test/artifacts/bench-client.json]
 *
 * The machine is shared: compare ratios within one run, never absolute figures across runs.
 */
import { createServer, type Server } from 'node:http';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { boardFormatSchema, type JoinResponse } from '@empiria/shared';
import { launchBrowser, type BrowserHandle } from '../../support/browser';
import { REPO_ROOT, startServer, type ServerHandle } from '../../support/server-process';
import {
  installProbe,
  measurePan,
  readCpu,
  startCpu,
  waitForPainted,
  waitForQuiet,
  type Camera,
  type PageKind,
  type PanResult,
} from './page-probe';
import { seedBoard, type SeededBoard } from './seed-board';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '500,2000,5000' },
    rounds: { type: 'string', default: '3' },
    format: { type: 'string', default: 'format-2' },
    'pan-frames': { type: 'string', default: '120' },
    /** A directory for a CPU profile of each pan (Chrome's devtools open them); slows the pans. */
    'profile-pan': { type: 'string' },
    json: { type: 'string', default: path.join(REPO_ROOT, 'test/artifacts/bench-client.json') },
  },
});

const sizes = args.sizes.split(',').map((n) => Number.parseInt(n, 10));
const rounds = Number.parseInt(args.rounds, 10);
const panFrames = Number.parseInt(args['pan-frames'], 10);
const format = boardFormatSchema.safeParse(args.format);
if (sizes.some((n) => !(n > 0)) || !(rounds > 0) || !(panFrames > 0) || !format.success) {
  console.error(
    'usage: pnpm bench:client [--sizes 500,2000,5000] [--rounds 3] [--format format-2] [--pan-frames 120]\n' +
      '                         [--profile-pan DIR]',
  );
  process.exit(2);
}

/** Narrowed once here: a closure would not keep the narrowing of `format`. */
const boardFormat = format.data;

const PLAIN_DIR = path.join(REPO_ROOT, 'node_modules/.cache/bench-client-plain');
const OPEN_TIMEOUT_MS = 180_000;

interface Round {
  kind: PageKind;
  round: number;
  load: number[];
  /** Main-thread CPU (ms) to painted, and until quiet; with the quiet figure's breakdown. */
  cpuPainted: number;
  cpuQuiet: number;
  scriptQuiet: number;
  layoutQuiet: number;
  styleQuiet: number;
  heapMiB: number;
  /** Page clock, ms since navigation. */
  wallPainted: number;
  dataIn: number | null;
  connected: number | null;
  connectedFrame: number | null;
  pan: PanResult;
}

function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const load = () => os.loadavg().map((v) => Math.round(v * 100) / 100);

async function buildPlainPage(): Promise<void> {
  await build({
    configFile: path.join(REPO_ROOT, 'test/bench/client/plain/vite.config.ts'),
    logLevel: 'error',
  });
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Serves the built plain page and `board.json` (whatever `board()` says now) on 127.0.0.1. */
async function servePlainPage(board: () => string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (pathname === '/board.json') {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(board());
      return;
    }
    const file = path.join(PLAIN_DIR, pathname === '/' ? 'index.html' : pathname);
    if (!file.startsWith(PLAIN_DIR + path.sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('the plain page server has no port');
  return { url: `http://127.0.0.1:${address.port}/`, server };
}

async function openOnce(
  browser: BrowserHandle,
  kind: PageKind,
  url: string,
  expectedShapes: number,
  session: JoinResponse | null,
  round: number,
  panFrom: Camera | null,
): Promise<{ result: Round; opened: Opened }> {
  const context = await browser.newContext();
  try {
    // tsx (esbuild, keepNames) wraps named functions in `__name(…)`; the functions this script
    // hands the page need the helper there too.
    await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
    if (session) {
      await context.addInitScript(
        ([key, value]) => {
          // about:blank has no storage of its own: only the board's origin gets the session.
          if (location.protocol.startsWith('http')) localStorage.setItem(key, value);
        },
        [`empiria.session.${session.board.id}`, JSON.stringify(session)] as const,
      );
    }
    await context.addInitScript(installProbe, { kind, expectedShapes });
    const page = await context.newPage();
    const cdp = await startCpu(page);
    const loadBefore = load();
    await page.goto(url);
    const marks = await waitForPainted(page, OPEN_TIMEOUT_MS);
    const atPainted = await readCpu(cdp);
    const quiet = await waitForQuiet(cdp);
    const opened = await page.evaluate((kind) => {
      const editor = (
        kind === 'product'
          ? (window as unknown as { __empiria: { editor: unknown } }).__empiria.editor
          : (window as unknown as { __plain: { editor: unknown } }).__plain.editor
      ) as { getCamera(): Camera; getViewportScreenBounds(): { w: number; h: number } };
      const { x, y, z } = editor.getCamera();
      const { w, h } = editor.getViewportScreenBounds();
      return { camera: { x, y, z }, viewport: { w, h } };
    }, kind);
    if (args['profile-pan']) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    const pan = await measurePan(page, cdp, kind, panFrames, panFrom);
    if (args['profile-pan']) {
      const { profile } = await cdp.send('Profiler.stop');
      mkdirSync(args['profile-pan'], { recursive: true });
      const file = path.join(args['profile-pan'], `pan-${kind}-${expectedShapes}-r${round}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
    }
    // A board without a network has no surveys: the product's 404 for them is expected.
    const errors = context.pageErrors().filter((error) => !error.includes('Failed to load resource'));
    if (errors.length > 0)
      console.warn(`  ${kind} round ${round}: page errors:\n    ${errors.join('\n    ')}`);
    return {
      opened: { ...opened, panCamera: pan.camera },
      result: {
        kind,
        round,
        load: loadBefore,
        cpuPainted: atPainted.task,
        cpuQuiet: quiet.task,
        scriptQuiet: quiet.script,
        layoutQuiet: quiet.layout,
        styleQuiet: quiet.style,
        heapMiB: quiet.heapMiB,
        wallPainted: marks.painted ?? NaN,
        dataIn: marks.data ?? null,
        connected: marks.connected ?? null,
        connectedFrame: marks.connectedFrame ?? null,
        pan,
      },
    };
  } finally {
    // A close that fails (a browser struggling with a huge page) must not hide the error before it.
    await context
      .close()
      .catch((error: unknown) => console.warn(`  closing the ${kind} page failed: ${String(error)}`));
  }
}

/** Where a page's camera opened, its canvas's size and where the pan started. */
interface Opened {
  camera: Camera;
  viewport: { w: number; h: number };
  panCamera: Camera;
}

interface SizeReport {
  notes: number;
  shapes: number;
  rounds: Round[];
  medians: Record<PageKind, Record<string, number>>;
}

function summarise(rows: Round[], kind: PageKind): Record<string, number> {
  const of = rows.filter((r) => r.kind === kind);
  const pick = (f: (r: Round) => number | null) => median(of.map((r) => f(r) ?? NaN));
  return {
    cpuPainted: pick((r) => r.cpuPainted),
    cpuQuiet: pick((r) => r.cpuQuiet),
    scriptQuiet: pick((r) => r.scriptQuiet),
    layoutQuiet: pick((r) => r.layoutQuiet),
    styleQuiet: pick((r) => r.styleQuiet),
    wallPainted: pick((r) => r.wallPainted),
    dataIn: pick((r) => r.dataIn),
    connectedFrame: pick((r) => r.connectedFrame),
    panCpuPerFrame: pick((r) => r.pan.cpuPerFrame),
    panFps: pick((r) => r.pan.fps),
    heapMiB: pick((r) => r.heapMiB),
  };
}

function fmt(value: number, digits = 0): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}

function printTable(reports: SizeReport[]): void {
  const header = [
    'notes',
    'page',
    'CPU painted ms',
    'CPU quiet ms',
    'wall painted ms',
    'data in ms',
    '"connected" ms',
    'pan CPU/frame ms',
    'pan fps',
  ];
  const lines = [header];
  for (const report of reports) {
    for (const kind of ['product', 'plain'] as const) {
      const m = report.medians[kind];
      lines.push([
        String(report.notes),
        kind,
        fmt(m.cpuPainted as number),
        fmt(m.cpuQuiet as number),
        fmt(m.wallPainted as number),
        kind === 'product' ? fmt(m.dataIn as number) : '',
        kind === 'product' ? fmt(m.connectedFrame as number) : '',
        fmt(m.panCpuPerFrame as number, 1),
        fmt(m.panFps as number, 1),
      ]);
    }
    const p = report.medians.product;
    const q = report.medians.plain;
    const ratio = (a: number | undefined, b: number | undefined, digits = 2) =>
      fmt((a as number) / (b as number), digits);
    lines.push([
      '',
      'product/plain',
      `×${ratio(p.cpuPainted, q.cpuPainted)}`,
      `×${ratio(p.cpuQuiet, q.cpuQuiet)}`,
      `×${ratio(p.wallPainted, q.wallPainted)}`,
      '',
      '',
      `×${ratio(p.panCpuPerFrame, q.panCpuPerFrame)}`,
      `×${ratio(p.panFps, q.panFps)}`,
    ]);
  }
  const widths = header.map((_, i) => Math.max(...lines.map((line) => (line[i] ?? '').length)));
  for (const line of lines) console.log(line.map((cell, i) => cell.padStart(widths[i] as number)).join('  '));
}

async function main(): Promise<void> {
  const cpus = os.cpus();
  console.log(
    `client bench: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, load average ${load().join(' / ')}`,
  );
  console.log(
    `sizes ${sizes.join(', ')} notes on ${boardFormat}, ${rounds} rounds each (product, plain alternating)`,
  );
  console.log('building the plain-tldraw page…');
  await buildPlainPage();

  let server: ServerHandle | null = null;
  let plain: { url: string; server: Server } | null = null;
  let browser: BrowserHandle | null = null;
  let plainBoard = '{"records":[],"camera":null,"viewport":null}';
  const reports: SizeReport[] = [];
  try {
    server = await startServer({ startTimeoutMs: 60_000 });
    plain = await servePlainPage(() => plainBoard);
    browser = await launchBrowser();
    const chromium = browser.browser.version();

    for (const notes of sizes) {
      console.log(`\n${notes} notes: seeding the board through the server…`);
      const seeded: SeededBoard = await seedBoard(server, {
        format: boardFormat,
        notes,
        title: `Benchmark: ${notes} notatek`,
      });
      const shapes = seeded.records.filter((r) => r.typeName === 'shape').length;
      // The product's first round sets where the plain page opens and pans, and its canvas size.
      let product: Opened | null = null;
      const rows: Round[] = [];
      for (let round = 1; round <= rounds; round++) {
        for (const kind of ['product', 'plain'] as const) {
          if (kind === 'plain') {
            plainBoard = JSON.stringify({
              records: seeded.records,
              camera: product?.camera ?? null,
              viewport: product?.viewport ?? null,
            });
          }
          const url = kind === 'product' ? `${server.baseUrl}/b/${seeded.boardId}` : plain.url;
          const opened = await openOnce(
            browser,
            kind,
            url,
            shapes,
            kind === 'product' ? seeded.session : null,
            round,
            kind === 'plain' ? (product?.panCamera ?? null) : null,
          );
          if (kind === 'product') product ??= opened.opened;
          const r = opened.result;
          rows.push(r);
          console.log(
            `  round ${round} ${kind.padEnd(7)} CPU ${fmt(r.cpuPainted)} ms painted, ${fmt(r.cpuQuiet)} ms quiet; ` +
              `wall ${fmt(r.wallPainted)} ms` +
              (kind === 'product'
                ? `; data ${fmt(r.dataIn ?? NaN)} ms, "connected" ${fmt(r.connectedFrame ?? NaN)} ms`
                : '') +
              `; pan ${fmt(r.pan.cpuPerFrame, 1)} ms/frame (script ${fmt(r.pan.scriptPerFrame, 1)}, layout ${fmt(r.pan.layoutPerFrame, 1)}, style ${fmt(r.pan.stylePerFrame, 1)}), ${fmt(r.pan.fps, 1)} fps (z ${fmt(r.pan.camera.z, 3)}); ` +
              `load ${r.load.join('/')}`,
          );
        }
      }
      reports.push({
        notes,
        shapes,
        rounds: rows,
        medians: { product: summarise(rows, 'product'), plain: summarise(rows, 'plain') },
      });
    }

    console.log(`\nmedians of ${rounds} rounds; load average now ${load().join(' / ')}`);
    printTable(reports);
    mkdirSync(path.dirname(args.json), { recursive: true });
    writeFileSync(
      args.json,
      JSON.stringify(
        {
          when: new Date().toISOString(),
          machine: { cpus: cpus.length, model: cpus[0]?.model ?? null, memGiB: os.totalmem() / 2 ** 30 },
          chromium,
          format: boardFormat,
          rounds,
          panFrames,
          loadAfter: load(),
          sizes: reports,
        },
        null,
        2,
      ),
    );
    console.log(`\nwritten ${path.relative(REPO_ROOT, args.json)}`);
  } finally {
    await browser?.close();
    plain?.server.close();
    await server?.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
