import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { meetingRecordSchema, run, type SummaryBlock } from '@empiria/shared';
import { meetingNotesToDocx } from './docx-export';
import { meetingNotesToHtml } from './html-export';
import { meetingNotesToMarkdown } from './markdown-export';
import type { MeetingNotes } from './meeting-notes';

const here = path.dirname(fileURLToPath(import.meta.url));

const blocks: SummaryBlock[] = [
  { type: 'heading', level: 1, sectionId: 'section.conclusions', runs: [run('Wnioski')] },
  { type: 'heading', level: 2, sectionId: 'step:barriers', runs: [run('Bariery i ograniczenia')] },
  {
    type: 'bulletList',
    items: [
      [{ type: 'paragraph', runs: [run('Brak budżetu na szkolenia')] }],
      [{ type: 'paragraph', runs: [run('Za mało czasu '), run('urzędników', 'bold')] }],
    ],
  },
  { type: 'heading', level: 2, sectionId: 'step:priorities', runs: [run('Które bariery najpierw')] },
  {
    type: 'orderedList',
    items: [
      [{ type: 'paragraph', runs: [run('Brak budżetu — 7 głosów')] }],
      [{ type: 'paragraph', runs: [run('Procedury — 4 głosy')] }],
    ],
  },
  { type: 'paragraph', runs: [run('Uwaga: '), run('pilotaż w Gdyni', 'italic')] },
];

const record = meetingRecordSchema.parse({
  network: 'Sieć „Miasto cyfrowe”',
  meetingTitle: 'Spotkanie 3: bariery cyfryzacji',
  date: '2026-11-26',
  mode: 'hybrid',
  place: 'Gdynia, Urząd Miasta',
  facilitator: 'Fela Nowak',
  expert: 'Edward Kowal',
  attendance: [
    { name: 'Ala Nowak', city: 'Gdynia', role: 'participant', where: 'room' },
    { name: 'Bartek Zając', city: 'Poznań', role: 'participant', where: 'online' },
  ],
});

const draft: MeetingNotes = {
  boardTitle: 'Miasto cyfrowe 3',
  formatName: 'Format 2 – generowanie rozwiązań',
  language: 'pl',
  record,
  blocks,
  status: { kind: 'draft' },
};

const approved: MeetingNotes = {
  ...draft,
  status: {
    kind: 'approved',
    versionId: 'v1',
    hash: 'a'.repeat(64),
    rule: 'consent',
    approvedAt: Date.UTC(2026, 10, 26, 15, 30),
    decisions: [
      { personId: 'p1', name: 'Ala Nowak', city: 'Gdynia', decision: 'approve', reason: null, at: 1 },
      { personId: 'p2', name: 'Bartek Zając', city: 'Poznań', decision: 'approve', reason: null, at: 2 },
    ],
    consents: [
      { personId: 'p1', observers: true, public: false },
      { personId: 'p2', observers: true, public: false },
    ],
  },
};

function golden(name: string, actual: string) {
  const file = path.join(here, '__fixtures__', name);
  if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(file, actual);
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}

describe('meeting notes exports', () => {
  it('Markdown of a draft matches the golden file and says DRAFT at the top and the end', () => {
    const md = meetingNotesToMarkdown(draft);
    golden('draft.md', md);
    expect(md.match(/WERSJA ROBOCZA – NIEZATWIERDZONA/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('Markdown of an approved version matches the golden file and carries its approval record', () => {
    const md = meetingNotesToMarkdown(approved);
    golden('approved.md', md);
    expect(md).not.toContain('WERSJA ROBOCZA');
    expect(md).toContain('Ala Nowak (Gdynia), Bartek Zając (Poznań)');
    expect(md).toContain('obserwatorom sieci');
  });

  it('Word: a valid document with the sections in order and the draft banner in header and footer', async () => {
    const buffer = await meetingNotesToDocx(draft);
    const zip = await JSZip.loadAsync(buffer);
    const body = await zip.file('word/document.xml')!.async('string');
    const order = [
      'Lista obecności',
      'Bariery i ograniczenia',
      'Które bariery najpierw',
      'Zatwierdzenie',
    ].map((t) => body.indexOf(t));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const headers = Object.keys(zip.files).filter((name) => /word\/(header|footer)\d*\.xml/.test(name));
    for (const name of headers) expect(await zip.file(name)!.async('string')).toContain('NIEZATWIERDZONA');
    expect(headers.length).toBeGreaterThanOrEqual(2);
    // A real parser reads it back: headings, lists and marks survive.
    const { value: html, messages } = await mammoth.convertToHtml({ buffer });
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    expect(html).toContain('Bariery i ograniczenia');
    expect(html).toContain('<strong>urzędników</strong>');
    expect(html).toMatch(/<li>Brak budżetu na szkolenia<\/li>/);
  });

  it('HTML print page: self-contained, escaped, with the draft banner', () => {
    const html = meetingNotesToHtml({
      ...draft,
      boardTitle: '<script>x</script>',
      record: { ...record, meetingTitle: '' },
    });
    expect(html).not.toMatch(/<script>/);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('class="draft"');
    expect(meetingNotesToHtml(approved)).not.toContain('class="draft"');
  });

  it('English notes use English words', () => {
    const md = meetingNotesToMarkdown({ ...draft, language: 'en' });
    expect(md).toContain('DRAFT – NOT APPROVED');
    expect(md).toContain('| Mode | hybrid |');
  });
});
