import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The server the dev server forwards the API and websockets to (see docs/api.md). */
const SERVER = process.env.EMPIRIA_SERVER ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // One Yjs instance: two copies break `instanceof` checks and corrupt documents.
    dedupe: ['yjs'],
  },
  optimizeDeps: {
    // Its `?url` imports must go through Vite's asset pipeline, not the dependency pre-bundler.
    exclude: ['@tldraw/assets'],
  },
  server: {
    proxy: {
      '/api': SERVER,
      '/healthz': SERVER,
      '/ws': { target: SERVER.replace(/^http/, 'ws'), ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // tldraw fetch()es its translation files; a small one inlined as a data: URL would be blocked
    // by the server's Content-Security-Policy (connect-src 'self'). Every asset stays a file.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 4000,
  },
});
