import type { FormatDefinition, Step } from '@empiria/formats';
import type { ControlStep } from '@empiria/shared';

/**
 * Where the group is in its format, and where the facilitator may take it: pure functions of the
 * format definition and the control document's step, for the agenda, the step panel and the
 * keyboard.
 */

/**
 * The current step's position in the format: by id first (a format whose steps were reordered in
 * a newer version still finds the step), then by index; null before the first move or when the
 * control document names a step this format does not have.
 */
export function resolveStepIndex(format: FormatDefinition, step: ControlStep | null): number | null {
  if (!step) return null;
  const byId = format.steps.findIndex((s) => s.id === step.id);
  if (byId >= 0) return byId;
  return step.index < format.steps.length ? step.index : null;
}

export type AgendaStatus = 'done' | 'current' | 'upcoming';

export interface AgendaItem {
  index: number;
  /** 1-based, as people see it. */
  number: number;
  step: Step;
  minutes: number;
  status: AgendaStatus;
  /** Planned minutes from the meeting's start to this step's start. */
  startsAtMinute: number;
}

export interface Agenda {
  items: AgendaItem[];
  totalMinutes: number;
  /** Planned minutes of the current step and those after it; the total before the first step. */
  remainingMinutes: number;
  currentIndex: number | null;
}

export function buildAgenda(format: FormatDefinition, currentIndex: number | null): Agenda {
  let startsAtMinute = 0;
  const items = format.steps.map((step, index): AgendaItem => {
    const status: AgendaStatus =
      currentIndex === null || index > currentIndex
        ? 'upcoming'
        : index === currentIndex
          ? 'current'
          : 'done';
    const item = { index, number: index + 1, step, minutes: step.minutes, status, startsAtMinute };
    startsAtMinute += step.minutes;
    return item;
  });
  const remainingMinutes = items
    .filter((item) => item.status !== 'done')
    .reduce((sum, item) => sum + item.minutes, 0);
  return { items, totalMinutes: startsAtMinute, remainingMinutes, currentIndex };
}

export type StepMove =
  /** Nothing to do: already there, or no such step. */
  | { kind: 'none' }
  | {
      kind: 'move';
      target: { index: number; id: string };
      /** Steps the group would pass over without working on them; non-empty asks to confirm. */
      skipped: number[];
    };

/**
 * What moving from `currentIndex` to `targetIndex` means. Going forward past more than the next
 * step skips steps and asks for confirmation; going back never does (nothing is lost).
 */
export function planStepMove(
  format: FormatDefinition,
  currentIndex: number | null,
  targetIndex: number,
): StepMove {
  const target = format.steps[targetIndex];
  if (!target || targetIndex === currentIndex) return { kind: 'none' };
  const from = currentIndex ?? -1;
  const skipped: number[] = [];
  for (let index = from + 1; index < targetIndex; index++) skipped.push(index);
  return { kind: 'move', target: { index: targetIndex, id: target.id }, skipped };
}

/** The next step's index, the first when the meeting has not started; null after the last. */
export function nextStepIndex(format: FormatDefinition, currentIndex: number | null): number | null {
  const next = currentIndex === null ? 0 : currentIndex + 1;
  return next < format.steps.length ? next : null;
}

/** The previous step's index; null on the first step or before it. */
export function previousStepIndex(currentIndex: number | null): number | null {
  return currentIndex === null || currentIndex === 0 ? null : currentIndex - 1;
}
