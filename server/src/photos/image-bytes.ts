/**
 * Reading numbers and tags out of an image file's bytes. Reads past the end give 0 (a typed
 * array's out-of-range element is undefined), so callers check lengths before trusting a value.
 */
const at = (b: Uint8Array, i: number): number => b[i] ?? 0;

export const u16be = (b: Uint8Array, i: number): number => (at(b, i) << 8) | at(b, i + 1);
export const u32be = (b: Uint8Array, i: number): number =>
  at(b, i) * 0x1000000 + (at(b, i + 1) << 16) + u16be(b, i + 2);
export const u16le = (b: Uint8Array, i: number): number => at(b, i) | (at(b, i + 1) << 8);
export const u24le = (b: Uint8Array, i: number): number => u16le(b, i) + at(b, i + 2) * 0x10000;
export const u32le = (b: Uint8Array, i: number): number => u16le(b, i) + u16le(b, i + 2) * 0x10000;

/** `length` bytes at `i` as Latin-1 text (tags such as "IHDR", "Exif", "RIFF"). */
export function ascii(b: Uint8Array, i: number, length: number): string {
  let text = '';
  for (let k = i; k < i + length && k < b.length; k++) text += String.fromCharCode(at(b, k));
  return text;
}

/** The bytes of all the parts together. */
export const lengthOf = (parts: readonly Uint8Array[]): number =>
  parts.reduce((sum, part) => sum + part.length, 0);

export function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(lengthOf(parts));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
