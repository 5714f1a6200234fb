import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { pristineTldraw } from './pristine-tldraw';

const here = path.dirname(fileURLToPath(import.meta.url));
const pristine = pristineTldraw();

/**
 * The plain-tldraw page, built like the client (production mode, every asset a local file), on
 * tldraw as published: our patches are the product's, not the reference's (pristine-tldraw.ts).
 */
export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  resolve: {
    alias: [
      { find: /^tldraw$/, replacement: path.join(pristine.tldraw.dir, 'dist-esm/index.mjs') },
      { find: /^tldraw\/tldraw\.css$/, replacement: path.join(pristine.tldraw.dir, 'tldraw.css') },
      { find: /^@tldraw\/editor$/, replacement: path.join(pristine.editor.dir, 'dist-esm/index.mjs') },
    ],
  },
  build: {
    outDir: path.join(here, '../../../../node_modules/.cache/bench-client-plain'),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 4000,
  },
});
