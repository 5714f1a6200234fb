import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { run, type Mark, type TextRun } from '@empiria/shared';
import { markdownInline } from './markdown-inline';

/**
 * What a reader sees: the inline Markdown parsed by a CommonMark parser (markdown-it, with GFM's
 * strikethrough and inline HTML as CommonMark allows it), read back as characters with the marks
 * they are drawn with.
 */
const parser = new MarkdownIt('commonmark', { html: true }).enable('strikethrough');

const TAG_MARK: Record<string, Mark> = {
  strong: 'bold',
  em: 'italic',
  s: 'strike',
  del: 'strike',
};

function seen(markdown: string): { ch: string; marks: Mark[] }[] {
  const tokens = parser.parseInline(markdown, {})[0]?.children ?? [];
  const active = new Map<Mark, number>();
  const out: { ch: string; marks: Mark[] }[] = [];
  const toggle = (tag: string, delta: number) => {
    const mark = TAG_MARK[tag];
    if (mark) active.set(mark, (active.get(mark) ?? 0) + delta);
  };
  for (const t of tokens) {
    if (t.type.endsWith('_open')) toggle(t.tag, 1);
    else if (t.type.endsWith('_close')) toggle(t.tag, -1);
    else if (t.type === 'html_inline') {
      const m = /^<(\/?)(\w+)>$/.exec(t.content);
      if (m) toggle(m[2]!, m[1] ? -1 : 1);
      else out.push(...[...t.content].map((ch) => ({ ch, marks: [] })));
    } else if (t.type === 'text') {
      const marks = [...active]
        .filter(([, n]) => n > 0)
        .map(([m]) => m)
        .sort();
      out.push(...[...t.content].map((ch) => ({ ch, marks })));
    } else if (t.type === 'hardbreak' || t.type === 'softbreak') {
      out.push({ ch: '\n', marks: [] });
    }
  }
  return out;
}

/** What was meant: every visible character with its marks (whitespace is not compared for marks). */
function meant(runs: readonly TextRun[]) {
  return runs.flatMap((r) => [...r.text].map((ch) => ({ ch, marks: [...new Set(r.marks)].sort() })));
}

function expectReadsAs(runs: TextRun[]) {
  const md = markdownInline(runs);
  const got = seen(md);
  const want = meant(runs);
  expect(got.map((c) => c.ch).join(''), md).toBe(want.map((c) => c.ch).join(''));
  got.forEach((c, i) => {
    if (!/\s/u.test(c.ch)) expect(c.marks, `${md} at ${i} (${c.ch})`).toEqual(want[i]!.marks);
  });
}

describe('marked text as CommonMark a reader sees as meant', () => {
  it('bold ending in a space (as Format 2 drafts "Duży wpływ · Mały wysiłek: ") is bold, no asterisks', () => {
    const runs = [run('Duży wpływ · Mały wysiłek: ', 'bold'), run('Rowerowy dzień w urzędzie')];
    const md = markdownInline(runs);
    const html = parser.renderInline(md);
    expect(html).toBe('<strong>Duży wpływ · Mały wysiłek:</strong> Rowerowy dzień w urzędzie');
    expect(html).not.toContain('*');
  });

  it('bold ending in punctuation right before a letter, and italics inside a word', () => {
    expectReadsAs([run('Uwaga:', 'bold'), run('tekst')]);
    expectReadsAs([run('pół'), run('słowa', 'italic'), run('dalej')]);
    expectReadsAs([run('a'), run('„cytat”', 'bold'), run('b')]);
  });

  it('marks over several runs nest, and characters that are syntax stay text', () => {
    expectReadsAs([run('a ', 'bold'), run('b', 'bold', 'italic'), run(' c', 'italic')]);
    expectReadsAs([run('2*3 = 6 _i_ ~~nie~~ [x](y) <b> &amp; #1', 'bold')]);
    expectReadsAs([run('  ', 'bold'), run('x'), run(' ', 'italic', 'strike')]);
  });

  it('any mix of words, spaces, punctuation and marks reads back exactly (300 random lines)', () => {
    // A small deterministic generator: the same lines on every run.
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const bits = ['Rower', 'ł', ' ', ': ', '.', '„', '”', '*', '_', '~', '1.', '-', ' a ', 'x', '!', '·'];
    const marks: Mark[] = ['bold', 'italic', 'strike'];
    for (let line = 0; line < 300; line++) {
      const runs = Array.from({ length: 1 + next(5) }, () =>
        run(
          Array.from({ length: 1 + next(3) }, () => bits[next(bits.length)]).join(''),
          ...marks.filter(() => next(3) === 0),
        ),
      );
      expectReadsAs(runs);
    }
  }, 30_000);
});
