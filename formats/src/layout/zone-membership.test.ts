import { describe, expect, it } from 'vitest';
import { formats } from '../formats';
import { format2 } from '../definitions/format-2';
import { SHEET } from './geometry';
import { layoutFormat } from './sheet-layout';
import { centreOf, placeOf, sheetAt, zoneAt } from './zone-membership';

describe('zoneAt', () => {
  it.each(formats.map((f) => [f.id, f] as const))(
    '%s: finds the cell under the centre of every cell',
    (_id, format) => {
      const layout = layoutFormat(format);
      for (const sheet of layout.sheets) {
        for (const zone of sheet.zones) {
          for (const cell of zone.cells) {
            expect(zoneAt(layout, centreOf(cell))).toEqual({
              stepId: sheet.stepId,
              sheetIndex: sheet.index,
              zoneId: zone.zoneId,
              cellId: cell.cellId,
            });
          }
        }
      }
    },
  );

  const layout = layoutFormat(format2);
  const barriers = layout.sheets[1]!;
  const area = barriers.zones[0]!;

  it('puts a note in an area zone with no cell', () => {
    expect(zoneAt(layout, centreOf(area.body))).toEqual({
      stepId: 'barriers',
      sheetIndex: 1,
      zoneId: 'barriers',
      cellId: null,
    });
  });

  it('decides by the centre: a note straddling the zone edge belongs where its centre is', () => {
    const note = { x: area.x - 90, y: area.y + 300, w: 200, h: 200 };
    expect(zoneAt(layout, centreOf(note))?.zoneId).toBe('barriers');
    expect(zoneAt(layout, centreOf({ ...note, x: area.x - 110 }))).toBeNull();
  });

  it('finds the zone but no cell on a header', () => {
    const matrix = layout.sheets.find((s) => s.stepId === 'impact-effort')!.zones[0]!;
    const header = matrix.headers.find((h) => h.role === 'column')!;
    expect(zoneAt(layout, centreOf(header))).toMatchObject({ zoneId: 'matrix', cellId: null });
  });

  it('finds nothing on a title, between sheets, or off the board', () => {
    expect(zoneAt(layout, centreOf(barriers.titleBox))).toBeNull();
    expect(sheetAt(layout, centreOf(barriers.titleBox))?.stepId).toBe('barriers');
    const between = { x: barriers.x + barriers.w + SHEET.gap / 2, y: 500 };
    expect(sheetAt(layout, between)).toBeNull();
    expect(zoneAt(layout, between)).toBeNull();
    expect(zoneAt(layout, { x: -10, y: 500 })).toBeNull();
    expect(zoneAt(layout, { x: 500, y: -10 })).toBeNull();
    expect(zoneAt(layout, { x: layout.bounds.w + 10, y: 500 })).toBeNull();
  });

  it('gives the place to tidy: the cell, or the body of an area', () => {
    const matrix = layout.sheets.find((s) => s.stepId === 'impact-effort')!;
    const cell = matrix.zones[0]!.cells[1]!;
    expect(placeOf(layout, zoneAt(layout, centreOf(cell))!)).toEqual(cell);
    expect(placeOf(layout, zoneAt(layout, centreOf(area.body))!)).toEqual(area.body);
    expect(placeOf(layout, { stepId: 'x', sheetIndex: 99, zoneId: 'x', cellId: null })).toBeNull();
  });
});
