/**
 * Text on a coloured background (a city's colour behind initials or a name): white where white
 * reads (WCAG AA, 4.5:1), else near-black — the city colours are chosen to tell cities apart,
 * not for white text, and several (green, orange) are too light for it.
 */
const DARK = '#111111';
const LIGHT = '#ffffff';

function luminance(hex: string): number | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return null;
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const la = luminance(a) ?? 0;
  const lb = luminance(b) ?? 0;
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

export function readableTextOn(background: string): string {
  if (luminance(background) === null) return LIGHT;
  return contrastRatio(background, LIGHT) >= 4.5 ? LIGHT : DARK;
}
