import type { CarryCopy, CarryStop, RankingEntry } from '@empiria/shared';
import type { FormatDefinition } from '../format-definition';
import { NOTE_SIZE, overlaps, type Rect, type SheetLayout, type ZoneGeometry } from '../layout/geometry';
import { packIntoFreeSpace } from '../layout/free-space';
import type { ZoneRef } from '../summary/board-content';

/** A note or a cluster on the board, as the carry sees it. */
export interface CarryItem {
  id: string;
  kind: 'note' | 'cluster';
  /** Page bounds. */
  bounds: Rect;
  /** Where it lies now. */
  zone: ZoneRef | null;
  /** A note's text, a cluster's name. */
  text: string;
  /** The name of the cluster a note is in (clusters carry their notes along). */
  cluster?: string;
}

/** Where the carry puts things on a sheet: one free area, or numbered cells (rows, columns, cards). */
export type CarryTarget =
  | { kind: 'area'; stepId: string; zoneId: string; rect: Rect }
  | {
      kind: 'cells';
      stepId: string;
      zoneId: string;
      cells: Array<{ cellId: string; rect: Rect }>;
      /** The cells are card fields: what is carried there is written into them as their text. */
      fields: boolean;
    };

export interface CarryMove {
  id: string;
  /** New top-left corner, page coordinates. */
  x: number;
  y: number;
  zone: ZoneRef;
  /** The place it leaves, to add to its `carried.from`. */
  leaves: CarryStop | null;
}

export interface CarryCopyPlan {
  /** The item the new note stands for. */
  sourceId: string;
  text: string;
  x: number;
  y: number;
  zone: ZoneRef;
  /** Where the group put it on the way (step 4's "First: Barrier 1"), for its `carried.from`. */
  from: CarryStop[];
  copyOf: CarryCopy;
}

export interface CarryPlan {
  target: CarryTarget;
  moves: CarryMove[];
  copies: CarryCopyPlan[];
  /** Items for which the target had no room or no cell left; they stay where they are. */
  overflow: string[];
}

/** The step after `stepId` in the format, if any. */
export function nextStepId(format: FormatDefinition, stepId: string): string | null {
  const index = format.steps.findIndex((step) => step.id === stepId);
  return index >= 0 ? (format.steps[index + 1]?.id ?? null) : null;
}

/** The step before `stepId`, if any. */
export function previousStepId(format: FormatDefinition, stepId: string): string | null {
  const index = format.steps.findIndex((step) => step.id === stepId);
  return index > 0 ? (format.steps[index - 1]?.id ?? null) : null;
}

/**
 * Where carried things land on a step's sheet: its first free area (the grouping sheet, the vote's
 * candidates), else its first zone of numbered cells — rows, columns, or the first field of each
 * card (the solutions' rows, the test cards). A matrix, a timeline or pairs ask for the group's
 * judgement of where each note goes: no target.
 */
export function carryTargetOf(
  layout: SheetLayout,
  format: FormatDefinition,
  stepId: string,
): CarryTarget | null {
  const step = format.steps.find((s) => s.id === stepId);
  const sheet = layout.sheets.find((s) => s.stepId === stepId);
  if (!step || !sheet) return null;
  const geometry = (zoneId: string) => sheet.zones.find((z) => z.zoneId === zoneId);
  const area = step.zones.find((zone) => zone.kind === 'area');
  if (area) {
    const zone = geometry(area.id);
    if (zone) return { kind: 'area', stepId, zoneId: zone.zoneId, rect: zone.body };
  }
  for (const definition of step.zones) {
    const zone = geometry(definition.id);
    if (!zone) continue;
    if (definition.kind === 'rows' || definition.kind === 'columns')
      return { kind: 'cells', stepId, zoneId: zone.zoneId, cells: zone.cells.map(cellOf), fields: false };
    if (definition.kind === 'cards') {
      const first = definition.fields[0]!.id;
      const cells = zone.cells.filter((cell) => cell.cellId.endsWith(`.${first}`)).map(cellOf);
      return { kind: 'cells', stepId, zoneId: zone.zoneId, cells, fields: true };
    }
  }
  return null;
}

