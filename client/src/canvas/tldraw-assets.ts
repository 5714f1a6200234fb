import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';

const bundled = getAssetUrlsByImport();

/**
 * tldraw's fonts, icons and translations, bundled and served from our own origin (no CDN) — with
 * its handwriting font's files replaced by its sans. Shantell Sans, tldraw's "draw" font, draws a
 * Polish "ł" like a "t" ("Żółć" reads "Żótć"), and Polish is the board's first language (decision
 * D15). Records keep `font: 'draw'`; only the face drawn and measured for it changes, so a board
 * stays an ordinary tldraw document and text is measured in the font it is drawn in.
 */
export const tldrawAssetUrls: typeof bundled = {
  ...bundled,
  fonts: {
    ...bundled.fonts,
    tldraw_draw: bundled.fonts.tldraw_sans,
    tldraw_draw_bold: bundled.fonts.tldraw_sans_bold,
    tldraw_draw_italic: bundled.fonts.tldraw_sans_italic,
    tldraw_draw_italic_bold: bundled.fonts.tldraw_sans_italic_bold,
  },
};
