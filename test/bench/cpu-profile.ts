/**
 * Reading a V8 CPU profile (`.cpuprofile`, what `pnpm bench --profile` and Chrome write) within a
 * window of time: busy milliseconds per second, the functions by self or inclusive time, and the
 * call tree. Pure: the report script (profile-report.ts) reads the file and prints.
 */
import { z } from 'zod';

const callFrameSchema = z.object({
  functionName: z.string(),
  url: z.string(),
  lineNumber: z.number(),
});

const profileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: callFrameSchema,
      children: z.array(z.number()).optional(),
    }),
  ),
  startTime: z.number(),
  endTime: z.number(),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});

export type CpuProfile = z.infer<typeof profileSchema>;
type ProfileNode = CpuProfile['nodes'][number];

export function parseCpuProfile(json: unknown): CpuProfile {
  return profileSchema.parse(json);
}

/** Time not spent running anything: left out of every figure. */
const IDLE = '(idle)';

/** `name file:line` (1-based), with the path shortened to what tells files apart. */
export function frameLabel(frame: ProfileNode['callFrame']): string {
  // Native code and V8's own entries ("(program)", "(garbage collector)") have no file.
  if (!frame.url) return frame.functionName;
  const file = frame.url
    .replace(/.*node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '')
    .replace(/^.*?\/(client|server|shared|formats|test)\//, '$1/')
    .replace(/^https?:\/\/[^/]+\//, '');
  return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
}

/** The profile's samples as (node id, ms, seconds since the start) over [fromS, toS). */
function samplesIn(profile: CpuProfile, fromS: number, toS: number): Map<number, number> {
  const msByNode = new Map<number, number>();
  let at = 0;
  profile.samples.forEach((node, i) => {
    at += profile.timeDeltas[i] ?? 0;
    const seconds = at / 1e6;
    if (seconds < fromS || seconds >= toS) return;
    // A sample stands for the time until the next one.
    const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    msByNode.set(node, (msByNode.get(node) ?? 0) + ms);
  });
  return msByNode;
}

/** Busy (not idle) milliseconds in each whole second of the profile. */
export function busyPerSecond(profile: CpuProfile): number[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const seconds: number[] = [];
  let at = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (byId.get(id)?.callFrame.functionName === IDLE) return;
    const second = Math.floor(at / 1e6);
    while (seconds.length <= second) seconds.push(0);
    seconds[second] =
      (seconds[second] ?? 0) + (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
  });
  return seconds;
}

export interface FunctionTime {
  label: string;
  ms: number;
}

/**
 * Functions by time within [fromS, toS): `self` counts a sample for the function running, and
 * `inclusive` for it and every caller (once per function, however deep it recurses).
 */
export function functionTimes(
  profile: CpuProfile,
  mode: 'self' | 'inclusive',
  fromS = 0,
  toS = Infinity,
): { busyMs: number; functions: FunctionTime[] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const totals = new Map<string, number>();
  let busyMs = 0;
  for (const [id, ms] of samplesIn(profile, fromS, toS)) {
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === IDLE) continue;
    busyMs += ms;
    if (mode === 'self') {
      const label = frameLabel(node.callFrame);
      totals.set(label, (totals.get(label) ?? 0) + ms);
      continue;
    }
    const counted = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame || frame.functionName === '(root)') continue;
      const label = frameLabel(frame);
      if (counted.has(label)) continue;
      counted.add(label);
      totals.set(label, (totals.get(label) ?? 0) + ms);
    }
  }
  const functions = [...totals]
    .map(([label, ms]) => ({ label, ms }))
    .sort((a, b) => b.ms - a.ms || a.label.localeCompare(b.label));
  return { busyMs, functions };
}

export interface TreeLine {
  depth: number;
  label: string;
  /** This node and everything it called. */
  ms: number;
  selfMs: number;
}

/** The call tree within [fromS, toS), top-down, without nodes under `minMs` or idle. */
export function callTree(
  profile: CpuProfile,
  fromS = 0,
  toS = Infinity,
  minMs = 5,
  maxDepth = 60,
): TreeLine[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = samplesIn(profile, fromS, toS);
  const inclusive = new Map<number, number>();
  const total = (node: ProfileNode): number => {
    const known = inclusive.get(node.id);
    if (known !== undefined) return known;
    let ms = node.callFrame.functionName === IDLE ? 0 : (self.get(node.id) ?? 0);
    for (const child of node.children ?? []) {
      const childNode = byId.get(child);
      if (childNode) ms += total(childNode);
    }
    inclusive.set(node.id, ms);
    return ms;
  };
  const lines: TreeLine[] = [];
  const walk = (node: ProfileNode, depth: number) => {
    if (depth > maxDepth) return;
    const children = (node.children ?? [])
      .map((id) => byId.get(id))
      .filter((child): child is ProfileNode => child !== undefined && total(child) >= minMs)
      .sort((a, b) => total(b) - total(a));
    for (const child of children) {
      lines.push({
        depth,
        label: frameLabel(child.callFrame),
        ms: total(child),
        selfMs: self.get(child.id) ?? 0,
      });
      walk(child, depth + 1);
    }
  };
  const root = profile.nodes[0];
  if (root) walk(root, 0);
  return lines;
}
