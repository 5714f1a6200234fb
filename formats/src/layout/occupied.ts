import { isTemplateRecord } from '@empiria/shared';
import { NOTE_SIZE, type Rect } from './geometry';

interface ShapeLike {
  id?: unknown;
  typeName?: unknown;
  type?: unknown;
  x?: number;
  y?: number;
  parentId?: string;
  props?: { w?: number; h?: number; scale?: number; growY?: number };
  meta?: unknown;
}

/**
 * The page rectangles the group's material covers — notes, clusters, photos, drawings — read
 * from canvas records (positions through the parent chain, rotation ignored); the template is
 * not material. What a layout that adds to the board must keep clear of.
 */
export function occupiedRects(records: Iterable<unknown>): Array<Rect & { id: string }> {
  const shapes = new Map<string, ShapeLike>();
  for (const record of records) {
    const shape = record as ShapeLike;
    if (shape?.typeName === 'shape' && typeof shape.id === 'string') shapes.set(shape.id, shape);
  }
  const rects: Array<Rect & { id: string }> = [];
  for (const [id, shape] of shapes) {
    if (isTemplateRecord(shape)) continue;
    const parent = shape.parentId ? shapes.get(shape.parentId) : undefined;
    // A cluster's notes are inside the cluster's rectangle already.
    if (parent && !isTemplateRecord(parent)) continue;
    const size = sizeOf(shape);
    if (!size) continue;
    let x = shape.x ?? 0;
    let y = shape.y ?? 0;
    let up = parent;
    for (let depth = 0; up && depth < 50; depth++) {
      x += up.x ?? 0;
      y += up.y ?? 0;
      up = up.parentId ? shapes.get(up.parentId) : undefined;
    }
    rects.push({ id, x, y, ...size });
  }
  return rects;
}

function sizeOf(shape: ShapeLike): { w: number; h: number } | null {
  const props = shape.props ?? {};
  if (shape.type === 'note') {
    const scale = props.scale ?? 1;
    return { w: NOTE_SIZE * scale, h: (NOTE_SIZE + (props.growY ?? 0)) * scale };
  }
  if (typeof props.w === 'number' && typeof props.h === 'number') {
    const scale =
      shape.type === 'geo' || shape.type === 'image' || shape.type === 'frame' ? 1 : (props.scale ?? 1);
    return { w: props.w * scale, h: props.h * scale };
  }
  return null;
}
