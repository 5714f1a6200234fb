import { describe, expect, it } from 'vitest';
import { escapeHtml, publicNetworkHtml, publicNoteHtml, type PublicNetworkView } from './public-html';

const hostile = '<script>alert("x")</script>';

const view = (overrides: Partial<PublicNetworkView> = {}): PublicNetworkView => ({
  network: { id: 'net-abc123', name: `Sieć ${hostile}`, theme: 'Rewitalizacja & "zieleń"' },
  cities: [
    { name: 'Łódź', observer: false },
    { name: `Radom ${hostile}`, observer: true },
  ],
  notes: [
    {
      meetingId: 'meet-123456',
      title: `Spotkanie ${hostile}`,
      startsAt: '2025-05-10T10:00',
      approvedAt: Date.UTC(2025, 4, 10, 15, 0),
    },
  ],
  products: [
    {
      kind: 'model',
      meetingId: 'meet-123456',
      meetingTitle: `Spotkanie ${hostile}`,
      title: `Krok ${hostile}`,
      lines: [`Linia ${hostile}`, "O'Neil"],
    },
  ],
  ...overrides,
});

describe('the public page', () => {
  it('escapes every text it is given: no tag anyone typed reaches the page', () => {
    const html = publicNetworkHtml(view(), 'pl');
    expect(html).not.toContain('<script');
    expect(html).toContain('Sieć &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Rewitalizacja &amp; &quot;zieleń&quot;');
    expect(html).toContain('O&#39;Neil');
    expect(escapeHtml(`<a href="x">'&`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
  });

  it('lists the cities, each published note as a link to its printable page, and the products', () => {
    const html = publicNetworkHtml(view(), 'pl');
    expect(html).toContain('<html lang="pl">');
    expect(html).toContain('<h2>Miasta członkowskie</h2>');
    expect(html).toContain('<li>Łódź</li>');
    expect(html).toContain('(miasto obserwator)');
    expect(html).toContain('href="/public/networks/net-abc123/notes/meet-123456"');
    expect(html).toContain('10.05.2025 · zatwierdzona 2025-05-10');
    expect(html).toContain('<p class="kind">Modelowa praktyka</p><h3>Krok &lt;script&gt;');
    expect(html).toContain('href="/public/networks/net-abc123/feed.xml"');
    expect(html).toContain('@page { size: A4;');
    // The switch to English, and no script of any kind.
    expect(html).toContain('href="/public/networks/net-abc123?lang=en"');
    expect(html).not.toMatch(/<script|\son[a-z]+=/i);
  });

  it('speaks English with ?lang=en and keeps the language on its links', () => {
    const html = publicNetworkHtml(view(), 'en');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h2>Member cities</h2>');
    expect(html).toContain('href="/public/networks/net-abc123/notes/meet-123456?lang=en"');
    expect(html).toContain('href="/public/networks/net-abc123" hreflang="pl"');
  });

  it('says so when nothing is published yet, and shows no products heading', () => {
    const html = publicNetworkHtml(view({ notes: [], products: [] }), 'pl');
    expect(html).toContain('Na razie nie ma tu opublikowanych notatek.');
    expect(html).not.toContain('Wypracowane rezultaty');
  });

  it("puts a link back to the network's page into a note's printable page, hidden in print", () => {
    const page = publicNoteHtml(
      '<!doctype html>\n<html><head></head>\n<body>\n<h1>N</h1>\n</body></html>',
      'net-abc123',
      'en',
    );
    expect(page).toMatch(/<body>\n<style>@media print \{ \.public-back \{ display: none; \} \}/);
    expect(page).toContain(
      '<a href="/public/networks/net-abc123?lang=en">← Network page</a></p>\n<h1>N</h1>',
    );
    expect(() => publicNoteHtml('<p>no body</p>', 'net-abc123', 'pl')).toThrow();
  });
});
