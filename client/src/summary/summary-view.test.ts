import { describe, expect, it } from 'vitest';
import { run, type ApprovalState, type SummaryBlock, type SummaryComment } from '@empiria/shared';
import {
  approvalTally,
  filenameFromDisposition,
  groupComments,
  noteSections,
  noteStatus,
  pendingDrafts,
  readApproval,
  readComments,
  groupSharing,
} from './summary-view';

const heading = (sectionId: string | null, text: string): SummaryBlock => ({
  type: 'heading',
  level: 2,
  sectionId,
  runs: [run(text)],
});
const paragraph = (text: string): SummaryBlock => ({ type: 'paragraph', runs: [run(text)] });

const comment = (id: string, sectionId: string | null, at: number): SummaryComment => ({
  id,
  sectionId,
  author: { id: 'p1', name: 'Ala', city: 'Gdynia' },
  kind: 'comment',
  text: `text ${id}`,
  at,
});

function round(patch: Partial<ApprovalState> = {}): ApprovalState {
  return {
    versionId: 'v1',
    hash: 'h1',
    rule: 'consent',
    status: 'open',
    openedAt: 1,
    closedAt: null,
    eligible: [
      { personId: 'a', name: 'Ala', city: 'Gdynia' },
      { personId: 'b', name: 'Bartek', city: 'Poznań' },
    ],
    decisions: [],
    consents: [],
    ...patch,
  };
}

describe('the note’s sections', () => {
  it('are the headings with a section id, in order, once each', () => {
    const blocks = [
      heading('expectations', 'Oczekiwania '),
      paragraph('x'),
      heading(null, 'Moja uwaga'),
      heading('concerns', 'Obawy'),
      heading('expectations', 'Duplikat'),
    ];
    expect(noteSections(blocks)).toEqual([
      { sectionId: 'expectations', title: 'Oczekiwania' },
      { sectionId: 'concerns', title: 'Obawy' },
    ]);
  });
});

describe('comments', () => {
  it('skip entries off the contract', () => {
    expect(readComments([comment('1', null, 1), { id: 2 }, null]).map((c) => c.id)).toEqual(['1']);
  });
  it('are grouped: whole note first, then sections in the note’s order, then sections gone', () => {
    const sections = [
      { sectionId: 's1', title: 'Pierwsza' },
      { sectionId: 's2', title: 'Druga' },
    ];
    const groups = groupComments(
      [comment('c', 's2', 3), comment('a', 's2', 1), comment('b', null, 2), comment('d', 'gone', 4)],
      sections,
    );
    expect(groups.map((g) => [g.sectionId, g.title, g.comments.map((c) => c.id)])).toEqual([
      [null, null, ['b']],
      ['s2', 'Druga', ['a', 'c']],
      ['gone', null, ['d']],
    ]);
  });
});

describe('the approval round', () => {
  it('reads only a valid state', () => {
    expect(readApproval(undefined)).toBeNull();
    expect(readApproval({ versionId: 'x' })).toBeNull();
    expect(readApproval(round())?.versionId).toBe('v1');
  });

  it('counts each person’s latest decision [A4] and lists who has not decided', () => {
    const tally = approvalTally(
      round({
        decisions: [
          { personId: 'a', name: 'Ala', city: 'Gdynia', decision: 'object', reason: 'termin', at: 1 },
          { personId: 'a', name: 'Ala', city: 'Gdynia', decision: 'approve', reason: null, at: 2 },
        ],
        consents: [
          { personId: 'a', observers: true, public: false },
          { personId: 'b', observers: true, public: true },
        ],
      }),
      'a',
    );
    expect(tally.approvals.map((d) => d.personId)).toEqual(['a']);
    expect(tally.objections).toEqual([]);
    expect(tally.undecided.map((e) => e.name)).toEqual(['Bartek']);
    expect(tally.mine?.decision).toBe('approve');
    expect(tally.asked).toBe(true);
    expect(tally.eligibleCount).toBe(2);
    expect(tally.consent).toEqual({ mayAnswer: true, mine: { observers: true, public: false } });
    // Bartek has not decided on the note: he does not answer about sharing yet ([I6]).
    expect(approvalTally(round(), 'b').consent.mayAnswer).toBe(false);
  });

  it('someone not asked is not asked, and has no decision', () => {
    const tally = approvalTally(round(), 'facilitator');
    expect(tally.asked).toBe(false);
    expect(tally.mine).toBeNull();
  });

  it('says when the note was edited after it was frozen or approved', () => {
    expect(noteStatus(null, 'h')).toBe('draft');
    expect(noteStatus(round(), 'h1')).toBe('voting');
    expect(noteStatus(round(), 'h2')).toBe('voting-changed');
    expect(noteStatus(round({ status: 'approved' }), 'h1')).toBe('approved');
    expect(noteStatus(round({ status: 'approved' }), 'h2')).toBe('changed-after-approval');
    expect(noteStatus(round({ status: 'not-approved' }), 'h1')).toBe('not-approved');
    expect(noteStatus(round({ status: 'not-approved' }), 'h2')).toBe('draft');
  });

  it('shares by the group’s decision, by the same rule as the server, once approved [P6][I6]', () => {
    const approve = (personId: string, name: string) => ({
      personId,
      name,
      city: 'X',
      decision: 'approve' as const,
      reason: null,
      at: 1,
    });
    const both = round({ decisions: [approve('a', 'Ala'), approve('b', 'Bartek')] });
    const yesA = { personId: 'a', observers: true, public: false };
    const yesB = { personId: 'b', observers: true, public: true };
    // One yes of two: undecided, even after the approval.
    expect(groupSharing({ ...both, status: 'approved', consents: [yesA] }).observers.state).toBe('undecided');
    // Both yes while the round is open: not shared yet.
    expect(groupSharing({ ...both, consents: [yesA, yesB] }).observers.state).toBe('undecided');
    const approved = groupSharing({ ...both, status: 'approved', consents: [yesA, yesB] });
    expect(approved.observers.state).toBe('shared');
    expect(approved.public.state).toBe('refused');
    expect(approved.public.objected).toEqual(['a']);
  });
});

describe('pending drafts', () => {
  it('are the sections with a valid newer draft', () => {
    const blocks = [heading('s1', 'Nowe'), paragraph('tekst')];
    expect(
      pendingDrafts({
        s1: { writtenHash: 'x', pending: blocks },
        s2: { writtenHash: 'y', pending: null },
        s3: { writtenHash: 'z', pending: [{ type: 'nonsense' }] },
      }),
    ).toEqual([{ sectionId: 's1', blocks }]);
  });
});

describe('download file names', () => {
  it('come from Content-Disposition, never with a path', () => {
    expect(filenameFromDisposition('attachment; filename="Siec-cyfrowa.md"', 'x.md')).toBe('Siec-cyfrowa.md');
    expect(filenameFromDisposition("attachment; filename*=UTF-8''Sie%C4%87.docx", 'x')).toBe('Sieć.docx');
    expect(filenameFromDisposition('attachment; filename="../../etc/passwd"', 'x')).toBe('passwd');
    expect(filenameFromDisposition(null, 'notatka.md')).toBe('notatka.md');
    expect(filenameFromDisposition('attachment', 'notatka.md')).toBe('notatka.md');
  });
});
