import { publicPaths, translate, type Language } from '@empiria/shared';
import type { PublicNetworkView } from './public-html';

/**
 * The network's published notes as an Atom feed (RFC 4287; issue #13 item 6): one entry per note
 * the group agreed to publish, newest meeting first. Entries are identified by the approved
 * version, so a newly approved and published version of a meeting's note is a new entry for a
 * reader. Pure; every text is XML-escaped here.
 */

export const escapeXml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // Characters XML 1.0 forbids anywhere, even escaped: a control character typed into a note.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

export interface FeedNote {
  meetingId: string;
  versionId: string;
  title: string;
  approvedAt: number;
}

export function publicFeedXml(args: {
  /** The instance's public address, without a trailing slash: Atom wants absolute links. */
  origin: string;
  network: PublicNetworkView['network'];
  notes: readonly FeedNote[];
  /** When the page was opened: the feed's `updated` while it has no entries. */
  openedAt: string;
  language: Language;
}): string {
  const { origin, network, notes, language } = args;
  const pageUrl = `${origin}${publicPaths.network(network.id)}`;
  const updated = notes.reduce(
    (latest, note) => Math.max(latest, note.approvedAt),
    Date.parse(args.openedAt),
  );
  const entries = notes
    .map((note) => {
      const link = `${origin}${publicPaths.note(network.id, note.meetingId)}`;
      return `  <entry>
    <id>${escapeXml(`${link}#${note.versionId}`)}</id>
    <title>${escapeXml(note.title)}</title>
    <updated>${new Date(note.approvedAt).toISOString()}</updated>
    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>
  </entry>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${language}">
  <id>${escapeXml(pageUrl)}</id>
  <title>${escapeXml(translate(language, 'publication.feed.title', { network: network.name }))}</title>
  <updated>${new Date(updated).toISOString()}</updated>
  <author><name>${escapeXml(network.name)}</name></author>
  <link rel="alternate" type="text/html" href="${escapeXml(pageUrl)}"/>
  <link rel="self" type="application/atom+xml" href="${escapeXml(`${origin}${publicPaths.feed(network.id)}`)}"/>
${entries}
</feed>
`;
}
