import { z } from 'zod';

/**
 * Which steps observer cities follow in the stream. A format says it for each step (open: the
 * general and summary parts; closed: the working parts, vademecum II.1); the facilitator–expert
 * pair may change it for their meeting, before or during it. The control document keeps only the
 * pair's changes (key `observerAccess`), so a step nobody touched follows its format.
 */
export const stepAccessSchema = z.enum(['open', 'closed']);
export type StepAccess = z.infer<typeof stepAccessSchema>;

/** A meeting has a few dozen steps at most; the bound keeps one key from growing without end. */
const MAX_ACCESS_ENTRIES = 200;

export const observerAccessSchema = z
  .record(z.string().min(1).max(80), stepAccessSchema)
  .refine((value) => Object.keys(value).length <= MAX_ACCESS_ENTRIES, {
    message: `at most ${MAX_ACCESS_ENTRIES} steps`,
  });
export type ObserverAccess = z.infer<typeof observerAccessSchema>;

/** A step's access for this meeting: the pair's choice when they made one, else the format's. */
export function stepAccess(
  step: { id: string; observers?: StepAccess | undefined },
  overrides: Readonly<ObserverAccess>,
): StepAccess {
  return (Object.hasOwn(overrides, step.id) ? overrides[step.id] : undefined) ?? step.observers ?? 'closed';
}

/** The ids of the steps observers follow now. */
export function openStepIds(
  steps: readonly { id: string; observers?: StepAccess | undefined }[],
  overrides: Readonly<ObserverAccess>,
): Set<string> {
  return new Set(steps.filter((step) => stepAccess(step, overrides) === 'open').map((step) => step.id));
}
