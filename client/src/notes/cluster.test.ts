import { describe, expect, it } from 'vitest';
import { clusterMetaOf } from '@empiria/shared';
import { clusterBounds, clusterableNotes, withClusterName } from './cluster';

describe('clusters', () => {
  it('wraps the notes with padding', () => {
    expect(
      clusterBounds(
        [
          { x: 0, y: 0, w: 200, h: 200 },
          { x: 300, y: 50, w: 200, h: 260 },
        ],
        30,
      ),
    ).toEqual({ x: -30, y: -30, w: 560, h: 370 });
    expect(clusterBounds([])).toBeNull();
  });

  it('reads and writes the name in meta, keeping the rest', () => {
    const meta = withClusterName({ other: 1, empiria: { author: 'x' } }, '  Brak   danych ');
    expect(meta).toEqual({ other: 1, empiria: { author: 'x', cluster: { name: 'Brak danych' } } });
    expect(clusterMetaOf({ meta })).toEqual({ name: 'Brak danych' });
    expect(clusterMetaOf({ meta: { empiria: { kind: 'template' } } })).toBeNull();
    expect(clusterMetaOf({ meta: null })).toBeNull();
  });

  it('needs two notes outside a cluster', () => {
    const note = (id: string, parentIsCluster = false) => ({ id, type: 'note', parentIsCluster });
    expect(clusterableNotes([note('a'), { id: 'g', type: 'geo', parentIsCluster: false }])).toEqual([]);
    expect(clusterableNotes([note('a'), note('b', true), note('c')]).map((n) => n.id)).toEqual(['a', 'c']);
  });
});
