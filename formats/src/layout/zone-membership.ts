import { SHEET, contains, type Point, type Rect, type SheetGeometry, type SheetLayout } from './geometry';

export interface ZoneHit {
  stepId: string;
  sheetIndex: number;
  zoneId: string;
  /** The cell under the point; null in an area, or on a zone's label or headers. */
  cellId: string | null;
}

/** The sheet under a page point, if any. Sheets stand in a row, so this is arithmetic, not a search. */
export function sheetAt(layout: SheetLayout, point: Point): SheetGeometry | null {
  const index = Math.floor(point.x / (SHEET.w + SHEET.gap));
  const sheet = layout.sheets[index];
  return sheet && contains(sheet, point) ? sheet : null;
}

/**
 * The zone (and cell) a note belongs to: the one that contains its centre, in page coordinates.
 * Zones of a sheet never overlap, so there is at most one.
 */
export function zoneAt(layout: SheetLayout, point: Point): ZoneHit | null {
  const sheet = sheetAt(layout, point);
  if (!sheet) return null;
  const zone = sheet.zones.find((z) => contains(z, point));
  if (!zone) return null;
  const cell = zone.cells.find((c) => contains(c, point));
  return { stepId: sheet.stepId, sheetIndex: sheet.index, zoneId: zone.zoneId, cellId: cell?.cellId ?? null };
}

/** The centre of a shape's box, the point that decides its zone. */
export function centreOf(rect: Rect): Point {
  return { x: rect.x + rect.w / 2, y: rect.y + rect.h / 2 };
}

/**
 * The rectangle the notes of a hit are laid out in: its cell, or the zone's body in an area (or
 * on a header). What `tidyZone` takes.
 */
export function placeOf(layout: SheetLayout, hit: ZoneHit): Rect | null {
  const zone = layout.sheets[hit.sheetIndex]?.zones.find((z) => z.zoneId === hit.zoneId);
  if (!zone) return null;
  const cell = hit.cellId === null ? undefined : zone.cells.find((c) => c.cellId === hit.cellId);
  return cell ?? zone.body;
}
