/**
 * A forum post as the reader sees it: plain text in which web addresses become links. Nothing is
 * ever parsed as HTML; a segment is text (rendered as a text node) or a link whose address is an
 * http(s) URL built here, so `javascript:` or `data:` can never become a link.
 */
export type ForumTextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

/** `https://…`, `http://…` or `www.…`, up to the next space or angle bracket / quote. */
const ADDRESS = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;
/** Punctuation that ends a sentence rather than the address ("zob. https://zmp.pl.") */
const TRAILING = /[.,;:!?)\]}'’”]+$/;

export function forumTextSegments(text: string): ForumTextSegment[] {
  const segments: ForumTextSegment[] = [];
  let last = 0;
  const pushText = (part: string) => {
    if (part === '') return;
    const previous = segments[segments.length - 1];
    if (previous?.kind === 'text') previous.text += part;
    else segments.push({ kind: 'text', text: part });
  };
  for (const match of text.matchAll(ADDRESS)) {
    const start = match.index;
    let raw = match[0];
    // A closing bracket belongs to the address when it opened one itself (Wikipedia's "(miasto)").
    while (TRAILING.test(raw)) {
      const trimmed = raw.replace(/[.,;:!?'’”]+$/, '');
      if (trimmed !== raw) {
        raw = trimmed;
        continue;
      }
      const close = raw.at(-1) as string;
      const open = { ')': '(', ']': '[', '}': '{' }[close];
      if (open !== undefined && count(raw, open) >= count(raw, close)) break;
      raw = raw.slice(0, -1);
    }
    const href = toHref(raw);
    if (href === null) continue;
    pushText(text.slice(last, start));
    segments.push({ kind: 'link', text: raw, href });
    last = start + raw.length;
  }
  pushText(text.slice(last));
  return segments;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/**
 * The address as an http(s) URL, or null (then it stays text): `www.` gets `https://`, and the
 * host must look like one (letters, digits, dots and hyphens, with a dot, or `localhost`). The
 * scheme is checked here, never taken from the text, so no other scheme can become a link.
 */
const LINKABLE = /^https?:\/\/(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]{2,}(?::\d{1,5})?(?:[/?#]|$)/i;
const LOCALHOST = /^https?:\/\/localhost(?::\d{1,5})?(?:[/?#]|$)/i;

function toHref(raw: string): string | null {
  const candidate = /^www\./i.test(raw) ? `https://${raw}` : raw;
  return LINKABLE.test(candidate) || LOCALHOST.test(candidate) ? candidate : null;
}
