import {
  MAX_CONTINUITY_CASES,
  caseCardsOfUnits,
  unitLines,
  unitsInSection,
  unitsOfSteps,
  type CaseFieldLabels,
  type ContinuityResponse,
  type SummaryBlock,
} from '@empiria/shared';

/** A meeting as continuity needs it. */
export interface ContinuityMeeting {
  id: string;
  networkId: string;
  boardId: string;
  title: string;
  /** Warsaw wall clock, `YYYY-MM-DDTHH:mm`: sorts as it reads. */
  startsAt: string;
}

/** What continuity reads, each from its owner. */
export interface ContinuitySources {
  meetingOfBoard(boardId: string): ContinuityMeeting | null;
  networkName(networkId: string): string;
  /** The network's meetings, any order. */
  meetings(networkId: string): ContinuityMeeting[];
  /** The board's latest approved note, if any. */
  approvedNote(boardId: string): Promise<{ blocks: SummaryBlock[]; approvedAt: number } | null>;
  /** The ids of the board's steps that are `stepId` of `formatId` (a plain board's own, or an agenda's). */
  stepsFrom(boardId: string, formatId: string, stepId: string): Promise<ReadonlySet<string>>;
  /** The labels of Format 3's case card fields, in every language drafting writes. */
  caseFieldLabels: CaseFieldLabels;
}

/**
 * What a meeting's board brings from the network's earlier meetings (issue #11, item 4): the
 * contract and chosen topics of the latest approved Format 0 note before it, and "last time" —
 * the latest earlier meeting with an approved note, next steps first; and the case cards of Format
 * 3's "case cards" step in any earlier note, for a new case card to start from. Only approved
 * notes travel.
 */
export class ContinuityService {
  readonly #sources: ContinuitySources;

  constructor(sources: ContinuitySources) {
    this.#sources = sources;
  }

  async forBoard(boardId: string): Promise<ContinuityResponse> {
    const meeting = this.#sources.meetingOfBoard(boardId);
    if (!meeting) return { network: null, contract: null, topics: [], lastTime: null, cases: [] };
    const earlier = await this.#withNotes(
      this.#sources
        .meetings(meeting.networkId)
        .filter((m) => m.id !== meeting.id && m.startsAt < meeting.startsAt),
    );

    const ref = (m: ContinuityMeeting, approvedAt: number) => ({
      meetingId: m.id,
      meetingTitle: m.title,
      startsAt: m.startsAt,
      approvedAt: new Date(approvedAt).toISOString(),
    });

    let contract: ContinuityResponse['contract'] = null;
    let topics: string[] = [];
    for (const { meeting: m, note } of earlier) {
      const rules = unitsOfSteps(
        note.blocks,
        await this.#sources.stepsFrom(m.boardId, 'format-0', 'contract'),
        'decisions',
      ).flatMap(unitLines);
      const chosen = unitsOfSteps(
        note.blocks,
        await this.#sources.stepsFrom(m.boardId, 'format-0', 'choose-topics'),
        'decisions',
      ).flatMap(unitLines);
      if (!contract && rules.length > 0) contract = { ...ref(m, note.approvedAt), rules };
      if (topics.length === 0 && chosen.length > 0) topics = chosen;
      if (contract && topics.length > 0) break;
    }

    // The case cards of every earlier approved note, newest meeting first, bounded.
    const cases: ContinuityResponse['cases'] = [];
    for (const { meeting: m, note } of earlier) {
      if (cases.length >= MAX_CONTINUITY_CASES) break;
      const units = unitsOfSteps(
        note.blocks,
        await this.#sources.stepsFrom(m.boardId, 'format-3', 'case-cards'),
      );
      for (const fields of caseCardsOfUnits(units, this.#sources.caseFieldLabels))
        cases.push({ ...ref(m, note.approvedAt), fields });
    }

    const last = earlier[0];
    return {
      network: { id: meeting.networkId, name: this.#sources.networkName(meeting.networkId) },
      contract,
      topics,
      lastTime: last
        ? {
            ...ref(last.meeting, last.note.approvedAt),
            nextSteps: unitsInSection(last.note.blocks, 'next-steps'),
            blocks: last.note.blocks,
          }
        : null,
      cases: cases.slice(0, MAX_CONTINUITY_CASES),
    };
  }

  /**
   * The lines each step of `steps` drafted into the network's approved notes (in the note's
   * `noteSection`), newest meeting first: what the work plan's "propose from notes" reads (#13),
   * the same way the contract and the topics are read above.
   */
  async linesFromNotes(
    networkId: string,
    steps: readonly { format: string; stepId: string; noteSection: string }[],
  ): Promise<string[][]> {
    const notes = await this.#withNotes(this.#sources.meetings(networkId));
    const found: string[][] = [];
    for (const step of steps) {
      const lines: string[] = [];
      for (const { meeting, note } of notes) {
        const ids = await this.#sources.stepsFrom(meeting.boardId, step.format, step.stepId);
        lines.push(...unitsOfSteps(note.blocks, ids, step.noteSection).flatMap(unitLines));
      }
      found.push(lines);
    }
    return found;
  }

  /** The meetings with an approved note, each with it, newest meeting first. */
  async #withNotes(
    meetings: ContinuityMeeting[],
  ): Promise<{ meeting: ContinuityMeeting; note: { blocks: SummaryBlock[]; approvedAt: number } }[]> {
    const sorted = meetings.sort((a, b) => (a.startsAt < b.startsAt ? 1 : a.startsAt > b.startsAt ? -1 : 0));
    const found: { meeting: ContinuityMeeting; note: { blocks: SummaryBlock[]; approvedAt: number } }[] = [];
    for (const meeting of sorted) {
      const note = await this.#sources.approvedNote(meeting.boardId);
      if (note) found.push({ meeting, note });
    }
    return found;
  }
}
