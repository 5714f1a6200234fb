/**
 * Where opening a board spends its time: seeds one board like `pnpm bench:client`, opens the
 * product's board page once under V8's sampling profiler, and prints the functions with the most
 * self time and the named functions' total time. The profile goes to
 * test/artifacts/open-<notes>.cpuprofile (Chrome's devtools open it).
 *
 *   pnpm tsx test/bench/client/profile-open.ts [--notes 5000] [--top 40]
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
    await tab.goto(`${server.baseUrl}/b/${seeded.boardId}`);
    const marks = await waitForPainted(tab, 300_000);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
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
