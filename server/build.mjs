// Bundles the server and the workspace packages it imports as TypeScript into one ES module,
// and the image worker (src/photos/image-worker.ts) into a second one beside it: a worker thread
// runs a file of its own, which dist/main.js finds as ./image-worker.js (photos/image-cleaner.ts);
// and the `empiria` command (src/cli.ts: export and import) as a third.
// better-sqlite3 stays external: it is a native addon resolved from node_modules at run time.
// pg-native is pg's optional libpq binding, which Empiria does not use (pg's JavaScript client is).
import { build } from 'esbuild';

await build({
  entryPoints: { main: 'src/main.ts', cli: 'src/cli.ts', 'image-worker': 'src/photos/image-worker.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external: ['better-sqlite3', 'bufferutil', 'utf-8-validate', 'pg-native'],
  // Some bundled CommonJS dependencies call require(); give the ES module one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
