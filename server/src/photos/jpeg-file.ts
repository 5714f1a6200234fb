import { ascii, concat, lengthOf, u16be, u16le, u32be, u32le } from './image-bytes';
import { ImageError } from './image-error';
import { checkKeptBytes } from './image-limits';

/**
 * A JPEG read as a walk over its segments. Every step moves forward, each segment costs the same
 * small work, and the walk stops at a cap, so the time to read any file is bounded by the cap and
 * the file's length, not by what the file claims.
 */

/**
 * Segments in a file. A phone photo has 10–30 (JFIF or EXIF, XMP, a few ICC profile chunks,
 * quantisation and Huffman tables, the frame; a progressive one a few dozen more between its
 * scans); a thousand is far beyond any camera. A 10 MB file of empty segments has 2.6 million.
 */
export const MAX_JPEG_SEGMENTS = 1_000;

/** 0xFF fill bytes allowed before markers, in all. Encoders write none or a few. */
export const MAX_JPEG_FILL_BYTES = 1_000;

interface JpegSegment {
  marker: number;
  /** Where the segment starts: its 0xFF (fill bytes before it are not part of it). */
  start: number;
  /** Where its data starts, after the marker and the length. */
  data: number;
  /** Where it ends (exclusive). For SOS, the end of its header; the image data follows. */
  end: number;
}

export interface JpegFrame {
  width: number;
  height: number;
}

const isFrameMarker = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
const SOS = 0xda;

function broken(message: string): ImageError {
  return new ImageError('invalid', `broken JPEG: ${message}`);
}

/** The segments from after SOI up to and including the first SOS (start of scan). */
function* jpegSegments(bytes: Uint8Array): Generator<JpegSegment> {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw broken('no start-of-image marker');
  let at = 2;
  let fill = 0;
  for (let count = 1; ; count++) {
    if (count > MAX_JPEG_SEGMENTS) {
      throw new ImageError('too_complex', `JPEG with more than ${MAX_JPEG_SEGMENTS} segments`);
    }
    if (at >= bytes.length) throw broken('truncated before the image data');
    if (bytes[at] !== 0xff) throw broken(`expected a marker at byte ${at}`);
    let markerAt = at + 1;
    while (bytes[markerAt] === 0xff) {
      markerAt++;
      if (++fill > MAX_JPEG_FILL_BYTES) {
        throw new ImageError('too_complex', `JPEG with more than ${MAX_JPEG_FILL_BYTES} fill bytes`);
      }
    }
    const marker = bytes[markerAt];
    if (marker === undefined) throw broken('truncated before the image data');
    // Markers without a length (RSTn, TEM, SOI, EOI) and 0x00 have no place before the scan.
    if (marker === 0x00 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9)) {
      throw broken(`unexpected marker 0x${marker.toString(16)} before the image data`);
    }
    const length = u16be(bytes, markerAt + 1);
    const end = markerAt + 1 + length;
    if (markerAt + 3 > bytes.length || length < 2 || end > bytes.length) {
      throw broken(`bad length of segment 0x${marker.toString(16)}`);
    }
    yield { marker, start: markerAt - 1, data: markerAt + 3, end };
    if (marker === SOS) return;
    at = end;
  }
}

function readFrame(bytes: Uint8Array, segment: JpegSegment): JpegFrame {
  const components = bytes[segment.data + 5] ?? 0;
  if (components < 1 || components > 4 || segment.end - segment.data !== 6 + 3 * components) {
    throw broken('inconsistent frame header');
  }
  return { height: u16be(bytes, segment.data + 1), width: u16be(bytes, segment.data + 3) };
}

/** The declared size, from the frame header; nothing past it is read. */
export function readJpegFrame(bytes: Uint8Array): JpegFrame {
  for (const segment of jpegSegments(bytes)) {
    if (segment.marker === SOS) break;
    if (isFrameMarker(segment.marker)) return readFrame(bytes, segment);
  }
  throw broken('no frame size before the image data');
}

/**
 * Comments and application segments (APP0–APP15: EXIF and XMP in APP1, IPTC in APP13, a
 * thumbnail, a second picture's index) can say who, where, when, or carry anything at all.
 */
const isMetadata = (marker: number) => (marker >= 0xe0 && marker <= 0xef) || marker === 0xfe;

/**
 * The application segments a decoder reads to show the picture, before the frame: JFIF (APP0;
 * the pixel density), an ICC colour profile (APP2) and Adobe's colour transform (APP14). Any
 * other APP0 (JFXX thumbnails) or APP2 (FlashPix, the index of pictures after the end) is not.
 */
function showsPicture(bytes: Uint8Array, { marker, data }: JpegSegment): boolean {
  if (marker === 0xe0) return ascii(bytes, data, 5) === 'JFIF\0';
  if (marker === 0xe2) return ascii(bytes, data, 12) === 'ICC_PROFILE\0';
  if (marker === 0xee) return ascii(bytes, data, 5) === 'Adobe';
  return false;
}

/** JFIF's fields before its thumbnail: identifier, version, density unit and density, thumbnail size. */
const JFIF_FIELDS = 14;

