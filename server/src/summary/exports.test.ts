import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import MarkdownIt from 'markdown-it';
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
  // As Format 2 drafts a solution: the quadrant in bold, with its colon and a space.
  {
    type: 'bulletList',
    items: [
      [
        {
          type: 'paragraph',
          runs: [run('Duży wpływ · Mały wysiłek: ', 'bold'), run('Rowerowy dzień w urzędzie')],
        },
      ],
    ],
  },
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
  timeZone: 'Europe/Warsaw',
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

/** A CommonMark parser (GFM tables on), as a wiki or a mail client would render the file. */
const markdown = new MarkdownIt('commonmark').enable('table');

/** What a reader of the rendered Markdown sees: the text of the HTML, tags gone. */
const visibleText = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"');

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
    expect(md).toContain(
      'Udostępnienie obserwatorom sieci:** tak – decyzja grupy; zgoda: Ala Nowak (Gdynia), Bartek Zając (Poznań)',
    );
  });

  it('the record says who agreed, who objected and who has not answered about sharing, and what the group decided', () => {
    const status = approved.status as Extract<MeetingNotes['status'], { kind: 'approved' }>;
    const md = meetingNotesToMarkdown({
      ...approved,
      status: {
        ...status,
        decisions: [
          ...status.decisions,
          { personId: 'p3', name: 'Celina Wójcik', city: 'Lublin', decision: 'approve', reason: null, at: 3 },
        ],
        consents: [
          { personId: 'p1', observers: true, public: true },
          { personId: 'p2', observers: false, public: true },
        ],
      },
    });
    expect(md).toContain(
      '**Udostępnienie obserwatorom sieci:** nie – decyzja grupy; zgoda: Ala Nowak (Gdynia); sprzeciw: Bartek Zając (Poznań); bez odpowiedzi: Celina Wójcik (Lublin)',
    );
    expect(md).toContain(
      '**Publikacja:** nie – grupa jeszcze nie zdecydowała; zgoda: Ala Nowak (Gdynia), Bartek Zając (Poznań); bez odpowiedzi: Celina Wójcik (Lublin)',
    );
    const english = meetingNotesToMarkdown({ ...approved, language: 'en' });
    expect(english).toContain("**Shared with the network's observers:** yes – the group's decision; agreed:");
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

  it('the golden files, rendered by a Markdown parser, show bold where bold is meant and no asterisks', () => {
    for (const name of ['draft.md', 'approved.md']) {
      const html = markdown.render(fs.readFileSync(path.join(here, '__fixtures__', name), 'utf8'));
      expect(visibleText(html), name).not.toMatch(/[*_~\\]/);
      expect(html).toContain('<strong>Duży wpływ · Mały wysiłek:</strong> Rowerowy dzień w urzędzie');
      expect(html).toContain('Za mało czasu <strong>urzędników</strong>');
      expect(html).toContain('<em>pilotaż w Gdyni</em>');
      expect(html).toMatch(/<h1>Notatka ze spotkania: Spotkanie 3: bariery cyfryzacji<\/h1>/);
      expect(html).toContain('<td>Sieć „Miasto cyfrowe”</td>');
    }
    const approvedHtml = markdown.render(
      fs.readFileSync(path.join(here, '__fixtures__', 'approved.md'), 'utf8'),
    );
    expect(approvedHtml).toContain('<strong>Zatwierdzono:</strong> 2026-11-26 16:30 CET');
  });

  it('times are Polish wall-clock time (Europe/Warsaw), in summer too, in every export', async () => {
    const summer: MeetingNotes = {
      ...approved,
      status: { ...approved.status, approvedAt: Date.UTC(2026, 5, 30, 22, 15) } as MeetingNotes['status'],
    };
    expect(meetingNotesToMarkdown(summer)).toContain('2026-07-01 00:15 CEST');
    expect(meetingNotesToHtml(summer)).toContain('2026-07-01 00:15 CEST');
    const { value } = await mammoth.extractRawText({ buffer: await meetingNotesToDocx(summer) });
    expect(value).toContain('2026-07-01 00:15 CEST');
    expect(meetingNotesToMarkdown(approved)).not.toContain('UTC');
  });

  it('English notes use English words', () => {
    const md = meetingNotesToMarkdown({ ...draft, language: 'en' });
    expect(md).toContain('DRAFT – NOT APPROVED');
    expect(md).toContain('| Mode | hybrid |');
  });
});
