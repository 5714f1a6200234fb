import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { meetingRecordSchema, run } from '@empiria/shared';
import { meetingNotesToDocx } from './docx-export';
import { meetingNotesToHtml } from './html-export';
import { meetingNotesToMarkdown } from './markdown-export';
import type { MeetingNotes } from './meeting-notes';

/** Guest experts are listed apart from the cities in every export of the note ([G4]). */
const record = meetingRecordSchema.parse({
  meetingTitle: 'Spotkanie 2: finansowanie',
  attendance: [
    { name: 'Ala Nowak', city: 'Gdynia', role: 'participant', where: 'room' },
    { name: 'Jan Radca', city: 'BGK', role: 'guest', where: 'online' },
    { name: 'Ola Zięba', city: 'Opole', role: 'organiser', where: 'room' },
    { name: 'Iza Doradca', city: 'NFOŚiGW', role: 'guest', where: 'room' },
  ],
});

const notes = (language: 'pl' | 'en'): MeetingNotes => ({
  boardTitle: 'Sieć 2',
  formatName: 'Format 1',
  language,
  timeZone: 'Europe/Warsaw',
  record,
  blocks: [{ type: 'paragraph', runs: [run('Wnioski grupy')] }],
  status: { kind: 'draft' },
});

/** The lines of a Markdown section, from its heading to the next heading. */
function section(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`## ${heading}`));
  if (start < 0) return [];
  const end = lines.findIndex((line, i) => i > start && line.startsWith('#'));
  return lines.slice(start, end < 0 ? undefined : end).filter((line) => line.startsWith('- '));
}

describe('guest experts in the exported note ([G4])', () => {
  it('Markdown: the cities in the attendance, the guests in their own section after it', () => {
    const markdown = meetingNotesToMarkdown(notes('pl'));
    expect(markdown).toContain('## Lista obecności (2)');
    expect(markdown).toContain('## Goście – eksperci zewnętrzni (2)');
    expect(section(markdown, 'Lista obecności')).toEqual([
      '- Ala Nowak (Gdynia, na sali)',
      '- Ola Zięba (Opole, na sali)',
    ]);
    expect(section(markdown, 'Goście – eksperci zewnętrzni')).toEqual([
      '- Jan Radca (BGK, on-line)',
      '- Iza Doradca (NFOŚiGW, na sali)',
    ]);
    expect(markdown.indexOf('Goście – eksperci')).toBeGreaterThan(markdown.indexOf('Lista obecności'));
    expect(meetingNotesToMarkdown(notes('en'))).toContain('## Guest experts (2)');
  });

  it('no guests, no section', () => {
    const without = { ...notes('pl'), record: { ...record, attendance: record.attendance.slice(0, 1) } };
    expect(meetingNotesToMarkdown(without)).not.toContain('Goście');
    expect(meetingNotesToHtml(without)).not.toContain('Goście');
  });

  it('HTML and Word carry the same section', async () => {
    const html = meetingNotesToHtml(notes('pl'));
    expect(html).toContain('<h2>Goście – eksperci zewnętrzni (2)</h2>');
    expect(html).toContain('<li>Jan Radca (BGK, on-line)</li>');
    const { value } = await mammoth.convertToHtml({ buffer: await meetingNotesToDocx(notes('pl')) });
    const guests = value.indexOf('Goście – eksperci zewnętrzni (2)');
    expect(guests).toBeGreaterThan(value.indexOf('Lista obecności (2)'));
    expect(value.indexOf('Iza Doradca')).toBeGreaterThan(guests);
    expect(value.indexOf('Ola Zięba')).toBeLessThan(guests);
  });
});