/** A JFIF segment as it is kept: without the thumbnail it may carry (a second, smaller picture). */
function withoutThumbnail(bytes: Uint8Array, { start, data, end }: JpegSegment): Uint8Array {
  if (end - data <= JFIF_FIELDS) return bytes.subarray(start, end);
  const segment = new Uint8Array(4 + JFIF_FIELDS);
  segment.set([0xff, 0xe0, 0, 2 + JFIF_FIELDS]);
  segment.set(bytes.subarray(data, data + JFIF_FIELDS - 2), 4);
  // Thumbnail width and height 0: none.
  return segment;
}

/**
 * The most bytes of image data (the scans, with the tables between them) a JPEG of this frame
 * needs ([U8]): 8 bytes a sample. Huffman codes of at most 16 bits with up to 14 extra bits for
 * each of a block's 64 coefficients take under 4 bytes a sample, doubled if every byte were an
 * 0xFF to stuff; a progressive file spreads the same bits over its scans. Samples are counted
 * as if every component were full size and padded to the largest block (32 px).
 */
export function maxJpegData(frame: JpegFrame, components: number): number {
  const padded = (side: number) => Math.ceil(side / 32) * 32;
  return 8 * components * padded(frame.width) * padded(frame.height);
}

/**
 * Keeps JFIF (APP0) without its thumbnail, ICC colour (APP2), Adobe (APP14), the tables, the
 * frame and the image data; drops the metadata segments. The EXIF orientation is read first: it
 * goes with the EXIF block. Refuses a file whose image data is more than its frame can need, or
 * with more than a picture carries besides it ([U8]).
 */
export function cleanJpeg(bytes: Uint8Array): {
  clean: Uint8Array<ArrayBuffer>;
  frame: JpegFrame;
  orientation: number;
} {
  const out: Uint8Array[] = [bytes.subarray(0, 2)];
  let frame: JpegFrame | null = null;
  let components = 0;
  let orientation = 1;
  let segments = 0;
  for (const segment of jpegSegments(bytes)) {
    segments++;
    const { marker, start, data, end } = segment;
    if (isFrameMarker(marker)) {
      if (frame) throw broken('more than one frame header');
      frame = readFrame(bytes, segment);
      components = bytes[data + 5] ?? 0;
    }
    if (marker === 0xe1 && ascii(bytes, data, 4) === 'Exif') {
      orientation = exifOrientation(bytes.subarray(data + 6, end));
    }
    if (marker === SOS) {
      if (!frame) throw broken('image data before the frame header');
      out.push(bytes.subarray(start, end));
      const scans = imageData(bytes, end, MAX_JPEG_SEGMENTS - segments);
      const data = lengthOf(scans);
      checkKeptBytes('JPEG', { total: lengthOf(out) + data, data }, maxJpegData(frame, components));
      return { clean: concat([...out, ...scans]), frame, orientation };
    }
    if (!isMetadata(marker)) out.push(bytes.subarray(start, end));
    else if (showsPicture(bytes, segment))
      out.push(marker === 0xe0 ? withoutThumbnail(bytes, segment) : bytes.subarray(start, end));
  }
  throw broken('no image data');
}

/**
 * The compressed image data from `from` (just after the first scan header) to the end-of-image
 * marker: the scans of a progressive JPEG and the tables between them included, comments and
 * application segments between them left out (a decoder reads those before the frame), and nothing after the end — where a file may carry a second
 * image with an EXIF block of its own (a preview, a depth map) or anything else. Without an end
 * marker, the data runs to the end of the file. One pass with indexOf: linear in the file.
 */
function imageData(bytes: Uint8Array, from: number, segmentsLeft: number): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let runStart = from;
  let at = from;
  let segments = 0;
  for (;;) {
    const ff = bytes.indexOf(0xff, at);
    if (ff < 0 || ff + 1 >= bytes.length) {
      pieces.push(bytes.subarray(runStart));
      return pieces;
    }
    const marker = bytes[ff + 1] as number;
    if (marker === 0xd9) {
      pieces.push(bytes.subarray(runStart, ff + 2));
      return pieces;
    }
    // A stuffed 0xFF data byte or a restart marker is image data; a fill byte precedes a marker.
    if (marker === 0x00 || (marker >= 0xd0 && marker <= 0xd7)) {
      at = ff + 2;
      continue;
    }
    if (marker === 0xff) {
      at = ff + 1;
      continue;
    }
    if (++segments > segmentsLeft) {
      throw new ImageError('too_complex', `JPEG with more than ${MAX_JPEG_SEGMENTS} segments`);
    }
    const length = u16be(bytes, ff + 2);
    const end = ff + 2 + length;
    if (ff + 4 > bytes.length || length < 2 || end > bytes.length) {
      throw broken(`bad length of segment 0x${marker.toString(16)} between scans`);
    }
    if (isMetadata(marker)) {
      pieces.push(bytes.subarray(runStart, ff));
      runStart = end;
    }
    at = end;
  }
}

/** The Orientation tag (0x0112) of a TIFF-structured EXIF block; 1 when absent or unreadable. */
function exifOrientation(tiff: Uint8Array): number {
  if (tiff.length < 8) return 1;
  const little = ascii(tiff, 0, 2) === 'II';
  const u16 = (at: number) => (little ? u16le(tiff, at) : u16be(tiff, at));
  const u32 = (at: number) => (little ? u32le(tiff, at) : u32be(tiff, at));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return 1;
  // At most 65,535 entries, and the loop ends at the block's end: bounded by the block.
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) break;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}
