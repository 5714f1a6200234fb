/**
 * What a CPU profile says, within a window of time (the writing phase of `pnpm bench --profile`,
 * a board's opening from bench:client's `--profile-pan` or profile-open.ts):
 *
 *   pnpm bench:profile FILE.cpuprofile                      # busy ms per second: find the window
 *   pnpm bench:profile FILE --from 3 --to 13 --self 40      # functions by self time in the window
 *   pnpm bench:profile FILE --from 3 --to 13 --inclusive 40 # …by inclusive time
 *   pnpm bench:profile FILE --from 3 --to 13 --tree 5       # the call tree, nodes of 5 ms and more
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { busyPerSecond, callTree, functionTimes, parseCpuProfile } from './cpu-profile';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    from: { type: 'string', default: '0' },
    to: { type: 'string', default: 'Infinity' },
    self: { type: 'string' },
    inclusive: { type: 'string' },
    tree: { type: 'string' },
  },
});

const file = positionals[0];
if (!file) {
  console.error(
    'usage: pnpm bench:profile FILE.cpuprofile [--from S] [--to S] [--self N | --inclusive N | --tree MIN_MS]',
  );
  process.exit(2);
}
const profile = parseCpuProfile(JSON.parse(readFileSync(file, 'utf8')));
const from = Number(args.from);
const to = Number(args.to);
const ms = (value: number) => value.toFixed(1).padStart(8);

if (args.tree !== undefined) {
  for (const line of callTree(profile, from, to, Number(args.tree))) {
    const self = line.selfMs >= 1 ? ` [self ${line.selfMs.toFixed(1)}]` : '';
    console.log(`${' '.repeat(line.depth)}${line.ms.toFixed(1)} ${line.label}${self}`);
  }
} else if (args.self !== undefined || args.inclusive !== undefined) {
  const mode = args.self !== undefined ? 'self' : 'inclusive';
  const { busyMs, functions } = functionTimes(profile, mode, from, to);
  console.log(`busy ${busyMs.toFixed(0)} ms in the window; by ${mode} time:`);
  for (const entry of functions.slice(0, Number(args.self ?? args.inclusive)))
    console.log(`${ms(entry.ms)} ${entry.label}`);
} else {
  console.log('second  busy ms');
  busyPerSecond(profile).forEach((busy, second) => console.log(`${String(second).padStart(6)} ${ms(busy)}`));
}
