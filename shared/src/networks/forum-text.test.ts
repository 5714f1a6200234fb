import { describe, expect, it } from 'vitest';
import { forumTextSegments } from './forum-text';

describe('forum text: plain text with web addresses as links', () => {
  it('makes http(s) and www addresses links and keeps the rest as text', () => {
    expect(forumTextSegments('Zobacz https://zmp.pl/sieci oraz www.gov.pl/fundusze i napisz.')).toEqual([
      { kind: 'text', text: 'Zobacz ' },
      { kind: 'link', text: 'https://zmp.pl/sieci', href: 'https://zmp.pl/sieci' },
      { kind: 'text', text: ' oraz ' },
      { kind: 'link', text: 'www.gov.pl/fundusze', href: 'https://www.gov.pl/fundusze' },
      { kind: 'text', text: ' i napisz.' },
    ]);
  });

  it('leaves sentence punctuation outside the link, a bracket the address opened inside', () => {
    expect(forumTextSegments('(zob. https://pl.wikipedia.org/wiki/Kalisz_(miasto)).')).toEqual([
      { kind: 'text', text: '(zob. ' },
      {
        kind: 'link',
        text: 'https://pl.wikipedia.org/wiki/Kalisz_(miasto)',
        href: 'https://pl.wikipedia.org/wiki/Kalisz_(miasto)',
      },
      { kind: 'text', text: ').' },
    ]);
  });

  it('never links another scheme, and HTML stays text to be shown as typed', () => {
    const text = '<a href="javascript:alert(1)">x</a> javascript:alert(1) data:text/html,<b>';
    expect(forumTextSegments(text)).toEqual([{ kind: 'text', text }]);
  });

  it('does not let an address carry markup or quotes into the link', () => {
    const segments = forumTextSegments('https://zmp.pl/"onmouseover="x <script>');
    expect(segments[0]).toEqual({ kind: 'link', text: 'https://zmp.pl/', href: 'https://zmp.pl/' });
    expect(segments.slice(1)).toEqual([{ kind: 'text', text: '"onmouseover="x <script>' }]);
  });

  it('leaves an address with no real host as text', () => {
    expect(forumTextSegments('http://x and https://-bad-.pl')).toEqual([
      { kind: 'text', text: 'http://x and https://-bad-.pl' },
    ]);
  });

  it('keeps line breaks and empty text', () => {
    expect(forumTextSegments('')).toEqual([]);
    expect(forumTextSegments('a\nb')).toEqual([{ kind: 'text', text: 'a\nb' }]);
  });
});
