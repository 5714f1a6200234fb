/**
 * Where opening a board spends its time: seeds one board like `pnpm bench:client`, opens the
 * product's board page once under V8's sampling profiler, and prints the functions with the most
 * self time and the named functions' total time. The profile goes to
 * test/artifacts/open-<notes>.cpuprofile (Chrome's devtools open it).
 *
 *   pnpm tsx test/bench/client/profile-open.ts [--notes 5000] [--top 40] [--trace]
 *     [--total measureNoteLabelSize,generateHTML,getSchema,…]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ARTIFACTS_DIR, launchBrowser } from '../../support/browser';
import { startServer } from '../../support/server-process';
import { installProbe, waitForPainted } from './page-probe';
import { seedBoard } from './seed-board';

const { values: args } = parseArgs({
  options: {
    notes: { type: 'string', default: '5000' },
    top: { type: 'string', default: '40' },
    /** Also record Chrome's trace and print the main thread's time by event (Layout, Paint, …). */
    trace: { type: 'boolean', default: false },
    total: {
      type: 'string',
      default:
        'measureNoteLabelSize,generateHTML,getSchema,measureHtml,applyUpdateV2,loadDocumentIntoStore,NoteLabels,renderHtmlFromRichText,put',
    },
  },
});
const notes = Number.parseInt(args.notes, 10);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (name + file), and total time of named functions (ms). */
function summarise(profile: Profile, totals: string[]) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>(totals.map((name) => [name, 0]));
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${path.basename(url)}:${lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)?.callFrame.functionName ?? '';
      if (total.has(name) && !seen.has(name)) {
        seen.add(name);
        total.set(name, (total.get(name) ?? 0) + ms);
      }
    }
  });
  return { self: [...self].sort((a, b) => b[1] - a[1]), total: [...total] };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { frame?: string } };
}

/** Time per event name on the renderer's main thread, from navigation until `untilMs` after it. */
function mainThreadTime(events: TraceEvent[], untilMs: number): Array<[string, number]> {
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const busiest = (thread: TraceEvent) =>
    events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X').length;
  const main = mains.sort((a, b) => busiest(b) - busiest(a))[0];
  const start = events.filter((e) => e.name === 'navigationStart').at(-1)?.ts;
  const totals = new Map<string, number>();
  for (const e of events) {
    if (!main || e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || !e.dur) continue;
    if (start !== undefined && (e.ts - start) / 1000 > untilMs) continue;
    totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur / 1000);
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

async function main(): Promise<void> {
  const server = await startServer({ startTimeoutMs: 60_000 });
  const browser = await launchBrowser();
  try {
    const seeded = await seedBoard(server, { format: 'format-2', notes, title: `Profil: ${notes}` });
    const shapes = seeded.records.filter((r) => r.typeName === 'shape').length;
    const context = await browser.newContext();
    await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
    await context.addInitScript(
      ([key, value]) => {
        if (location.protocol.startsWith('http')) localStorage.setItem(key, value);
      },
      [`empiria.session.${seeded.boardId}`, JSON.stringify(seeded.session)] as const,
    );
    await context.addInitScript(installProbe, { kind: 'product' as const, expectedShapes: shapes });
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const events: TraceEvent[] = [];
    if (args.trace) {
      // The board's origin first: a cross-site navigation would move the page to a new renderer
      // process, out of the trace's main thread.
      await tab.goto(`${server.baseUrl}/healthz`);
      cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
      await cdp.send('Tracing.start', {
        categories: 'devtools.timeline,v8.execute,disabled-by-default-devtools.timeline',
        transferMode: 'ReportEvents',
      });
    }
    await tab.goto(`${server.baseUrl}/b/${seeded.boardId}`);
    const marks = await waitForPainted(tab, 300_000);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    if (args.trace) {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      console.log(`main thread by trace event, to painted (ms, nested events counted in each):`);
      for (const [name, ms] of mainThreadTime(events, marks.painted ?? Infinity).slice(0, 25)) {
        console.log(`  ${ms.toFixed(0).padStart(7)}  ${name}`);
      }
    }
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const file = path.join(ARTIFACTS_DIR, `open-${notes}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(`marks (ms since navigation): ${JSON.stringify(marks)}`);
    const { self, total } = summarise(profile, args.total.split(','));
    console.log(`\ntotal time of named functions (ms):`);
    for (const [name, ms] of total) console.log(`  ${ms.toFixed(0).padStart(7)}  ${name}`);
    console.log(`\ntop self time (ms):`);
    for (const [key, ms] of self.slice(0, Number.parseInt(args.top, 10))) {
      console.log(`  ${ms.toFixed(0).padStart(7)}  ${key}`);
    }
    console.log(`\nwritten ${file}`);
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
