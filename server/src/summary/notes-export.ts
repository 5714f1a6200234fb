import { isShared, type BoardInfo, type SummaryBlock } from '@empiria/shared';
import { DomainError } from '../domain-error';
import type { ApprovalService } from './approval-service';
import { meetingNotesToDocx } from './docx-export';
import { DEFAULT_TIME_ZONE } from './export-time';
import { meetingNotesToHtml } from './html-export';
import { meetingNotesToMarkdown } from './markdown-export';
import type { MeetingNotes } from './meeting-notes';
import { noteLanguage } from './note-language';
import { formatOfBoard } from '../boards/board-format';

export type NotesFormat = 'md' | 'docx' | 'html';

export interface ExportedNotes {
  body: Buffer | string;
  contentType: string;
  filename: string;
  approved: boolean;
}

/**
 * The meeting notes a caller may read: the latest approved version (as it was frozen), or — for
 * the core roles — the current draft, marked as such. Observers get only an approved version the
 * group decided to share with them, by the approval's rule ([P6], [I6]; `sharingDecision`).
 */
export class NotesExporter {
  readonly #approvals: ApprovalService;

  constructor(approvals: ApprovalService) {
    this.#approvals = approvals;
  }

  async notes(board: BoardInfo, observer: boolean): Promise<MeetingNotes> {
    // The exports speak the note's language (that of whoever drafted it), the board's otherwise.
    const base = (blocks: readonly SummaryBlock[]) => {
      const language = noteLanguage(blocks, board.language);
      const formatName = formatOfBoard(board).name[language];
      // Boards store no zone of their own yet: every meeting is in Poland.
      return { boardTitle: board.title, formatName, language, timeZone: DEFAULT_TIME_ZONE };
    };
    const approved = await this.#approvals.latestApproved(board.id);
    if (approved) {
      const { decisions, consents } = await this.#approvals.approvalOf(approved);
      if (!observer || isShared(await this.#approvals.sharingInput(approved), 'observers')) {
        return {
          ...base(approved.content.blocks),
          ...approved.content,
          status: {
            kind: 'approved',
            versionId: approved.id,
            hash: approved.hash,
            rule: approved.rule,
            approvedAt: approved.closedAt ?? approved.openedAt,
            decisions,
            consents,
          },
        };
      }
    }
    if (observer) {
      throw new DomainError(
        'forbidden',
        'not_shared',
        'No approved notes of this meeting are shared with observers yet.',
      );
    }
    const { record, blocks } = await this.#approvals.current(board.id);
    return { ...base(blocks), record, blocks, status: { kind: 'draft' } };
  }

  async export(board: BoardInfo, format: NotesFormat, observer: boolean): Promise<ExportedNotes> {
    const notes = await this.notes(board, observer);
    const approved = notes.status.kind === 'approved';
    const stem = `${slug(notes.record.meetingTitle || board.title)}${approved ? '' : '-draft'}`;
    switch (format) {
      case 'md':
        return {
          body: meetingNotesToMarkdown(notes),
          contentType: 'text/markdown; charset=utf-8',
          filename: `${stem}.md`,
          approved,
        };
      case 'html':
        return {
          body: meetingNotesToHtml(notes),
          contentType: 'text/html; charset=utf-8',
          filename: `${stem}.html`,
          approved,
        };
      case 'docx':
        return {
          body: await meetingNotesToDocx(notes),
          contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          filename: `${stem}.docx`,
          approved,
        };
    }
  }
}

/** A file name from a title: Polish letters folded, anything else a dash. */
function slug(title: string): string {
  const folded = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L');
  return (
    folded
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'notatka'
  );
}
