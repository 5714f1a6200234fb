/**
 * What the client benchmark measures inside a page, and how it reads the renderer's CPU.
 *
 * `installProbe` runs before the page's own scripts (an init script) and records, on the page's
 * clock (ms since navigation start):
 *   - `data`: when the largest websocket message arrived (the canvas's initial sync), before the
 *     page's own handler decodes it;
 *   - `connected` / `connectedFrame`: when the status badge first says "connected", and the
 *     first frame after it (when a person can see it);
 *   - `ready` / `painted`: when the editor holds every note (and, on the product, the badge says
 *     "connected"), and the second frame after it: painted and usable.
 * Checks run on a 20 ms timer, the same on both pages, and the badge's `data-status` is observed;
 * no observer watches the canvas itself.
 *
 * CPU is the renderer main thread's task time from CDP `Performance.getMetrics`, in thread time
 * (`timeDomain: threadTicks`): time the thread ran, not time it waited for a core, which is the
 * figure that stays put on a machine other processes share.
 */
import type { CDPSession, Page } from 'playwright-core';

export type PageKind = 'product' | 'plain';

export interface ProbeOptions {
  kind: PageKind;
  /** Shapes of the current page the editor must hold to count as ready (notes + template). */
  expectedShapes: number;
}

export interface ProbeMarks {
  data?: number;
  connected?: number;
  connectedFrame?: number;
  ready?: number;
  painted?: number;
}

declare global {
  interface Window {
    __bench?: { marks: ProbeMarks; largest: number };
  }
}

/** The init script. Self-contained: it is serialised into the page. */
export function installProbe({ kind, expectedShapes }: ProbeOptions): void {
  const bench = { marks: {} as ProbeMarks, largest: 0 };
  window.__bench = bench;
  const frame = (then: () => void) => requestAnimationFrame(() => then());

  const Native = window.WebSocket;
  class TimedWebSocket extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      // Added before the page sets `onmessage`, so it runs first: the arrival, not the decode.
      this.addEventListener('message', (event: MessageEvent) => {
        const data = event.data as ArrayBuffer | Blob | string;
        const size =
          data instanceof ArrayBuffer ? data.byteLength : data instanceof Blob ? data.size : data.length;
        if (size > bench.largest) {
          bench.largest = size;
          bench.marks.data = performance.now();
        }
      });
    }
  }
  window.WebSocket = TimedWebSocket;

  type EditorLike = { getCurrentPageShapeIds(): Set<unknown> };
  const editorOf = (): EditorLike | undefined =>
    (kind === 'product'
      ? (window as unknown as { __empiria?: { editor: EditorLike } }).__empiria?.editor
      : (window as unknown as { __plain?: { editor: EditorLike } }).__plain?.editor) ?? undefined;

  const noteConnected = () => {
    if (bench.marks.connected !== undefined) return;
    if (!document.querySelector('[data-testid="connection-status"][data-status="connected"]')) return;
    bench.marks.connected = performance.now();
    frame(() => (bench.marks.connectedFrame = performance.now()));
  };
  if (kind === 'product') {
    // The badge's change is seen as it happens (a 20 ms timer would see it late, and its frame
    // after any long task that follows): an observer of that one attribute (a few elements of
    // the board's panels carry it too; the canvas does not).
    const observer = new MutationObserver(() => {
      noteConnected();
      if (bench.marks.connected !== undefined) observer.disconnect();
    });
    observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-status'] });
  }

  const timer = setInterval(() => {
    const { marks } = bench;
    if (kind === 'product') noteConnected();
    if (marks.ready !== undefined) return;
    const editor = editorOf();
    if (!editor || editor.getCurrentPageShapeIds().size < expectedShapes) return;
    if (kind === 'product' && marks.connected === undefined) return;
    marks.ready = performance.now();
    clearInterval(timer);
    frame(() => frame(() => (marks.painted = performance.now())));
  }, 20);
}

export interface CpuMetrics {
  /** Main-thread task time, ms (thread time). */
  task: number;
  script: number;
  layout: number;
  style: number;
  heapMiB: number;
}

