/**
 * The benchmark's reference: tldraw and nothing else, the same version the client uses, opening
 * the same records. It fetches the board as JSON (`board.json`, written by the harness from what
 * the server holds), puts them into a store the way tldraw's own sync examples do, and mounts
 * `<Tldraw>` with its bundled assets (no CDN) and the same shape limit as the product.
 */
/// <reference types="vite/client" />
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { Tldraw, createTLStore, defaultShapeUtils, type Editor, type TLRecord } from 'tldraw';
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import 'tldraw/tldraw.css';

interface PlainBoard {
  records: TLRecord[];
  /** Where the product's camera opened, so both pages draw the same part of the board. */
  camera: { x: number; y: number; z: number } | null;
  /** The size of the product's canvas (beside its panels), so both draw the same pixels. */
  viewport: { w: number; h: number } | null;
}

declare global {
  interface Window {
    __plain?: { editor: Editor; boardAt: number };
  }
}

const assetUrls = getAssetUrlsByImport();

async function main(): Promise<void> {
  const response = await fetch('./board.json');
  const board = (await response.json()) as PlainBoard;
  const boardAt = performance.now();
  const store = createTLStore({ shapeUtils: defaultShapeUtils });
  store.mergeRemoteChanges(() => store.put(board.records));
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  if (board.viewport) {
    root.style.width = `${board.viewport.w}px`;
    root.style.height = `${board.viewport.h}px`;
  }
  createRoot(root).render(
    createElement(Tldraw, {
      store,
      assetUrls,
      options: { maxShapesPerPage: 20_000 },
      onMount: (editor: Editor) => {
        if (board.camera) editor.setCamera(board.camera);
        window.__plain = { editor, boardAt };
      },
    }),
  );
}

void main();
