/**
 * Text styles of the template, in tldraw's terms (size and scale) with the font size they give in
 * canvas units (tldraw 5: theme font size 16 × the size's factor × scale). A sheet fills a 1080p
 * projector at about 0.5 zoom, so 56 units are about 28 px on the room display (the floor docs/guide.md promises).
 */
export interface TextStyle {
  size: 's' | 'm' | 'l' | 'xl';
  scale: number;
  /** Canvas units, for the geometry's line estimates. */
  fontSize: number;
}

const TEXT_FACTOR = { s: 1.125, m: 1.5, l: 2.25, xl: 2.75 } as const;
const LABEL_FACTOR = { s: 1.125, m: 1.375, l: 1.625, xl: 2 } as const;
const BASE = 16;

/** A text shape's style. */
function text(size: TextStyle['size'], scale: number): TextStyle {
  return { size, scale, fontSize: BASE * TEXT_FACTOR[size] * scale };
}

/** A geo shape's label style (labels use smaller factors than text shapes). */
function label(size: TextStyle['size'], scale: number): TextStyle {
  return { size, scale, fontSize: BASE * LABEL_FACTOR[size] * scale };
}

export const typography = {
  title: text('xl', 1.7),
  instruction: text('l', 1.6),
  badge: label('xl', 1.8),
  zoneLabel: text('l', 1.2),
  hint: text('m', 1.1),
  header: label('xl', 1.2),
  cardTitle: text('m', 1.1),
  fieldLabel: text('m', 1),
} as const;

/** tldraw's line height. */
export const LINE_HEIGHT = 1.35;
/** Space between a geo shape's edge and its label, in tldraw. */
export const LABEL_PADDING = 16;
