import { describe, expect, it } from 'vitest';
import { run, type SummaryBlock } from '@empiria/shared';
import { noteLanguage } from './note-language';

const section = (id: string, title: string): SummaryBlock => ({
  type: 'heading',
  level: 1,
  sectionId: `section.${id}`,
  runs: [run(title)],
});

describe("the note's language, for the exports' own words", () => {
  it('is the language its drafted sections were written in', () => {
    expect(
      noteLanguage([section('conclusions', 'Conclusions'), section('decisions', 'Decisions')], 'pl'),
    ).toBe('en');
    expect(noteLanguage([section('conclusions', 'Wnioski')], 'en')).toBe('pl');
  });
  it("is the board's when nothing drafted tells (an empty note, renamed headings)", () => {
    expect(noteLanguage([], 'pl')).toBe('pl');
    expect(noteLanguage([section('conclusions', 'Nasze wnioski')], 'en')).toBe('en');
    expect(noteLanguage([{ type: 'paragraph', runs: [run('Conclusions')] }], 'pl')).toBe('pl');
  });
});
