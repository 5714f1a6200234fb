import type { TLShape } from '@tldraw/tlschema';

type IndexKey = TLShape['index'];

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * The n-th (0-based) of an ascending run of fractional index keys: `a1`…`az`, then `b00`…`bzz`.
 * tldraw's own helpers add random jitter; the template needs the same keys on every run.
 */
export function indexKey(n: number): IndexKey {
  if (n < 61) return `a${DIGITS[n + 1]}` as IndexKey;
  const m = n - 61;
  if (m >= 62 * 62) throw new Error(`too many siblings for a template: ${n}`);
  return `b${DIGITS[Math.floor(m / 62)]}${DIGITS[m % 62]}` as IndexKey;
}
