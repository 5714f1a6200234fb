import { describe, expect, it } from 'vitest';
import { format2, inside, layoutFormat, zoneAt } from '@empiria/formats';
import { isInTarget, scribeTargets, targetZone } from './scribe-targets';
import { countByTarget, groupTargets, targetLabel } from './scribe-view';

const layout = layoutFormat(format2);

describe('the scribe’s numbered targets', () => {
  it('numbers each area zone once, in the order of the sheet', () => {
    const targets = scribeTargets(layout, 'challenge');
    expect(targets.map((t) => [t.number, t.zoneId, t.cellId])).toEqual([
      [1, 'statement', null],
      [2, 'facts', null],
    ]);
  });

  it('numbers each cell of a zone made of cells, after the areas above it', () => {
    const targets = scribeTargets(layout, 'priorities');
    expect(targets.map((t) => `${t.number}:${t.zoneId}/${t.cellId ?? '-'}`)).toEqual([
      '1:candidates/-',
      '2:top/barrier-1',
      '3:top/barrier-2',
      '4:top/barrier-3',
    ]);
    // A matrix: 2 × 2 cells; cards: 3 cards × 4 fields.
    expect(scribeTargets(layout, 'impact-effort')).toHaveLength(4);
    expect(scribeTargets(layout, 'test-plan')).toHaveLength(12);
  });

  it('names a card’s field with its card, since every card repeats the same fields', () => {
    const labels = scribeTargets(layout, 'test-plan').map((t) => t.cellLabel?.pl);
    expect(labels.slice(0, 2)).toEqual(['Test 1 · Rozwiązanie', 'Test 1 · Miasto pilotażowe']);
    expect(labels[4]).toBe('Test 2 · Rozwiązanie');
    expect(scribeTargets(layout, 'test-plan')[11]!.cellLabel?.en).toBe('Test 3 · By when');
    // Other cells keep their own label.
    expect(scribeTargets(layout, 'priorities')[1]!.cellLabel?.pl).toBe(
      layout.sheets.find((s) => s.stepId === 'priorities')!.zones[1]!.cells[0]!.label.pl,
    );
  });

  it('gives a rectangle inside the zone whose centre is in that zone and cell', () => {
    for (const sheet of layout.sheets) {
      for (const target of scribeTargets(layout, sheet.stepId)) {
        const zone = sheet.zones.find((z) => z.zoneId === target.zoneId)!;
        expect(inside(target.rect, zone)).toBe(true);
        const hit = zoneAt(layout, { x: target.rect.x + 100, y: target.rect.y + 100 });
        expect(hit?.zoneId).toBe(target.zoneId);
        expect(hit?.cellId ?? null).toBe(target.cellId);
      }
    }
  });

  it('is empty for an unknown step', () => {
    expect(scribeTargets(layout, 'nope')).toEqual([]);
  });

  it('names the zone a note records, and counts the notes per target', () => {
    const [candidates, first] = scribeTargets(layout, 'priorities');
    expect(targetZone(candidates!)).toEqual({ stepId: 'priorities', zoneId: 'candidates' });
    expect(targetZone(first!)).toEqual({ stepId: 'priorities', zoneId: 'top', cellId: 'barrier-1' });
    expect(isInTarget({ stepId: 'priorities', zoneId: 'top', cellId: 'barrier-1' }, first!)).toBe(true);
    expect(isInTarget({ stepId: 'priorities', zoneId: 'top' }, first!)).toBe(false);
    const counts = countByTarget(scribeTargets(layout, 'priorities'), [
      { stepId: 'priorities', zoneId: 'candidates' },
      { stepId: 'priorities', zoneId: 'candidates' },
      { stepId: 'priorities', zoneId: 'top', cellId: 'barrier-3' },
      { stepId: 'barriers', zoneId: 'barriers' },
      null,
    ]);
    expect(counts).toEqual({ 1: 2, 4: 1 });
  });

  it('groups cells under their zone’s heading, areas stand alone', () => {
    const groups = groupTargets(scribeTargets(layout, 'priorities'));
    expect(groups.map((g) => [g.zoneId, g.heading?.en ?? null, g.targets.length])).toEqual([
      ['candidates', null, 1],
      ['top', 'First', 3],
    ]);
    expect(targetLabel(groups[1]!.targets[0]!).pl).toBe('Bariera 1');
    expect(targetLabel(groups[0]!.targets[0]!).en).toBe('Groups of barriers to vote on');
  });
});
