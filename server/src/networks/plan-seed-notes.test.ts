import { describe, expect, it } from 'vitest';
import {
  PLAN_SECTIONS,
  PLAN_SEED_SOURCES,
  proposePlanSections,
  type PlanSectionId,
  type SummaryBlock,
} from '@empiria/shared';
import { ContinuityService, type ContinuityMeeting, type ContinuitySources } from './continuity-service';

/**
 * "Zaproponuj z notatek" end to end without a server: approved notes as drafting writes them,
 * read by continuity's `linesFromNotes`, mapped to the plan's sections by `proposePlanSections`.
 */
const heading = (text: string, sectionId: string | null, level: 1 | 2 = 2): SummaryBlock => ({
  type: 'heading',
  level,
  sectionId,
  runs: [{ text, marks: [] }],
});
const bullets = (...lines: string[]): SummaryBlock => ({
  type: 'bulletList',
  items: lines.map((text) => [{ type: 'paragraph', runs: [{ text, marks: [] }] }]),
});

const meetings: ContinuityMeeting[] = [
  { id: 'm0', networkId: 'n1', boardId: 'b0', title: 'Spotkanie 1', startsAt: '2027-01-10T10:00' },
  { id: 'm1', networkId: 'n1', boardId: 'b1', title: 'Spotkanie 2', startsAt: '2027-04-10T10:00' },
  // Not approved: nothing of it travels.
  { id: 'm2', networkId: 'n1', boardId: 'b2', title: 'Spotkanie 3', startsAt: '2027-07-10T10:00' },
];
const notes: Record<string, SummaryBlock[]> = {
  b0: [
    heading('Decyzje', 'section.decisions', 1),
    heading('Wybór tematów', 'choose-topics.0'),
    bullets('Retencja wody', 'Zieleń przy szkołach'),
    heading('Następne kroki', 'section.next-steps', 1),
    heading('Kolejne formaty', 'next-formats.0'),
    bullets('Format 1 w kwietniu w Płocku'),
  ],
  b1: [
    heading('Wnioski', 'section.conclusions', 1),
    heading('Schemat kroków', 'sequence.0'),
    bullets('Inwentaryzacja terenów', 'Konsultacje z mieszkańcami'),
    heading('Decyzje', 'section.decisions', 1),
    heading('Uzgodnienie', 'agree.0'),
    bullets('Każde miasto ma plan retencji do 2028 r.'),
  ],
};
// Each board's steps: a plain board of its format runs the step ids as they are.
const formatOf: Record<string, string> = { b0: 'format-0', b1: 'format-1', b2: 'format-1' };

const sources: ContinuitySources = {
  meetingOfBoard: (boardId) => meetings.find((m) => m.boardId === boardId) ?? null,
  networkName: () => 'Zielona',
  meetings: () => [...meetings],
  approvedNote: (boardId) =>
    Promise.resolve(notes[boardId] ? { blocks: notes[boardId], approvedAt: 0 } : null),
  stepsFrom: (boardId, formatId, stepId) =>
    Promise.resolve(formatOf[boardId] === formatId ? new Set([stepId]) : new Set<string>()),
  caseFieldLabels: { city: [], context: [], problem: [], solution: [], results: [], cost: [], lessons: [] },
};

describe('proposing the plan from the network’s approved notes', () => {
  it('reads Format 0’s topics and next formats and Format 1’s scheme into the empty sections', async () => {
    const found = await new ContinuityService(sources).linesFromNotes('n1', PLAN_SEED_SOURCES);
    const findings = PLAN_SEED_SOURCES.map((source, i) => ({ source, lines: found[i] ?? [] }));
    const empty = Object.fromEntries(PLAN_SECTIONS.map((id) => [id, ''])) as Record<PlanSectionId, string>;
    expect(proposePlanSections(findings, { ...empty, goals: 'Cele spisane przez parę.' })).toEqual({
      challenges: '- Retencja wody\n- Zieleń przy szkołach',
      organisation: '- Format 1 w kwietniu w Płocku',
      actions: '- Inwentaryzacja terenów\n- Konsultacje z mieszkańcami',
    });
  });
});
