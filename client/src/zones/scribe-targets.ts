import { placeOf } from '@empiria/formats';
import type { CellGeometry, LocalizedText, Rect, SheetLayout, ZoneGeometry } from '@empiria/formats';
import type { NoteZone } from '@empiria/shared';

/**
 * Where the scribe can put a note on one sheet, numbered as the scribe types them: each zone
 * that is one free area, and each cell of a zone made of cells (columns, rows, a matrix, cards…),
 * in reading order — zones top to bottom, cells as `zoneCells` orders them.
 */
export interface ScribeTarget {
  /** 1-based: the number the scribe types. */
  number: number;
  stepId: string;
  zoneId: string;
  /** The cell; null for a zone that is one area. */
  cellId: string | null;
  zoneLabel: LocalizedText;
  /** The cell's own label (e.g. "Test 1 · Pilot city"); null for an area. */
  cellLabel: LocalizedText | null;
  /** Where its notes are laid out (`placeOf`): the cell, or the zone below its label. */
  rect: Rect;
}

export function scribeTargets(layout: SheetLayout, stepId: string): ScribeTarget[] {
  const sheet = layout.sheets.find((s) => s.stepId === stepId);
  if (!sheet) return [];
  const targets: ScribeTarget[] = [];
  for (const zone of sheet.zones) {
    const cells =
      zone.cells.length > 0 ? zone.cells.map((c) => ({ id: c.cellId, label: cellLabel(zone, c) })) : [null];
    for (const cell of cells) {
      const rect = placeOf(layout, {
        stepId,
        sheetIndex: sheet.index,
        zoneId: zone.zoneId,
        cellId: cell?.id ?? null,
      });
      if (!rect) continue;
      targets.push({
        number: targets.length + 1,
        stepId,
        zoneId: zone.zoneId,
        cellId: cell?.id ?? null,
        zoneLabel: zone.label,
        cellLabel: cell?.label ?? null,
        rect,
      });
    }
  }
  return targets;
}

/**
 * A cell's label as a reader needs it away from the sheet: a card's field names its card too
 * ("Test 1 · Pilot city"), since every card repeats the same fields.
 */
function cellLabel(zone: ZoneGeometry, cell: CellGeometry): LocalizedText {
  const centre = { x: cell.x + cell.w / 2, y: cell.y + cell.h / 2 };
  const group = zone.groups.find(
    (g) => centre.x >= g.x && centre.x <= g.x + g.w && centre.y >= g.y && centre.y <= g.y + g.h,
  );
  const card = group && zone.headers.find((h) => h.role === 'card' && h.headerId === group.groupId);
  if (!card) return cell.label;
  return { pl: `${card.label.pl} · ${cell.label.pl}`, en: `${card.label.en} · ${cell.label.en}` };
}

/** The zone a note placed in `target` belongs to, as `meta.empiria.zone` records it. */
export function targetZone(target: ScribeTarget): NoteZone {
  return target.cellId === null
    ? { stepId: target.stepId, zoneId: target.zoneId }
    : { stepId: target.stepId, zoneId: target.zoneId, cellId: target.cellId };
}

/** Whether a note's recorded zone is this target (for counting the notes already in it). */
export function isInTarget(zone: NoteZone | null, target: ScribeTarget): boolean {
  return (
    zone !== null &&
    zone.stepId === target.stepId &&
    zone.zoneId === target.zoneId &&
    (zone.cellId ?? null) === target.cellId
  );
}
