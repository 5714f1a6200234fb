// Bundles the server and the workspace packages it imports as TypeScript into one ES module.
// better-sqlite3 stays external: it is a native addon resolved from node_modules at run time.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external: ['better-sqlite3', 'bufferutil', 'utf-8-validate'],
  // Some bundled CommonJS dependencies call require(); give the ES module one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
