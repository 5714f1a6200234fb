import { describe, expect, it } from 'vitest';
import { format2, layoutFormat } from '@empiria/formats';
import { sheetContents } from './sheet-contents';
import type { SheetNote } from './sheet-contents';

const layout = layoutFormat(format2);

function note(
  id: string,
  x: number,
  y: number,
  zone: SheetNote['zone'],
  cluster: SheetNote['cluster'] = null,
) {
  return { id, kind: 'note', text: id, color: 'yellow', zone, cluster, x, y } satisfies SheetNote;
}

describe('sheetContents', () => {
  it('gives each zone and each cell a section, in the scribe’s order', () => {
    const sections = sheetContents(layout, 'priorities', []);
    expect(sections.map((s) => `${s.target.zoneId}/${s.target.cellId ?? ''}`)).toEqual([
      'candidates/',
      'top/barrier-1',
      'top/barrier-2',
      'top/barrier-3',
    ]);
    expect(sections.every((s) => s.count === 0)).toBe(true);
  });

  it('puts each note in its zone’s section, in reading order, clusters first', () => {
    const zone = { stepId: 'grouping', zoneId: 'clusters' };
    const blue = { id: 'frame:1', name: 'Pieniądze' };
    const notes = [
      note('b', 3500, 600, zone),
      note('a', 3300, 610, zone),
      note('c', 3300, 900, zone, blue),
      note('d', 3600, 880, zone, blue),
      note('elsewhere', 0, 0, { stepId: 'barriers', zoneId: 'barriers' }),
      note('nowhere', 0, 0, null),
    ];
    const [section] = sheetContents(layout, 'grouping', notes);
    expect(section!.count).toBe(4);
    expect(section!.loose.map((n) => n.id)).toEqual(['a', 'b']);
    expect(section!.clusters).toEqual([{ id: 'frame:1', name: 'Pieniądze', notes: [notes[2], notes[3]] }]);
  });

  it('matches a cell by its id', () => {
    const notes = [note('x', 0, 0, { stepId: 'priorities', zoneId: 'top', cellId: 'barrier-2' })];
    const sections = sheetContents(layout, 'priorities', notes);
    expect(sections.map((s) => s.count)).toEqual([0, 0, 1, 0]);
  });
});
