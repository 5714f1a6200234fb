import {
  NETWORK_FILE_EXTENSIONS,
  NETWORK_FILE_NAME_MAX,
  type NetworkFileKind,
} from './network-documents-api';

/**
 * A file name as people see it, made safe to show and to send back in a download's
 * Content-Disposition. It is never a path: the server stores bytes under random ids, so a name
 * like `../../etc/passwd` is only a label — cleaned here so that it does not even look like one.
 */
export type CleanFileName =
  | { ok: true; name: string; extension: string; kind: NetworkFileKind }
  | { ok: false; reason: 'empty' | 'too-long' | 'unsupported' };

/** Characters no file system or download dialog takes well, and controls; all become `_`. */
const UNSAFE = /[\p{Cc}\p{Cf}<>:"|?*\\/]/gu;

export function cleanFileName(raw: string): CleanFileName {
  // A browser may send a full path (old Edge: C:\Users\…\plan.pdf): only the last part is the name.
  const last = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const name = last
    .replace(UNSAFE, '_')
    .replace(/\s+/g, ' ')
    // Leading dots would hide the file on Unix and make `..`; trailing dots and spaces Windows drops.
    .replace(/^[.\s_]+/, '')
    .replace(/[.\s]+$/, '');
  const dot = name.lastIndexOf('.');
  if (name === '' || dot <= 0) return { ok: false, reason: name === '' ? 'empty' : 'unsupported' };
  if ([...name].length > NETWORK_FILE_NAME_MAX) return { ok: false, reason: 'too-long' };
  const extension = name.slice(dot + 1).toLowerCase();
  const kind = NETWORK_FILE_EXTENSIONS[extension];
  if (!kind) return { ok: false, reason: 'unsupported' };
  return { ok: true, name, extension, kind };
}

/** Two names are the same file when they differ only in letter case (as on Windows and macOS). */
export function fileNameKey(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('pl');
}

/**
 * A download's `Content-Disposition`: an ASCII fallback for old clients and the real name in
 * RFC 5987's `filename*`, so "Raport końcowy.pdf" downloads under its Polish name.
 */
export function attachmentDisposition(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/[^\x20-\x7e]|["\\;%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
