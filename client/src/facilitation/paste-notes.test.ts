import { describe, expect, it } from 'vitest';
import { gridPositions, linesToNotes, MAX_PASTED_NOTES } from './paste-notes';

describe('linesToNotes', () => {
  it('makes one note per non-empty line, without list markers', () => {
    expect(linesToNotes('Brak budżetu\r\n\n  - Za mało ludzi  \n• Procedury\n1. Prawo\nb) Dane\n')).toEqual([
      'Brak budżetu',
      'Za mało ludzi',
      'Procedury',
      'Prawo',
      'Dane',
    ]);
  });
  it('keeps words that only look like markers', () => {
    expect(linesToNotes('-5% budżetu\nA to problem')).toEqual(['-5% budżetu', 'A to problem']);
  });
  it('caps a runaway paste', () => {
    expect(linesToNotes(Array.from({ length: 500 }, (_, i) => `n${i}`).join('\n'))).toHaveLength(
      MAX_PASTED_NOTES,
    );
  });
});

describe('gridPositions', () => {
  it('lays notes out row by row around the point', () => {
    const grid = gridPositions(5, { x: 0, y: 0 }, { gap: 20, maxColumns: 5, noteSize: 200 });
    // 3 columns × 2 rows: 640 × 420 units.
    expect(grid).toEqual([
      { x: -320, y: -210 },
      { x: -100, y: -210 },
      { x: 120, y: -210 },
      { x: -320, y: 10 },
      { x: -100, y: 10 },
    ]);
  });
  it('never gets wider than the maximum', () => {
    const grid = gridPositions(40, { x: 0, y: 0 }, { gap: 0, maxColumns: 5, noteSize: 100 });
    expect(new Set(grid.map((p) => p.x)).size).toBe(5);
    expect(gridPositions(0, { x: 0, y: 0 })).toEqual([]);
  });
});