export async function readCpu(cdp: CDPSession): Promise<CpuMetrics> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return {
    task: value('TaskDuration') * 1000,
    script: value('ScriptDuration') * 1000,
    layout: value('LayoutDuration') * 1000,
    style: value('RecalcStyleDuration') * 1000,
    heapMiB: value('JSHeapUsedSize') / 1024 / 1024,
  };
}

export async function startCpu(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return cdp;
}

/** Polls the probe's marks until `painted`, failing after the deadline. */
export async function waitForPainted(page: Page, timeoutMs: number): Promise<ProbeMarks> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const marks = await page.evaluate(() => window.__bench?.marks ?? {});
    if (marks.painted !== undefined) return marks;
    if (Date.now() > deadline) {
      throw new Error(`not painted within ${timeoutMs} ms (marks so far: ${JSON.stringify(marks)})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Waits until the main thread goes quiet (less than `quietMs` of task time in a `windowMs`
 * window) and returns the metrics then: the work a page does right after its first paint
 * (deferred measuring, fonts, effects) is part of opening it.
 */
export async function waitForQuiet(
  cdp: CDPSession,
  { windowMs = 500, quietMs = 15, timeoutMs = 30_000 } = {},
): Promise<CpuMetrics> {
  const deadline = Date.now() + timeoutMs;
  let last = await readCpu(cdp);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const now = await readCpu(cdp);
    if (now.task - last.task < quietMs || Date.now() > deadline) return now;
    last = now;
  }
}

export interface Camera {
  x: number;
  y: number;
  z: number;
}

export interface PanResult {
  frames: number;
  /** Frames per second while panning. */
  fps: number;
  /** Main-thread task time per frame, ms, and of it script, layout and style recalculation. */
  cpuPerFrame: number;
  scriptPerFrame: number;
  layoutPerFrame: number;
  stylePerFrame: number;
  /** The camera the sweep started from. */
  camera: Camera;
}

/**
 * Moves the camera to `from` (or zooms out to the whole board when null), lets it settle, then
 * moves it through the editor on every animation frame for `frames` frames (a back-and-forth
 * sweep of 600 screen px), as a drag-pan would: fps from the frames' timestamps, CPU per frame
 * from the thread's task time. Both pages start from the product's camera, so they draw the same.
 */
export async function measurePan(
  page: Page,
  cdp: CDPSession,
  kind: PageKind,
  frames: number,
  from: Camera | null,
): Promise<PanResult> {
  const camera = await page.evaluate(
    ({ kind, from }) => {
      const editor = (
        kind === 'product'
          ? (window as unknown as { __empiria: { editor: unknown } }).__empiria.editor
          : (window as unknown as { __plain: { editor: unknown } }).__plain.editor
      ) as { zoomToFit(): void; setCamera(camera: Camera): void; getCamera(): Camera };
      if (from) editor.setCamera(from);
      else editor.zoomToFit();
      const { x, y, z } = editor.getCamera();
      return { x, y, z };
    },
    { kind, from },
  );
  await waitForQuiet(cdp, { windowMs: 300, quietMs: 10, timeoutMs: 15_000 });
  const before = await readCpu(cdp);
  const elapsed = await page.evaluate(
    ({ kind, frames, start }) =>
      new Promise<number>((resolve) => {
        const editor = (
          kind === 'product'
            ? (window as unknown as { __empiria: { editor: unknown } }).__empiria.editor
            : (window as unknown as { __plain: { editor: unknown } }).__plain.editor
        ) as { setCamera(camera: Camera): void };
        let i = 0;
        let first = 0;
        const step = (time: number) => {
          if (i === 0) first = time;
          if (i === frames) {
            editor.setCamera(start);
            resolve(time - first);
            return;
          }
          // One sweep of 600 screen px and back every 120 frames.
          const dx = (300 * Math.sin((2 * Math.PI * i) / 120)) / start.z;
          editor.setCamera({ x: start.x + dx, y: start.y, z: start.z });
          i++;
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
    { kind, frames, start: camera },
  );
  const after = await readCpu(cdp);
  return {
    frames,
    fps: (frames / elapsed) * 1000,
    cpuPerFrame: (after.task - before.task) / frames,
    scriptPerFrame: (after.script - before.script) / frames,
    layoutPerFrame: (after.layout - before.layout) / frames,
    stylePerFrame: (after.style - before.style) / frames,
    camera,
  };
}