const cellOf = (cell: ZoneGeometry['cells'][number]) => ({
  cellId: cell.cellId,
  rect: { x: cell.x, y: cell.y, w: cell.w, h: cell.h },
});

/** Where an item leaves from; no key holds `undefined` (tldraw's meta is JSON). */
function stopOf(item: CarryItem): CarryStop | null {
  if (!item.zone) return null;
  const stop: CarryStop = { stepId: item.zone.stepId, zoneId: item.zone.zoneId };
  if (item.zone.cellId != null) stop.cellId = item.zone.cellId;
  if (item.cluster !== undefined) stop.cluster = item.cluster;
  return stop;
}

/** Top to bottom, then left to right: the order people read a sheet in, and the carry keeps. */
function readingOrder(a: CarryItem, b: CarryItem): number {
  const row = Math.floor(a.bounds.y / NOTE_SIZE) - Math.floor(b.bounds.y / NOTE_SIZE);
  return row || a.bounds.x - b.bounds.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Carrying notes and clusters onto `toStepId`'s sheet, in one act. Into a free area they move as
 * they are (a cluster with its notes), in reading order, into the free space around what the
 * sheet already holds, none covering another. Into numbered cells the first item goes to the
 * first cell, and so on: a note moves there, a cluster is named there by a new note (its notes
 * stay together where they are); a card's field (step 7's "Solution") gets the item's words as
 * its text, and the note stays where it was. Every moved item remembers the place it left.
 */
export function planCarry(args: {
  layout: SheetLayout;
  format: FormatDefinition;
  toStepId: string;
  items: readonly CarryItem[];
  /** Everything on the board (the items included: they are left out here). */
  occupied: readonly (Rect & { id?: string })[];
}): CarryPlan | null {
  const target = carryTargetOf(args.layout, args.format, args.toStepId);
  if (!target) return null;
  const carried = new Set(args.items.map((item) => item.id));
  const occupied = args.occupied.filter((rect) => rect.id === undefined || !carried.has(rect.id));
  const items = [...args.items].sort(readingOrder);
  const plan: CarryPlan = { target, moves: [], copies: [], overflow: [] };

  if (target.kind === 'area') {
    const zone = { stepId: target.stepId, zoneId: target.zoneId, cellId: null };
    const packed = packIntoFreeSpace(
      target.rect,
      occupied,
      items.map((item) => ({ id: item.id, w: item.bounds.w, h: item.bounds.h })),
    );
    for (const place of packed.placed) {
      const item = items.find((i) => i.id === place.id)!;
      plan.moves.push({ id: item.id, x: place.x, y: place.y, zone, leaves: stopOf(item) });
    }
    plan.overflow.push(...packed.overflow);
    return plan;
  }

  const taken = [...occupied];
  items.forEach((item, i) => {
    const cell = target.cells[i];
    const zone = cell ? { stepId: target.stepId, zoneId: target.zoneId, cellId: cell.cellId } : null;
    if (cell && zone && target.fields) {
      // A card's field takes the words, not the note: the note stays where the group judged it.
      plan.copies.push({
        sourceId: item.id,
        text: item.text,
        ...cell.rect,
        zone,
        from: [],
        copyOf: copyOf(item, null),
      });
      return;
    }
    const w = item.kind === 'note' ? item.bounds.w : NOTE_SIZE;
    const h = item.kind === 'note' ? item.bounds.h : NOTE_SIZE;
    const spot = cell ? firstSpot(cell.rect, taken, w, h) : null;
    if (!cell || !zone || !spot) {
      plan.overflow.push(item.id);
      return;
    }
    taken.push({ ...spot, w, h });
    if (item.kind === 'note') {
      plan.moves.push({ id: item.id, ...spot, zone, leaves: stopOf(item) });
    } else {
      plan.copies.push({
        sourceId: item.id,
        text: item.text,
        ...spot,
        zone,
        from: [],
        copyOf: copyOf(item, null),
      });
    }
  });
  return plan;
}

