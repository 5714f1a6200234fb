import { z } from 'zod';
import type * as Y from 'yjs';

/**
 * The `control` document: the state of the meeting that only the facilitator/expert pair may
 * change ([P2]). It is one Y.Map named `control`; each key holds a plain JSON value, replaced as a
 * whole, so readers validate each key on its own and one bad value never hides the others.
 *
 * Keys added by later features (timer, follow, private writing, votes, locks) go here too, each
 * with its schema.
 */
export const CONTROL_MAP = 'control';

export const controlFormatSchema = z.object({
  /** `blank`, `format-0` … `format-3` */
  id: z.string().min(1),
  version: z.number().int().positive(),
});
export type ControlFormat = z.infer<typeof controlFormatSchema>;

export const controlStepSchema = z.object({
  index: z.number().int().min(0),
  id: z.string().min(1),
  /** When the group moved to this step (ms since epoch, the mover's clock): planned vs actual. */
  startedAt: z.number(),
});
export type ControlStep = z.infer<typeof controlStepSchema>;

export const CONTROL_KEYS = {
  format: 'format',
  step: 'step',
} as const;

export function controlMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(CONTROL_MAP);
}

export interface ControlState {
  format: ControlFormat | null;
  step: ControlStep | null;
}

/** Reads the control document; a missing or malformed key reads as null. */
export function readControlState(doc: Y.Doc): ControlState {
  const map = controlMap(doc);
  const format = controlFormatSchema.safeParse(map.get(CONTROL_KEYS.format));
  const step = controlStepSchema.safeParse(map.get(CONTROL_KEYS.step));
  return { format: format.success ? format.data : null, step: step.success ? step.data : null };
}

export function writeFormat(doc: Y.Doc, format: ControlFormat): void {
  controlMap(doc).set(CONTROL_KEYS.format, controlFormatSchema.parse(format));
}

export function writeStep(doc: Y.Doc, step: ControlStep): void {
  controlMap(doc).set(CONTROL_KEYS.step, controlStepSchema.parse(step));
}
