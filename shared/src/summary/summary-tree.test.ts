import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { contentHash } from './summary-hash';
import {
  insertSummaryBlocks,
  normalizeBlocks,
  readSummaryBlocks,
  run,
  type SummaryBlock,
} from './summary-tree';

const blocks: SummaryBlock[] = [
  { type: 'heading', level: 2, sectionId: 'step:barriers', runs: [run('Bariery')] },
  { type: 'paragraph', runs: [run('Najważniejsza: '), run('brak budżetu', 'bold')] },
  {
    type: 'bulletList',
    items: [
      [{ type: 'paragraph', runs: [run('czas')] }],
      [{ type: 'paragraph', runs: [run('ludzie', 'italic')] }],
    ],
  },
];

describe('summary tree', () => {
  it('round-trips through a Y.XmlFragment the way TipTap stores it', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('body');
    doc.transact(() => insertSummaryBlocks(fragment, 0, blocks));
    expect(normalizeBlocks(readSummaryBlocks(fragment))).toEqual(normalizeBlocks(blocks));
    // …and survives a sync to another document.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(normalizeBlocks(readSummaryBlocks(copy.getXmlFragment('body')))).toEqual(normalizeBlocks(blocks));
  });

  it('hashes visible content only', () => {
    const split: SummaryBlock[] = [
      { type: 'paragraph', runs: [run('a'), run(''), run('b')] },
      { type: 'paragraph', runs: [] },
    ];
    expect(contentHash(normalizeBlocks(split))).toBe(
      contentHash(normalizeBlocks([{ type: 'paragraph', runs: [run('ab')] }])),
    );
    expect(contentHash({ b: 1, a: 2 })).toBe(contentHash({ a: 2, b: 1 }));
    expect(contentHash(normalizeBlocks(blocks))).not.toBe(contentHash(normalizeBlocks(split)));
  });
});