/**
 * Carrying a closed vote's winners onto `toStepId`'s sheet: the items with the most votes (at
 * least one), in the ranking's order, each named by a new note in the next free cell — as many
 * as the sheet has cells (step 5's "Barrier 1/2/3"). When the voting sheet has cells of the same
 * ids (step 4's "First: Barrier 1/2/3"), the note records that the group put the winner there.
 */
export function planWinnersCarry(args: {
  layout: SheetLayout;
  format: FormatDefinition;
  toStepId: string;
  ranking: readonly RankingEntry[];
  /** The voted items still on the board. */
  items: readonly CarryItem[];
  occupied: readonly Rect[];
}): CarryPlan | null {
  const target = carryTargetOf(args.layout, args.format, args.toStepId);
  if (!target) return null;
  const slots = target.kind === 'cells' ? target.cells.length : 3;
  const winners = [...args.ranking]
    .filter((entry) => entry.votes > 0)
    .sort((a, b) => a.place - b.place)
    .map((entry) => ({ entry, item: args.items.find((item) => item.id === entry.targetId) }))
    .filter((w): w is { entry: RankingEntry; item: CarryItem } => w.item !== undefined)
    .slice(0, slots);
  const plan: CarryPlan = { target, moves: [], copies: [], overflow: [] };
  const taken: Rect[] = [...args.occupied];
  winners.forEach(({ entry, item }, i) => {
    const cell = target.kind === 'cells' ? target.cells[i]! : null;
    const rect = cell ? cell.rect : target.kind === 'area' ? target.rect : null;
    const spot = rect ? firstSpot(rect, taken, NOTE_SIZE, NOTE_SIZE) : null;
    if (!spot) {
      plan.overflow.push(item.id);
      return;
    }
    taken.push({ ...spot, w: NOTE_SIZE, h: NOTE_SIZE });
    const through = cell && item.zone ? sameCellOnSheet(args.layout, item.zone.stepId, cell.cellId) : null;
    plan.copies.push({
      sourceId: item.id,
      text: item.text,
      ...spot,
      zone: { stepId: target.stepId, zoneId: target.zoneId, cellId: cell?.cellId ?? null },
      from: through ? [through] : [],
      copyOf: copyOf(item, entry),
    });
  });
  return plan;
}

function copyOf(item: CarryItem, entry: RankingEntry | null): CarryCopy {
  const copy: CarryCopy = {
    id: item.id,
    stepId: item.zone?.stepId ?? 'unknown',
    zoneId: item.zone?.zoneId ?? 'unknown',
  };
  if (entry) {
    copy.votes = entry.votes;
    copy.place = entry.place;
  }
  return copy;
}

/** A cell of the same id on another zone of the voting sheet (step 4's "First" columns). */
function sameCellOnSheet(layout: SheetLayout, stepId: string, cellId: string): CarryStop | null {
  const sheet = layout.sheets.find((s) => s.stepId === stepId);
  for (const zone of sheet?.zones ?? []) {
    if (zone.cells.some((cell) => cell.cellId === cellId)) return { stepId, zoneId: zone.zoneId, cellId };
  }
  return null;
}

function firstSpot(
  rect: Rect,
  taken: readonly Rect[],
  w: number,
  h: number,
): { x: number; y: number } | null {
  const near = taken.filter((t) => overlaps(t, rect));
  const packed = packIntoFreeSpace(rect, near, [{ id: 'x', w, h }]);
  const place = packed.placed[0];
  return place ? { x: place.x, y: place.y } : null;
}
