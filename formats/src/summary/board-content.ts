import {
  carriedOf,
  clusterMetaOf,
  isTemplateRecord,
  noteZoneOf,
  recordMetaField,
  type CarryCopy,
  type RankingEntry,
} from '@empiria/shared';
import type { SheetLayout } from '../layout/geometry';
import { zoneAt } from '../layout/zone-membership';

/** Where a note lies: a zone of a step's sheet, and the cell within it. */
export interface ZoneRef {
  stepId: string;
  zoneId: string;
  cellId: string | null;
}

/** A sticky note as drafting sees it: its text, where it is, what cluster it belongs to. */
export interface BoardNote {
  id: string;
  text: string;
  /** Centre, page coordinates: the reading order is top to bottom, then left to right. */
  x: number;
  y: number;
  zone: ZoneRef | null;
  clusterId: string | null;
  /** The zones it lay in before it was carried here, oldest first. */
  from: ZoneRef[];
  /** Set on a note the carry made to name a vote's winner (or a cluster) in the next sheet. */
  copyOf: CarryCopy | null;
}

export interface BoardCluster {
  id: string;
  name: string;
  x: number;
  y: number;
  zone: ZoneRef | null;
  /** The zones it lay in before it was carried here, oldest first. */
  from: ZoneRef[];
}

/** The group's material on the board, drafting's only input besides the format. */
export interface BoardContent {
  notes: BoardNote[];
  clusters: BoardCluster[];
  /** The ranking of the last closed vote (targets are note or cluster ids). */
  ranking: RankingEntry[] | null;
}

interface ShapeLike {
  id: string;
  typeName?: string;
  type?: string;
  x?: number;
  y?: number;
  parentId?: string;
  props?: { richText?: unknown; w?: number; h?: number; name?: string };
  meta?: unknown;
}

/** Text of a TipTap/ProseMirror JSON document (tldraw's `richText`), paragraphs joined by spaces. */
export function richTextToPlain(richText: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; text?: unknown; content?: unknown[] };
    if (typeof n.text === 'string') parts.push(n.text);
    if (n.type === 'hardBreak') parts.push(' ');
    if (Array.isArray(n.content)) {
      n.content.forEach((child, i) => {
        if (i > 0 && n.type === 'doc') parts.push(' ');
        walk(child);
      });
    }
  };
  walk(richText);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

const NOTE_SIZE = 200;

/**
 * Reads the board's notes and clusters out of tldraw records: absolute positions through the
 * parent chain (a note dropped on a sheet is the sheet frame's child), the zone from the note's
 * own meta (set by the client when it lands) or else from where it lies, and the cluster it is in.
 * Template shapes and empty notes are not the group's material and are left out.
 */
export function boardContentFromRecords(
  records: Iterable<unknown>,
  layout: SheetLayout | null,
  ranking: RankingEntry[] | null,
): BoardContent {
  const shapes = new Map<string, ShapeLike>();
  for (const record of records) {
    const shape = record as ShapeLike;
    if (shape && shape.typeName === 'shape' && typeof shape.id === 'string') shapes.set(shape.id, shape);
  }
  const absolute = (shape: ShapeLike): { x: number; y: number } => {
    let x = shape.x ?? 0;
    let y = shape.y ?? 0;
    let parent = shape.parentId ? shapes.get(shape.parentId) : undefined;
    for (let depth = 0; parent && depth < 50; depth++) {
      x += parent.x ?? 0;
      y += parent.y ?? 0;
      parent = parent.parentId ? shapes.get(parent.parentId) : undefined;
    }
    return { x, y };
  };
  const zoneOf = (shape: ShapeLike, centre: { x: number; y: number }): ZoneRef | null => {
    const meta = noteZoneOf(shape);
    if (meta) return { stepId: meta.stepId, zoneId: meta.zoneId, cellId: meta.cellId ?? null };
    const hit = layout ? zoneAt(layout, centre) : null;
    return hit ? { stepId: hit.stepId, zoneId: hit.zoneId, cellId: hit.cellId } : null;
  };
  const carried = (shape: ShapeLike) => {
    const meta = carriedOf(shape);
    return {
      from: (meta?.from ?? []).map((stop) => ({
        stepId: stop.stepId,
        zoneId: stop.zoneId,
        cellId: stop.cellId ?? null,
      })),
      copyOf: meta?.copyOf ?? null,
    };
  };
  const clusterOf = (shape: ShapeLike): string | null => {
    let parent = shape.parentId ? shapes.get(shape.parentId) : undefined;
    for (let depth = 0; parent && depth < 50; depth++) {
      if (clusterMetaOf(parent)) return parent.id;
      parent = parent.parentId ? shapes.get(parent.parentId) : undefined;
    }
    return null;
  };

  const clusters: BoardCluster[] = [];
  const notes: BoardNote[] = [];
  for (const shape of shapes.values()) {
    if (isTemplateRecord(shape)) continue;
    const at = absolute(shape);
    const cluster = clusterMetaOf(shape);
    if (cluster) {
      const centre = { x: at.x + (shape.props?.w ?? 0) / 2, y: at.y + (shape.props?.h ?? 0) / 2 };
      const name = cluster.name.trim() || (shape.props?.name ?? '');
      clusters.push({
        id: shape.id,
        name: String(name).trim(),
        ...centre,
        zone: zoneOf(shape, centre),
        from: carried(shape).from,
      });
    } else if (shape.type === 'note' || (shape.type === 'text' && recordMetaField(shape, 'field') === true)) {
      // A card's form field (a text shape marked `field`) is read like a note in its cell.
      const text = richTextToPlain(shape.props?.richText);
      if (!text) continue;
      const centre = { x: at.x + NOTE_SIZE / 2, y: at.y + NOTE_SIZE / 2 };
      notes.push({
        id: shape.id,
        text,
        ...centre,
        zone: zoneOf(shape, centre),
        clusterId: clusterOf(shape),
        ...carried(shape),
      });
    }
  }
  return { notes, clusters, ranking };
}
