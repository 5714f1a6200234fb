import { describe, expect, it } from 'vitest';
import { formats } from '../formats';
import { format1 } from '../definitions/format-1';
import { blankFormat } from '../definitions/blank';
import { zoneCells } from '../zone';
import { NOTE_SIZE, SHEET, inside, overlaps, type Rect, type ZoneGeometry } from './geometry';
import { layoutFormat } from './sheet-layout';
import { noteCapacity } from './tidy';
import { LINE_HEIGHT, typography } from './typography';

const withSteps = formats.filter((f) => f.steps.length > 0).map((f) => [f.id, f] as const);

function eachZone(): Array<[string, ZoneGeometry]> {
  return formats.flatMap((format) =>
    layoutFormat(format).sheets.flatMap((sheet) =>
      sheet.zones.map(
        (zone) => [`${format.id}/${sheet.stepId}/${zone.zoneId}`, zone] as [string, ZoneGeometry],
      ),
    ),
  );
}

function expectDisjoint(rects: Rect[], what: string): void {
  rects.forEach((a, i) =>
    rects
      .slice(i + 1)
      .forEach((b) => expect(overlaps(a, b), `${what}: ${JSON.stringify([a, b])}`).toBe(false)),
  );
}

describe('layoutFormat', () => {
  it('lays format 1 out as before (snapshot)', () => {
    expect(layoutFormat(format1)).toMatchSnapshot();
  });

  it.each(withSteps)('%s: is deterministic', (_id, format) => {
    expect(layoutFormat(format)).toEqual(layoutFormat(format));
    expect(JSON.stringify(layoutFormat(format))).toBe(JSON.stringify(layoutFormat(format)));
  });

  it('gives the blank board no sheets', () => {
    expect(layoutFormat(blankFormat)).toEqual({
      formatId: 'blank',
      formatVersion: 1,
      sheets: [],
      bounds: { x: 0, y: 0, w: 0, h: 0 },
    });
  });

  it.each(withSteps)('%s: one flipchart sheet per step, in a row left to right', (_id, format) => {
    const layout = layoutFormat(format);
    expect(layout.formatVersion).toBe(format.version);
    expect(layout.sheets.map((s) => s.stepId)).toEqual(format.steps.map((s) => s.id));
    layout.sheets.forEach((sheet, i) => {
      expect(sheet.w / sheet.h).toBeCloseTo(68 / 99, 6);
      expect([sheet.x, sheet.y, sheet.w, sheet.h, sheet.index, sheet.number]).toEqual([
        i * (SHEET.w + SHEET.gap),
        0,
        1360,
        1980,
        i,
        i + 1,
      ]);
    });
    expect(layout.bounds.w).toBe(layout.sheets.length * SHEET.w + (layout.sheets.length - 1) * SHEET.gap);
  });

  it.each(withSteps)(
    '%s: number, title, instruction and zones sit inside the margins without overlapping',
    (_id, format) => {
      for (const sheet of layoutFormat(format).sheets) {
        const margins = {
          x: sheet.x + SHEET.margin,
          y: sheet.y + SHEET.margin,
          w: sheet.w - 2 * SHEET.margin,
          h: sheet.h - 2 * SHEET.margin,
        };
        const blocks = [sheet.badgeBox, sheet.titleBox, sheet.instructionBox, ...sheet.zones];
        for (const block of blocks)
          expect(inside(block, margins), `${sheet.stepId} ${JSON.stringify(block)}`).toBe(true);
        expectDisjoint(blocks, sheet.stepId);
      }
    },
  );

  it.each(withSteps)('%s: keeps titles to 2 lines and instructions to 4 at projector size', (_id, format) => {
    for (const sheet of layoutFormat(format).sheets) {
      expect(sheet.titleBox.h, sheet.stepId).toBeLessThanOrEqual(
        Math.ceil(2 * typography.title.fontSize * LINE_HEIGHT),
      );
      expect(sheet.instructionBox.h, sheet.stepId).toBeLessThanOrEqual(
        Math.ceil(4 * typography.instruction.fontSize * LINE_HEIGHT),
      );
    }
  });

  it.each(withSteps)('%s: uses whole canvas units only', (_id, format) => {
    const numbers: number[] = [];
    JSON.stringify(layoutFormat(format), (_key, value: unknown) => {
      if (typeof value === 'number') numbers.push(value);
      return value;
    });
    expect(numbers.filter((n) => !Number.isInteger(n))).toEqual([]);
  });
});

describe('zone geometry', () => {
  it.each(eachZone())('%s: parts lie inside the zone, cells do not overlap', (_name, zone) => {
    for (const box of [zone.labelBox, zone.hintBox, zone.body]) if (box) expect(inside(box, zone)).toBe(true);
    for (const part of [...zone.cells, ...zone.headers, ...zone.groups])
      expect(inside(part, zone.body), JSON.stringify(part)).toBe(true);
    for (const arrow of zone.arrows) {
      for (const end of [arrow.from, arrow.to]) expect(inside({ ...end, w: 0, h: 0 }, zone.body)).toBe(true);
    }
    expectDisjoint(zone.cells, 'cells');
    // Column, row and corner headers frame the cells; poll and field labels are written inside them.
    if (zone.kind !== 'poll') {
      const frames = zone.headers.filter(
        (h) => h.role === 'column' || h.role === 'row' || h.role === 'corner',
      );
      expectDisjoint([...frames, ...zone.cells], 'headers and cells');
    }
  });

  it('gives every zone the cells its definition names, in order', () => {
    for (const format of formats) {
      const layout = layoutFormat(format);
      format.steps.forEach((step, s) =>
        step.zones.forEach((zone, z) => {
          const geometry = layout.sheets[s]!.zones[z]!;
          expect(geometry.zoneId).toBe(zone.id);
          expect(geometry.cells.map((c) => c.cellId)).toEqual(zoneCells(zone).map((c) => c.cellId));
        }),
      );
    }
  });

  it.each(eachZone())('%s: holds a realistic number of sticky notes', (_name, zone) => {
    if (zone.kind === 'area') expect(noteCapacity(zone.body)).toBeGreaterThanOrEqual(5);
    else if (zone.kind === 'cards') {
      for (const field of zone.cells) {
        expect(field.w).toBeGreaterThanOrEqual(250);
        expect(field.h).toBeGreaterThanOrEqual(90);
      }
    } else for (const cell of zone.cells) expect(noteCapacity(cell), cell.cellId).toBeGreaterThanOrEqual(1);
  });

  it('gives a sheet of two columns at least 8 notes per column', () => {
    const twoColumnSheets = formats.flatMap((f) =>
      layoutFormat(f).sheets.filter(
        (s) => s.zones.length === 1 && s.zones[0]!.kind === 'columns' && s.zones[0]!.cells.length === 2,
      ),
    );
    expect(twoColumnSheets.length).toBeGreaterThanOrEqual(3);
    for (const sheet of twoColumnSheets) {
      for (const cell of sheet.zones[0]!.cells)
        expect(noteCapacity(cell, NOTE_SIZE), sheet.stepId).toBeGreaterThanOrEqual(8);
    }
  });
});
