/**
 * The request target (`GET <target> HTTP/1.1`), parsed without trusting it ([H1]).
 *
 * `new URL(target, base)` is not a parser for request targets: `//%` reads as a scheme-relative
 * URL with the host `%` and throws, and so do `http://[` and a port out of range. Thrown outside a
 * handler, that stopped the process. This module never throws: it answers a pathname and a query,
 * or a reason the target is refused (the caller answers 400).
 */

export interface RequestTarget {
  /** The path as sent (still percent-encoded), always starting with `/`. */
  pathname: string;
  /** The query without its `?` ('' when there is none). */
  query: string;
  searchParams: URLSearchParams;
}

export type TargetResult = { ok: true; target: RequestTarget } | { ok: false; reason: string };

/** Node refuses request lines over its header size anyway; ours are far shorter than this. */
export const MAX_TARGET_LENGTH = 8 * 1024;

// Visible ASCII only: no NUL, no other control character, no space, no DEL, nothing above 0x7E.
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;
// Every `%` starts a two-digit hex escape (RFC 3986 pct-encoded).
const BROKEN_ESCAPE = /%(?![0-9a-fA-F]{2})/;
const ABSOLUTE_FORM = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

export function parseRequestTarget(raw: string | undefined): TargetResult {
  if (raw === undefined || raw === '') return refused('The request has no target.');
  if (raw.length > MAX_TARGET_LENGTH) return refused('The request target is too long.');
  if (!VISIBLE_ASCII.test(raw)) return refused('The request target has characters a URL cannot have.');
  if (raw.includes('#')) return refused('A request target has no fragment (#).');
  if (BROKEN_ESCAPE.test(raw)) return refused('The request target has a broken %-escape.');

  // origin-form, what browsers send: the path and query, split here by hand ([H1]).
  if (raw.startsWith('/')) return split(raw);
  // absolute-form, what proxies send: only http(s), and only what the URL parser accepts.
  if (ABSOLUTE_FORM.test(raw)) return absolute(raw);
  // asterisk-form (`OPTIONS *`) and authority-form (`CONNECT host:port`) are not served here.
  return refused('The request target is not a path.');
}

function absolute(raw: string): TargetResult {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refused('The request target is not a valid URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return refused('Only http and https URLs are served here.');
  }
  return split(url.pathname + url.search);
}

function split(originForm: string): TargetResult {
  const mark = originForm.indexOf('?');
  const pathname = mark === -1 ? originForm : originForm.slice(0, mark);
  const query = mark === -1 ? '' : originForm.slice(mark + 1);
  return { ok: true, target: { pathname, query, searchParams: new URLSearchParams(query) } };
}

function refused(reason: string): TargetResult {
  return { ok: false, reason };
}
