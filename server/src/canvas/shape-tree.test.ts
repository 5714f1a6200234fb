import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CANVAS_RECORDS_ARRAY } from '@empiria/shared';
import type { RecordEntry } from './canvas-records';
import { ShapeTree } from './shape-tree';

const records = (doc: Y.Doc) => doc.getArray<RecordEntry>(CANVAS_RECORDS_ARRAY);
const shape = (id: string, parentId: string) => ({ key: id, val: { id, typeName: 'shape', parentId } });

describe('ShapeTree', () => {
  it('reads the parents of the records that stand, and keeps in step as they change', () => {
    const doc = new Y.Doc();
    records(doc).push([
      shape('shape:f', 'page:page'),
      shape('shape:a', 'shape:f'),
      shape('shape:b', 'shape:f'),
    ]);
    const tree = ShapeTree.of(doc);
    expect(ShapeTree.of(doc)).toBe(tree);
    expect(tree.parentOf('shape:a')).toBe('shape:f');
    expect(tree.parentOf('shape:f')).toBeUndefined();
    expect([...tree.childrenOf('shape:f')].sort()).toEqual(['shape:a', 'shape:b']);

    // a moves out of f (its entry replaced), b is deleted, c waits for a parent not there yet.
    doc.transact(() => {
      records(doc).delete(1, 2);
      records(doc).push([shape('shape:a', 'page:page'), shape('shape:c', 'shape:later')]);
    });
    expect(tree.parentOf('shape:a')).toBeUndefined();
    expect([...tree.childrenOf('shape:f')]).toEqual([]);
    expect(tree.parentOf('shape:b')).toBeUndefined();
    expect([...tree.childrenOf('shape:later')]).toEqual(['shape:c']);

    // An entry pushed after the one that stands takes its place.
    records(doc).push([shape('shape:a', 'shape:f')]);
    expect([...tree.childrenOf('shape:f')]).toEqual(['shape:a']);
  });
});
