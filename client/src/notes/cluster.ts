import type { TLFrameShape, TLShape } from 'tldraw';
import { clusterMetaOf, metaWith, type JsonObject } from '@empiria/shared';

/**
 * Clusters ("grupy"): sticky notes gathered into a tldraw frame whose visible, editable title is
 * the cluster's name. The frame carries `meta.empiria.cluster = { name }`, so the summary and the
 * vote can tell a cluster from a sheet, and the notes move with it as its children.
 */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Space between the notes and the cluster's edge, page units. */
export const CLUSTER_PADDING = 30;
export const MAX_CLUSTER_NAME = 120;

/** The frame around `boxes` (page coordinates) with `padding` on every side; null for none. */
export function clusterBounds(boxes: readonly Box[], padding = CLUSTER_PADDING): Box | null {
  if (boxes.length === 0) return null;
  const minX = Math.min(...boxes.map((b) => b.x));
  const minY = Math.min(...boxes.map((b) => b.y));
  const maxX = Math.max(...boxes.map((b) => b.x + b.w));
  const maxY = Math.max(...boxes.map((b) => b.y + b.h));
  return {
    x: Math.round(minX - padding),
    y: Math.round(minY - padding),
    w: Math.round(maxX - minX + 2 * padding),
    h: Math.round(maxY - minY + 2 * padding),
  };
}

/** `meta` with `empiria.cluster.name` set (cleaned), every other key kept. */
export function withClusterName(meta: unknown, name: string): JsonObject {
  return metaWith(meta, { cluster: { name: cleanClusterName(name) } });
}

export function cleanClusterName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, MAX_CLUSTER_NAME);
}

/**
 * Which of the selected shapes can form a cluster: notes not already in one. At least two are
 * needed; a single note is not a group.
 */
export function clusterableNotes<S extends { id: string; type: string; parentIsCluster: boolean }>(
  selected: readonly S[],
): S[] {
  const notes = selected.filter((shape) => shape.type === 'note' && !shape.parentIsCluster);
  return notes.length >= 2 ? notes : [];
}

/** A frame the group made into a cluster (it carries its cluster's meta). */
export function isClusterShape(shape: TLShape | undefined): shape is TLFrameShape {
  return shape?.type === 'frame' && clusterMetaOf(shape) !== null;
}
