import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  SUMMARY_DRAFTS,
  applyDraft,
  contentHash,
  normalizeBlocks,
  readMeetingRecord,
  readSummaryBlocks,
  run,
  runsText,
  summaryBody,
  type SummaryBlock,
} from '@empiria/shared';
import {
  dismissPendingDraft,
  insertPendingDraft,
  readSummaryContent,
  unitRange,
  writeRecordField,
} from './summary-doc';

const unit = (sectionId: string, title: string, text: string) => ({
  sectionId,
  blocks: [
    { type: 'heading', level: 2, sectionId, runs: [run(title)] },
    { type: 'paragraph', runs: [run(text)] },
  ] as SummaryBlock[],
});

function texts(doc: Y.Doc): string[] {
  return readSummaryBlocks(summaryBody(doc)).flatMap((b) =>
    b.type === 'heading' || b.type === 'paragraph' ? [runsText(b.runs)] : [],
  );
}

describe('the summary document, as the screen reads and writes it', () => {
  it('hashes the note the way the server freezes it', () => {
    const doc = new Y.Doc();
    doc.transact(() => applyDraft(doc, [unit('s1', 'Oczekiwania', 'Wymiana kontaktów')]));
    writeRecordField(doc, 'network', 'Sieć cyfrowa');
    const content = readSummaryContent(doc);
    const blocks = normalizeBlocks(readSummaryBlocks(summaryBody(doc)));
    expect(content.hash).toBe(contentHash({ record: readMeetingRecord(doc), blocks }));
    expect(content.sections).toEqual([{ sectionId: 's1', title: 'Oczekiwania' }]);
    expect(content.record.network).toBe('Sieć cyfrowa');
    expect(content.recordValid).toBe(true);
  });

  it('offers the board’s newer draft of an edited section, and inserts it in its place', () => {
    const doc = new Y.Doc();
    doc.transact(() => applyDraft(doc, [unit('s1', 'Oczekiwania', 'stare'), unit('s2', 'Obawy', 'obawa')]));
    // A person edits s1; the board changes; a re-draft keeps the edit and stores the new draft.
    const first = summaryBody(doc).get(1) as Y.XmlElement;
    (first.get(0) as Y.XmlText).insert(0, 'Moje: ');
    let report!: ReturnType<typeof applyDraft>;
    doc.transact(() => {
      report = applyDraft(doc, [unit('s1', 'Oczekiwania', 'nowe z tablicy'), unit('s2', 'Obawy', 'obawa')]);
    });
    expect(report.kept).toEqual(['s1']);
    const pending = readSummaryContent(doc).pending;
    expect(pending.map((p) => p.sectionId)).toEqual(['s1']);

    expect(unitRange(summaryBody(doc), 's1')).toEqual({ start: 0, end: 2 });
    expect(insertPendingDraft(doc, 's1', pending[0]!.blocks)).toBe(true);
    expect(texts(doc)).toEqual(['Oczekiwania', 'nowe z tablicy', 'Obawy', 'obawa']);
    expect(readSummaryContent(doc).pending).toEqual([]);

    // Nobody edited it since: the next re-draft replaces it again.
    doc.transact(() => {
      report = applyDraft(doc, [unit('s1', 'Oczekiwania', 'jeszcze nowsze'), unit('s2', 'Obawy', 'obawa')]);
    });
    expect(report.updated).toEqual(['s1']);
  });

  it('keeps the person’s text when they dismiss the newer draft', () => {
    const doc = new Y.Doc();
    doc.transact(() => applyDraft(doc, [unit('s1', 'A', 'a')]));
    doc.getMap(SUMMARY_DRAFTS).set('s1', { writtenHash: 'w', pending: unit('s1', 'A', 'b').blocks });
    dismissPendingDraft(doc, 's1');
    expect(doc.getMap(SUMMARY_DRAFTS).get('s1')).toEqual({ writtenHash: 'w', pending: null });
    expect(insertPendingDraft(doc, 'missing', [])).toBe(false);
  });
});
