import * as Y from 'yjs';
import type { DraftReport } from './summary-api';
import { contentHash } from './summary-hash';
import { SUMMARY_DRAFTS, summaryBody } from './summary-document';
import { insertSummaryBlocks, normalizeBlocks, readSummaryBlocks, type SummaryBlock } from './summary-tree';

/** A drafted unit: a heading with its `sectionId`, then its content. */
export interface DraftUnitInput {
  sectionId: string;
  blocks: SummaryBlock[];
}

interface DraftRecord {
  writtenHash: string;
  pending: SummaryBlock[] | null;
}

const hashOf = (blocks: readonly SummaryBlock[]) => contentHash(normalizeBlocks(blocks));

/** Top-level elements grouped into units: each starts at a heading with a `sectionId`. */
function units(fragment: Y.XmlFragment): { sectionId: string | null; start: number; end: number }[] {
  const children = fragment.toArray();
  const result: { sectionId: string | null; start: number; end: number }[] = [];
  children.forEach((child, index) => {
    const sectionId =
      child instanceof Y.XmlElement && child.nodeName === 'heading'
        ? child.getAttribute('sectionId')
        : undefined;
    if (typeof sectionId === 'string' && sectionId) result.push({ sectionId, start: index, end: index + 1 });
    else if (result.length > 0) (result[result.length - 1] as { end: number }).end = index + 1;
    else result.push({ sectionId: null, start: index, end: index + 1 });
  });
  return result;
}

function blocksBetween(fragment: Y.XmlFragment, start: number, end: number): SummaryBlock[] {
  const scratch = new Y.Doc();
  const copy = scratch.getXmlFragment('copy');
  copy.insert(
    0,
    fragment.slice(start, end).map((node) => (node as Y.XmlElement | Y.XmlText).clone()),
  );
  return readSummaryBlocks(copy);
}

/**
 * Writes a fresh draft into the summary document without overwriting anyone's edits: a unit whose
 * content still hashes to what drafting last wrote is replaced; a unit a person has edited is kept
 * and the new draft is stored beside it (`drafts.<id>.pending`) for the editor to offer; new units
 * go after the previous unit of the draft's order. Call inside a transaction on the summary doc.
 */
export function applyDraft(doc: Y.Doc, draft: readonly DraftUnitInput[]): DraftReport {
  const fragment = summaryBody(doc);
  const records = doc.getMap<DraftRecord>(SUMMARY_DRAFTS);
  const report: DraftReport = { added: [], updated: [], kept: [], unchanged: [] };
  let previousId: string | null = null;

  for (const unit of draft) {
    const newHash = hashOf(unit.blocks);
    const existing = units(fragment).find((u) => u.sectionId === unit.sectionId);
    if (!existing) {
      const after: { end: number } | undefined = previousId
        ? units(fragment).find((u) => u.sectionId === previousId)
        : undefined;
      insertSummaryBlocks(fragment, after ? after.end : fragment.length, unit.blocks);
      records.set(unit.sectionId, { writtenHash: newHash, pending: null });
      report.added.push(unit.sectionId);
    } else {
      const current = hashOf(blocksBetween(fragment, existing.start, existing.end));
      const record = records.get(unit.sectionId);
      if (current === newHash) {
        records.set(unit.sectionId, { writtenHash: newHash, pending: null });
        report.unchanged.push(unit.sectionId);
      } else if (record && current === record.writtenHash) {
        fragment.delete(existing.start, existing.end - existing.start);
        insertSummaryBlocks(fragment, existing.start, unit.blocks);
        records.set(unit.sectionId, { writtenHash: newHash, pending: null });
        report.updated.push(unit.sectionId);
      } else if (record && record.writtenHash === newHash) {
        // Edited by a person, and the board says what it said then: nothing new to offer.
        records.set(unit.sectionId, { writtenHash: newHash, pending: null });
        report.unchanged.push(unit.sectionId);
      } else {
        records.set(unit.sectionId, { writtenHash: record?.writtenHash ?? '', pending: unit.blocks });
        report.kept.push(unit.sectionId);
      }
    }
    previousId = unit.sectionId;
  }
  return report;
}
