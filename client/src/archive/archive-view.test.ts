import { describe, expect, it } from 'vitest';
import { formatRate, hitNotePath, noteFileName, snippetPieces } from './archive-view';

describe('a hit’s snippet', () => {
  it('is cut into plain and highlighted pieces at the server’s offsets', () => {
    const text = '…nowych źródeł finansowania dla Łodzi';
    const start = text.indexOf('źródeł');
    const lodz = text.indexOf('Łodzi');
    expect(
      snippetPieces(text, [
        [start, start + 6],
        [lodz, lodz + 5],
      ]),
    ).toEqual([
      { text: '…nowych ', marked: false },
      { text: 'źródeł', marked: true },
      { text: ' finansowania dla ', marked: false },
      { text: 'Łodzi', marked: true },
    ]);
  });

  it('keeps markup in a note as text, and never trusts bad offsets', () => {
    const text = '<img src=x onerror=alert(1)> źródła';
    const pieces = snippetPieces(text, [
      [30, 36],
      [-5, 2],
      [100, 120],
      [8, 3],
      [31, 34],
    ]);
    expect(pieces.map((piece) => piece.text).join('')).toBe(text);
    expect(pieces.filter((piece) => piece.marked).map((piece) => piece.text)).toEqual(['<i', 'ródła']);
  });

  it('is one plain piece without highlights, and nothing for an empty text', () => {
    expect(snippetPieces('abc', [])).toEqual([{ text: 'abc', marked: false }]);
    expect(snippetPieces('', [[0, 3]])).toEqual([]);
  });
});

describe('rates and file names', () => {
  it('writes rates as whole percentages in the language, none without data', () => {
    expect(formatRate('en', 2 / 3)).toBe('67%');
    expect(formatRate('pl', 1)).toBe('100%');
    expect(formatRate('pl', null)).toBeNull();
  });

  it('names a note’s download by its meeting’s date and title, in plain letters', () => {
    expect(
      noteFileName({ title: 'Spotkanie 1 — źródła finansowania (Łódź)', startsAt: '2025-03-10T10:00' }, 'md'),
    ).toBe('notatka-2025-03-10-spotkanie-1-zrodla-finansowania-lodz.md');
    expect(noteFileName({ title: '???', startsAt: '2025-03-10T10:00' }, 'docx')).toBe(
      'notatka-2025-03-10.docx',
    );
  });

  it('points a hit at its meeting’s approved note', () => {
    expect(hitNotePath({ networkId: 'net1abcd', meetingId: 'meet1abc' }, 'md')).toBe(
      '/api/networks/net1abcd/meetings/meet1abc/notes?format=md',
    );
  });
});
