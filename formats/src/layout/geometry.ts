import type { LocalizedText } from '../localized-text';
import type { Zone } from '../zone';

/**
 * The pure geometry of a format's template, in tldraw canvas units and page coordinates, with no
 * tldraw types: for the canvas records, zone membership and, later, printing.
 */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Point {
  x: number;
  y: number;
}

/**
 * A flipchart sheet, 68×99 cm portrait, at 20 canvas units per cm: the same proportions on screen
 * and on paper. The sheets of a format stand in a row, left to right in step order.
 */
export const SHEET = {
  unitsPerCm: 20,
  w: 68 * 20,
  h: 99 * 20,
  /** Between sheets: 10 cm, enough that a note dropped between them is on neither. */
  gap: 200,
  margin: 60,
} as const;

/** tldraw's default sticky note is 200×200 units; zones are sized for notes of this size. */
export const NOTE_SIZE = 200;

/** A labelled box drawn on a zone: a column or row header, a matrix corner, a card's title, a field label. */
export interface HeaderGeometry extends Rect {
  headerId: string;
  role: 'column' | 'row' | 'corner' | 'card' | 'field';
  label: LocalizedText;
}

/** Where notes land. `cellId` as given by `zoneCells`. */
export interface CellGeometry extends Rect {
  cellId: string;
  label: LocalizedText;
}

/** An outline grouping cells, e.g. one card of a card template. */
export interface GroupGeometry extends Rect {
  groupId: string;
}

export interface ArrowGeometry {
  arrowId: string;
  from: Point;
  to: Point;
}

export interface ZoneGeometry extends Rect {
  zoneId: string;
  kind: Zone['kind'];
  label: LocalizedText;
  hint: LocalizedText | null;
  /** Null on a sheet with a single zone: the sheet's title already says what it is. */
  labelBox: Rect | null;
  hintBox: Rect | null;
  /** The zone below its label and hint: what the headers and cells divide. */
  body: Rect;
  headers: HeaderGeometry[];
  cells: CellGeometry[];
  groups: GroupGeometry[];
  arrows: ArrowGeometry[];
}

export interface SheetGeometry extends Rect {
  stepId: string;
  /** 0-based position in the format. */
  index: number;
  /** 1-based, as people see it. */
  number: number;
  title: LocalizedText;
  instruction: LocalizedText;
  badgeBox: Rect;
  titleBox: Rect;
  instructionBox: Rect;
  zones: ZoneGeometry[];
}

export interface SheetLayout {
  formatId: string;
  formatVersion: number;
  sheets: SheetGeometry[];
  /** Around all the sheets; empty (all zero) for a format with no steps. */
  bounds: Rect;
}

export function contains(rect: Rect, point: Point): boolean {
  return point.x >= rect.x && point.x < rect.x + rect.w && point.y >= rect.y && point.y < rect.y + rect.h;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

export function inside(inner: Rect, outer: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.w <= outer.x + outer.w &&
    inner.y + inner.h <= outer.y + outer.h
  );
}

/** Splits a length into `count` integer parts separated by `gap`, the remainder going to the last. */
export function split(start: number, length: number, count: number, gap: number): Array<[number, number]> {
  return splitWeighted(
    start,
    length,
    Array.from({ length: count }, () => 1),
    gap,
  );
}

export function splitWeighted(
  start: number,
  length: number,
  weights: number[],
  gap: number,
): Array<[number, number]> {
  const free = length - gap * (weights.length - 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const parts: Array<[number, number]> = [];
  let at = start;
  weights.forEach((weight, i) => {
    const size = i === weights.length - 1 ? start + length - at : Math.floor((free * weight) / total);
    parts.push([at, size]);
    at += size + gap;
  });
  return parts;
}
