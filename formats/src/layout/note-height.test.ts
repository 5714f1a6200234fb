import { describe, expect, it } from 'vitest';
import { MAX_PRIVATE_NOTE_CHARS, MAX_PRIVATE_NOTE_GROW_Y } from '@empiria/shared';
import { estimatedNoteGrowY, estimatedNoteLines, noteGrowY, NOTE_AUTHOR_ROOM } from './note-height';

describe('a note’s growY', () => {
  it('keeps a short text’s note at its base height and grows a tall label by the author’s room', () => {
    expect(noteGrowY(120)).toBe(0);
    expect(noteGrowY(200 - NOTE_AUTHOR_ROOM)).toBe(0);
    expect(noteGrowY(260, 200)).toBe(60 + NOTE_AUTHOR_ROOM);
  });
});

describe('estimatedNoteLines', () => {
  it('wraps at spaces, a word that does not fit going to the next line', () => {
    expect(estimatedNoteLines('')).toBe(1);
    expect(estimatedNoteLines('Brak budżetu')).toBe(1);
    // 7.59 em a line: "Brak koordynacji" is 8.05 em, so two lines.
    expect(estimatedNoteLines('Brak koordynacji')).toBe(2);
    expect(estimatedNoteLines('Brak danych')).toBe(1);
  });

  it('counts every paragraph, empty ones too', () => {
    expect(estimatedNoteLines('Za mało ludzi\nBrak danych')).toBe(2);
    expect(estimatedNoteLines('a\n\nb\r\nc')).toBe(4);
  });

  it('breaks a word where the browser does: after a hyphen or en dash, around an em dash', () => {
    // As Chromium wraps them: "Ekspert-" | "moderator" | "proponuje" (the word is 8.8 em, a line
    // 7.6 em), "Brak Ekspert-" | "moderator", "Plan na lata" | "2024–2027–" | "2030",
    // "Brak wiedzy—" | "brak decyzji".
    expect(estimatedNoteLines('Ekspert-moderator proponuje')).toBe(3);
    expect(estimatedNoteLines('Brak Ekspert-moderator')).toBe(2);
    expect(estimatedNoteLines('Plan na lata 2024–2027–2030')).toBe(3);
    expect(estimatedNoteLines('Brak wiedzy—brak decyzji')).toBe(2);
  });

  it('breaks a word wider than the note where it overflows', () => {
    // 30 × "m" (0.9 em) is 27 em: four lines of at most 8 letters.
    expect(estimatedNoteLines('m'.repeat(30))).toBe(4);
    expect(estimatedNoteLines(`ab ${'m'.repeat(30)}`)).toBe(5);
  });

  it('takes letters it does not know as wide ones, and spaces as hanging at the end of a line', () => {
    // Other letters at 0.8 em, CJK and emoji at 1.15 em: 7.59 em a line.
    expect(estimatedNoteLines('Ж'.repeat(9))).toBe(1);
    expect(estimatedNoteLines('Ж'.repeat(10))).toBe(2);
    expect(estimatedNoteLines('会'.repeat(6))).toBe(1);
    expect(estimatedNoteLines('会'.repeat(7))).toBe(2);
    expect(estimatedNoteLines(`Brak${' '.repeat(40)}`)).toBe(1);
  });

  it('takes an accented letter as its letter, typographic quotes at their width', () => {
    // 12 × "e" is 6.72 em, one line, accented or not; 14 × "e" two.
    expect(estimatedNoteLines('é'.repeat(12))).toBe(1);
    expect(estimatedNoteLines('e\u0301'.repeat(12))).toBe(1);
    expect(estimatedNoteLines('é'.repeat(14))).toBe(2);
    expect(estimatedNoteLines('’“”‘'.repeat(4))).toBe(1);
  });
});

describe('estimatedNoteGrowY', () => {
  it('is 0 for what fits the square with the author’s room, lines of 30 units beyond', () => {
    expect(estimatedNoteGrowY('Brak budżetu')).toBe(0);
    // 4 lines: 120 + 32 of padding + 20 of room = 172.
    expect(estimatedNoteGrowY('a\nb\nc\nd')).toBe(0);
    // 6 lines: 180 + 52 = 232.
    expect(estimatedNoteGrowY('a\nb\nc\nd\ne\nf')).toBe(32);
  });

  it('stays within the bound the private-notes API allows for a measured growY', () => {
    expect(estimatedNoteGrowY('\n'.repeat(MAX_PRIVATE_NOTE_CHARS))).toBeLessThanOrEqual(
      MAX_PRIVATE_NOTE_GROW_Y,
    );
  });
});
