import type { NetworkFileKind } from '@empiria/shared';
import { ascii, u16le, u32le } from '../photos/image-bytes';
import { readImageHeader, sniffImageType, type ImageType } from '../photos/image-file';

/**
 * Whether an uploaded file is what its name says, read from its bytes alone ([DOC5]). The file
 * is on disk already (streamed there under a byte cap), so the checks read only the parts they
 * need through `FileBytes`: the head, the tail, a ZIP's central directory. Nothing is decoded or
 * run; the point is that a ".pdf" is a PDF and a ".docx" a Word document, not an executable or a
 * web page that a browser might open from our origin.
 */
export interface FileBytes {
  readonly size: number;
  /** Up to `length` bytes from `offset` (fewer at the end of the file). */
  read(offset: number, length: number): Uint8Array;
}

export type FileCheck = { ok: true } | { ok: false; reason: string };

const fail = (reason: string): FileCheck => ({ ok: false, reason });
const OK: FileCheck = { ok: true };

/** How far in a PDF's header may sit (the specification lets readers look this far) and its end marker. */
const PDF_HEAD_WINDOW = 1024;
const PDF_TAIL_WINDOW = 2048;

/** A real image's header: the largest EXIF/XMP/ICC blocks before a JPEG's frame fit in far less. */
const IMAGE_HEAD_BYTES = 4 * 1024 * 1024;

/** Bounds on a ZIP's central directory: Office files have tens to a few thousand entries. */
const ZIP_MAX_ENTRIES = 20_000;
const ZIP_MAX_DIRECTORY_BYTES = 8 * 1024 * 1024;
const ZIP_EOCD_SIZE = 22;
const ZIP_MAX_COMMENT = 0xffff;

const IMAGE_KINDS: Partial<Record<NetworkFileKind, ImageType>> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};

export function checkNetworkFileBytes(kind: NetworkFileKind, file: FileBytes): FileCheck {
  if (file.size === 0) return fail('the file is empty');
  switch (kind) {
    case 'pdf':
      return checkPdf(file);
    case 'docx':
      return checkOfficeZip(file, 'word/', 'a Word document');
    case 'xlsx':
      return checkOfficeZip(file, 'xl/', 'an Excel workbook');
    case 'png':
    case 'jpeg':
    case 'webp':
      return checkImage(file, IMAGE_KINDS[kind] as ImageType);
  }
}

function checkPdf(file: FileBytes): FileCheck {
  const head = ascii(file.read(0, PDF_HEAD_WINDOW), 0, PDF_HEAD_WINDOW);
  if (!head.includes('%PDF-')) return fail('no %PDF- header: not a PDF');
  const tailStart = Math.max(0, file.size - PDF_TAIL_WINDOW);
  const tail = ascii(file.read(tailStart, PDF_TAIL_WINDOW), 0, PDF_TAIL_WINDOW);
  if (!tail.includes('%%EOF')) return fail('no %%EOF at the end: the PDF is cut short');
  return OK;
}

function checkImage(file: FileBytes, expected: ImageType): FileCheck {
  const head = file.read(0, IMAGE_HEAD_BYTES);
  const type = sniffImageType(head);
  if (type === null) return fail('not a PNG, JPEG or WebP image');
  if (type !== expected) return fail(`the bytes are ${type}, the name says ${expected}`);
  try {
    readImageHeader(head);
    return OK;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

/**
 * A DOCX or XLSX is a ZIP whose central directory lists `[Content_Types].xml` and the parts of
 * its application (`word/…` or `xl/…`). The directory is read from the end of the file (the
 * "end of central directory" record), within fixed bounds whatever the file claims.
 */
function checkOfficeZip(file: FileBytes, partPrefix: string, what: string): FileCheck {
  const names = zipEntryNames(file);
  if (!Array.isArray(names)) return fail(`not ${what}: ${names.reason}`);
  if (!names.includes('[Content_Types].xml')) return fail(`not ${what}: the ZIP has no [Content_Types].xml`);
  if (!names.some((name) => name.startsWith(partPrefix))) {
    return fail(`not ${what}: the ZIP has no ${partPrefix} parts`);
  }
  return OK;
}

/** The names in a ZIP's central directory, or why it is not a ZIP this check can read. */
export function zipEntryNames(file: FileBytes): string[] | { reason: string } {
  const head = file.read(0, 4);
  if (u32le(head, 0) !== 0x04034b50 || head.length < 4) return { reason: 'no ZIP signature' };
  const tailLength = Math.min(file.size, ZIP_EOCD_SIZE + ZIP_MAX_COMMENT);
  const tailStart = file.size - tailLength;
  const tail = file.read(tailStart, tailLength);
  let eocd = -1;
  for (let at = tail.length - ZIP_EOCD_SIZE; at >= 0; at--) {
    if (u32le(tail, at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return { reason: 'no end of the central directory' };
  const entries = u16le(tail, eocd + 10);
  const directorySize = u32le(tail, eocd + 12);
  const directoryOffset = u32le(tail, eocd + 16);
  if (entries > ZIP_MAX_ENTRIES) return { reason: `more than ${ZIP_MAX_ENTRIES} entries` };
  if (directorySize > ZIP_MAX_DIRECTORY_BYTES) return { reason: 'an oversized central directory' };
  // ZIP64 marks these 0xFFFF…: no Office document of our size needs it.
  if (directoryOffset + directorySize > tailStart + eocd)
    return { reason: 'a central directory out of bounds' };
  const directory = file.read(directoryOffset, directorySize);
  const names: string[] = [];
  let at = 0;
  for (let index = 0; index < entries; index++) {
    if (at + 46 > directory.length || u32le(directory, at) !== 0x02014b50) {
      return { reason: 'a broken central directory' };
    }
    const nameLength = u16le(directory, at + 28);
    const extraLength = u16le(directory, at + 30);
    const commentLength = u16le(directory, at + 32);
    if (at + 46 + nameLength > directory.length) return { reason: 'a broken central directory' };
    names.push(new TextDecoder().decode(directory.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** The same checks over bytes in memory (tests, and small files). */
export function bytesOf(buffer: Uint8Array): FileBytes {
  return {
    size: buffer.length,
    read: (offset, length) => buffer.subarray(Math.max(0, offset), Math.max(0, offset) + length),
  };
}
