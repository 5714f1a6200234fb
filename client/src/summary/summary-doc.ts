import * as Y from 'yjs';
import {
  SUMMARY_APPROVAL,
  SUMMARY_COMMENTS,
  SUMMARY_DRAFTS,
  SUMMARY_RECORD,
  contentHash,
  insertSummaryBlocks,
  normalizeBlocks,
  readMeetingRecord,
  readSummaryBlocks,
  summaryBody,
  type ApprovalState,
  type MeetingRecord,
  type SummaryBlock,
  type SummaryComment,
} from '@empiria/shared';
import { readRecordFields, recordIsValid } from './meeting-record';
import {
  noteSections,
  pendingDrafts,
  readApproval,
  readComments,
  type PendingDraft,
  type SectionRef,
} from './summary-view';

/** Everything the summary screen reads from the summary document, as plain values. */
export interface SummaryContent {
  blocks: SummaryBlock[];
  sections: SectionRef[];
  /** Field by field (a broken field shows empty). */
  record: MeetingRecord;
  /** The record validates as a whole, as the server's exports read it. */
  recordValid: boolean;
  comments: SummaryComment[];
  approval: ApprovalState | null;
  pending: PendingDraft[];
  /** The hash a freeze would give the note now (the server's `ApprovalService.current`). */
  hash: string;
}

export function readSummaryContent(doc: Y.Doc): SummaryContent {
  const blocks = normalizeBlocks(readSummaryBlocks(summaryBody(doc)));
  const stored = doc.getMap(SUMMARY_RECORD).toJSON();
  return {
    blocks,
    sections: noteSections(blocks),
    record: readRecordFields(stored),
    recordValid: recordIsValid(stored),
    comments: readComments(doc.getArray(SUMMARY_COMMENTS).toArray()),
    approval: readApproval(doc.getMap(SUMMARY_APPROVAL).get('state')),
    pending: pendingDrafts(doc.getMap(SUMMARY_DRAFTS).toJSON()),
    hash: contentHash({ record: readMeetingRecord(doc), blocks }),
  };
}

/**
 * The top-level range of a drafted unit: its heading (the one with `sectionId`) up to the next
 * heading that carries a section id — the same grouping drafting uses (`applyDraft`).
 */
export function unitRange(fragment: Y.XmlFragment, sectionId: string): { start: number; end: number } | null {
  const children = fragment.toArray();
  const start = children.findIndex((child) => sectionIdOf(child) === sectionId);
  if (start < 0) return null;
  let end = start + 1;
  while (end < children.length && !sectionIdOf(children[end])) end++;
  return { start, end };
}

function sectionIdOf(node: unknown): string | null {
  if (!(node instanceof Y.XmlElement) || node.nodeName !== 'heading') return null;
  const id = node.getAttribute('sectionId');
  return typeof id === 'string' && id ? id : null;
}

/**
 * Puts the board's newer draft in place of a section a person had edited ("insert the new
 * version"); later re-drafts replace it again until someone edits it.
 */
export function insertPendingDraft(doc: Y.Doc, sectionId: string, blocks: readonly SummaryBlock[]): boolean {
  const fragment = summaryBody(doc);
  let done = false;
  doc.transact(() => {
    const range = unitRange(fragment, sectionId);
    if (!range) return;
    fragment.delete(range.start, range.end - range.start);
    insertSummaryBlocks(fragment, range.start, blocks);
    doc.getMap(SUMMARY_DRAFTS).set(sectionId, {
      writtenHash: contentHash(normalizeBlocks(blocks)),
      pending: null,
    });
    done = true;
  });
  return done;
}

/** Keeps the person's text and forgets the newer draft ("keep my version"). */
export function dismissPendingDraft(doc: Y.Doc, sectionId: string): void {
  const drafts = doc.getMap<{ writtenHash?: string; pending: unknown }>(SUMMARY_DRAFTS);
  const current = drafts.get(sectionId);
  if (!current) return;
  drafts.set(sectionId, { writtenHash: current.writtenHash ?? '', pending: null });
}

/** One field of the meeting record (the caller has checked the value). */
export function writeRecordField<K extends keyof MeetingRecord>(
  doc: Y.Doc,
  key: K,
  value: MeetingRecord[K],
): void {
  const record = doc.getMap(SUMMARY_RECORD);
  if (JSON.stringify(record.get(key)) === JSON.stringify(value)) return;
  record.set(key, value);
}
