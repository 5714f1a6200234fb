// Fails when top-level folders of a source tree import each other round in a circle (docs/client.md:
// the screen imports features, features import the session, never back). File-level cycles are
// madge's own check; this one catches `a/x.ts → b/y.ts` and `b/z.ts → a/w.ts`, which madge passes.
// Usage: node scripts/folder-cycles.mjs client/src
import madge from 'madge';
import { folderCycles } from './folder-graph.mjs';

const root = process.argv[2] ?? 'client/src';
const result = await madge(root, {
  fileExtensions: ['ts', 'tsx'],
  tsConfig: 'tsconfig.base.json',
});
const cycles = folderCycles(result.obj());
if (cycles.length === 0) {
  console.log(`No cycle between the folders of ${root}.`);
  process.exit(0);
}
for (const { folders, edges, shortest } of cycles) {
  console.error(
    `Folders of ${root} importing each other: ${folders.join(', ')} (${edges.length} imports among them).`,
  );
  console.error('The shortest way round:');
  for (const { from, to, file, target } of shortest)
    console.error(`  ${from} → ${to}: ${file} imports ${target}`);
}
process.exit(1);
