import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyDraft, type DraftUnitInput } from './apply-draft';
import { SUMMARY_DRAFTS, summaryBody } from './summary-document';
import { normalizeBlocks, readSummaryBlocks, run, runsText, type SummaryBlock } from './summary-tree';

const unit = (id: string, title: string, ...items: string[]): DraftUnitInput => ({
  sectionId: id,
  blocks: [
    { type: 'heading', level: 2, sectionId: id, runs: [run(title)] },
    { type: 'bulletList', items: items.map((text) => [{ type: 'paragraph', runs: [run(text)] }]) },
  ],
});

function texts(doc: Y.Doc): string[] {
  const flat = (blocks: SummaryBlock[]): string[] =>
    blocks.flatMap((b) =>
      b.type === 'heading' || b.type === 'paragraph' ? [runsText(b.runs)] : b.items.flatMap(flat),
    );
  return flat(normalizeBlocks(readSummaryBlocks(summaryBody(doc))));
}

describe('applying a draft', () => {
  it('writes new units in order, then updates the ones nobody edited', () => {
    const doc = new Y.Doc();
    const first = doc.transact(() =>
      applyDraft(doc, [unit('a', 'Bariery', 'budżet'), unit('b', 'Rozwiązania', 'szkolenia')]),
    );
    expect(first.added).toEqual(['a', 'b']);
    expect(texts(doc)).toEqual(['Bariery', 'budżet', 'Rozwiązania', 'szkolenia']);

    const second = doc.transact(() =>
      applyDraft(doc, [unit('a', 'Bariery', 'budżet', 'czas'), unit('b', 'Rozwiązania', 'szkolenia')]),
    );
    expect(second).toMatchObject({ updated: ['a'], unchanged: ['b'] });
    expect(texts(doc)).toEqual(['Bariery', 'budżet', 'czas', 'Rozwiązania', 'szkolenia']);
  });

  it("never overwrites a person's edit, and keeps the new draft beside it", () => {
    const doc = new Y.Doc();
    doc.transact(() => applyDraft(doc, [unit('a', 'Bariery', 'budżet')]));
    // The facilitator rewrites the list item (as TipTap would, through Yjs).
    const list = summaryBody(doc).get(1) as Y.XmlElement;
    const paragraph = (list.get(0) as Y.XmlElement).get(0) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).insert(0, 'Brak: ');
    const report = doc.transact(() => applyDraft(doc, [unit('a', 'Bariery', 'budżet', 'czas')]));
    expect(report.kept).toEqual(['a']);
    expect(texts(doc)).toEqual(['Bariery', 'Brak: budżet']);
    const pending = doc.getMap<{ pending: SummaryBlock[] | null }>(SUMMARY_DRAFTS).get('a')?.pending;
    expect(pending).toEqual(unit('a', 'Bariery', 'budżet', 'czas').blocks);
  });

  it('offers nothing beside an edited unit when the board has not changed', () => {
    const doc = new Y.Doc();
    doc.transact(() => applyDraft(doc, [unit('a', 'Bariery', 'budżet')]));
    const list = summaryBody(doc).get(1) as Y.XmlElement;
    (((list.get(0) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Brak: ');
    const report = doc.transact(() => applyDraft(doc, [unit('a', 'Bariery', 'budżet')]));
    expect(report).toMatchObject({ kept: [], unchanged: ['a'] });
    expect(doc.getMap<{ pending: unknown }>(SUMMARY_DRAFTS).get('a')?.pending).toBeNull();
    expect(texts(doc)).toEqual(['Bariery', 'Brak: budżet']);
  });

  it('inserts a unit that appears later after its predecessor, not at the end', () => {
    const doc = new Y.Doc();
    doc.transact(() => applyDraft(doc, [unit('a', 'A', '1'), unit('c', 'C', '3')]));
    doc.transact(() => applyDraft(doc, [unit('a', 'A', '1'), unit('b', 'B', '2'), unit('c', 'C', '3')]));
    expect(texts(doc)).toEqual(['A', '1', 'B', '2', 'C', '3']);
  });
});
