import { describe, expect, it } from 'vitest';
import { folderCycles, folderEdges, folderOf } from './folder-graph.mjs';

describe('the folder graph', () => {
  it('names the top-level folder, none for a file at the root', () => {
    expect(folderOf('board/BoardScreen.tsx')).toBe('board');
    expect(folderOf('main.tsx')).toBeNull();
  });

  it('keeps one edge a pair of folders, with the first import that makes it', () => {
    const edges = folderEdges({
      'board/a.ts': ['session/s.ts', 'board/b.ts', 'main.tsx'],
      'board/b.ts': ['session/t.ts'],
    });
    expect(edges).toEqual([{ from: 'board', to: 'session', file: 'board/a.ts', target: 'session/s.ts' }]);
  });

  it('passes a one-way graph', () => {
    expect(
      folderCycles({
        'board/screen.tsx': ['facilitation/layer.tsx', 'session/session.ts'],
        'facilitation/layer.tsx': ['session/session.ts'],
        'session/session.ts': ['canvas/sync.ts'],
        'canvas/sync.ts': [],
      }),
    ).toEqual([]);
  });

  it('finds folders that import each other, even when no file is in a cycle', () => {
    const cycles = folderCycles({
      'board/screen.tsx': ['facilitation/layer.tsx'],
      'facilitation/acts.ts': ['board/editor-store.ts'],
      'board/editor-store.ts': [],
      'facilitation/layer.tsx': [],
      'zones/tidy.ts': ['session/s.ts'],
      'session/s.ts': [],
    });
    expect(cycles.map((cycle) => cycle.folders)).toEqual([['board', 'facilitation']]);
    expect(cycles[0].edges).toHaveLength(2);
    expect(cycles[0].shortest.map((edge) => edge.file)).toEqual(['board/screen.tsx', 'facilitation/acts.ts']);
  });

  it('finds a circle through three folders', () => {
    const cycles = folderCycles({
      'a/x.ts': ['b/y.ts'],
      'b/y.ts': ['c/z.ts'],
      'c/z.ts': ['a/w.ts'],
      'a/w.ts': [],
    });
    expect(cycles.map((cycle) => cycle.folders)).toEqual([['a', 'b', 'c']]);
    expect(cycles[0].shortest.map((edge) => `${edge.from}>${edge.to}`)).toEqual(['a>b', 'b>c', 'c>a']);
  });

  it('names the shortest way round a group, the place to cut', () => {
    const cycles = folderCycles({
      'a/x.ts': ['b/y.ts', 'c/z.ts'],
      'b/y.ts': ['c/z.ts'],
      'c/z.ts': ['a/w.ts'],
      'a/w.ts': [],
    });
    expect(cycles[0].shortest.map((edge) => `${edge.from}>${edge.to}`)).toEqual(['a>c', 'c>a']);
  });
});
