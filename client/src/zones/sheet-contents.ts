import type { LocalizedText, SheetLayout } from '@empiria/formats';
import { isInTarget, scribeTargets } from './scribe-targets';
import type { ScribeTarget } from './scribe-targets';
import type { NoteZone } from '@empiria/shared';

/**
 * A sheet read as text, for screens that cannot show the canvas at a readable size (the room
 * display's presenter mode, a phone): its zones in reading order — each zone that is one area and
 * each cell of a zone made of cells, as the scribe numbers them — with the notes in each, grouped
 * by the cluster they sit in. Pure: the caller reads the canvas into `SheetNote`s.
 */
export interface SheetNote {
  id: string;
  /** A sticky note, or a card field's answer written with "Fill in" (a text, drawn without a note's colour). */
  kind: 'note' | 'answer';
  text: string;
  /** tldraw's colour name (the author's city colour). */
  color: string;
  zone: NoteZone | null;
  /** The cluster frame the note sits in, if any. */
  cluster: { id: string; name: string } | null;
  /** Page position, for the reading order (top to bottom, left to right). */
  x: number;
  y: number;
}

export interface ClusterGroup {
  id: string;
  name: string;
  notes: SheetNote[];
}

export interface ZoneSection {
  target: ScribeTarget;
  zoneLabel: LocalizedText;
  cellLabel: LocalizedText | null;
  /** Clusters first (in the order of their first note), then the notes outside any cluster. */
  clusters: ClusterGroup[];
  loose: SheetNote[];
  /** Every note of the section, clusters' included. */
  count: number;
}

/** Rows count as one line when their tops are this close (page units): a tidy grid is not exact. */
const ROW_TOLERANCE = 40;

function readingOrder(a: SheetNote, b: SheetNote): number {
  if (Math.abs(a.y - b.y) > ROW_TOLERANCE) return a.y - b.y;
  return a.x - b.x || a.y - b.y;
}

export function sheetContents(
  layout: SheetLayout,
  stepId: string,
  notes: readonly SheetNote[],
): ZoneSection[] {
  return scribeTargets(layout, stepId).map((target) => {
    const inside = notes.filter((note) => isInTarget(note.zone, target)).sort(readingOrder);
    const clusters: ClusterGroup[] = [];
    const loose: SheetNote[] = [];
    for (const note of inside) {
      if (!note.cluster) {
        loose.push(note);
        continue;
      }
      let group = clusters.find((c) => c.id === note.cluster!.id);
      if (!group) {
        group = { id: note.cluster.id, name: note.cluster.name, notes: [] };
        clusters.push(group);
      }
      group.notes.push(note);
    }
    return {
      target,
      zoneLabel: target.zoneLabel,
      cellLabel: target.cellLabel,
      clusters,
      loose,
      count: inside.length,
    };
  });
}
