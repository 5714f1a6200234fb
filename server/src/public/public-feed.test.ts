import { describe, expect, it } from 'vitest';
import { escapeXml, publicFeedXml } from './public-feed';

const network = { id: 'net-abc123', name: 'Sieć <b>&</b> "zieleń"', theme: '' };

describe('the Atom feed', () => {
  it('is an Atom feed with an id, updated, self link and one entry per note, newest first as given', () => {
    const xml = publicFeedXml({
      origin: 'https://empiria.example',
      network,
      openedAt: '2025-01-01T00:00:00.000Z',
      language: 'pl',
      notes: [
        {
          meetingId: 'meet-222222',
          versionId: 'v2',
          title: 'Drugie <spotkanie>',
          approvedAt: Date.UTC(2025, 5, 2),
        },
        {
          meetingId: 'meet-111111',
          versionId: 'v1',
          title: 'Pierwsze & już',
          approvedAt: Date.UTC(2025, 4, 1),
        },
      ],
    });
    expect(
      xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"'),
    ).toBe(true);
    expect(xml).toContain('<id>https://empiria.example/public/networks/net-abc123</id>');
    expect(xml).toContain(
      '<title>Sieć &lt;b&gt;&amp;&lt;/b&gt; &quot;zieleń&quot; — opublikowane notatki</title>',
    );
    // The feed is as new as its newest note.
    expect(xml).toContain('<updated>2025-06-02T00:00:00.000Z</updated>\n  <author>');
    expect(xml).toContain(
      '<link rel="self" type="application/atom+xml" href="https://empiria.example/public/networks/net-abc123/feed.xml"/>',
    );
    const entries = xml.split('<entry>').slice(1);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toContain('<title>Drugie &lt;spotkanie&gt;</title>');
    expect(entries[0]).toContain(
      '<id>https://empiria.example/public/networks/net-abc123/notes/meet-222222#v2</id>',
    );
    expect(entries[0]).toContain(
      '<link rel="alternate" type="text/html" href="https://empiria.example/public/networks/net-abc123/notes/meet-222222"/>',
    );
    expect(entries[1]).toContain('<title>Pierwsze &amp; już</title>');
    expect(xml).not.toMatch(/<spotkanie>|<b>/);
    expect(xml.trimEnd().endsWith('</feed>')).toBe(true);
  });

  it('with no notes, is updated when the page was opened, and has no entry', () => {
    const xml = publicFeedXml({
      origin: 'http://127.0.0.1:8080',
      network,
      openedAt: '2025-03-04T05:06:07.000Z',
      language: 'en',
      notes: [],
    });
    expect(xml).toContain('xml:lang="en"');
    expect(xml).toContain('<updated>2025-03-04T05:06:07.000Z</updated>');
    expect(xml).toContain('— published notes</title>');
    expect(xml).not.toContain('<entry>');
  });

  it('escapes markup and drops the control characters XML forbids', () => {
    expect(escapeXml(`a<b>&"'\u0001\u000b c`)).toBe('a&lt;b&gt;&amp;&quot;&apos; c');
    expect(escapeXml('tab\tand\nnewline')).toBe('tab\tand\nnewline');
  });
});
