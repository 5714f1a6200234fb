import { create } from 'zustand';
import * as Y from 'yjs';
import { boardFormatDefinition } from '@empiria/formats';
import type { BoardFormatSource, FormatDefinition } from '@empiria/formats';
import { readControlState } from '@empiria/shared';
import type { ControlState, ControlStep } from '@empiria/shared';
import { nextStepIndex, planStepMove, previousStepIndex, resolveStepIndex } from './step-plan';

export type StepWriter = (step: Omit<ControlStep, 'startedAt'>) => boolean;

export interface SkipQuestion {
  target: { index: number; id: string };
  skipped: number[];
}

interface StepState {
  /** The control document arrived from the server at least once. */
  synced: boolean;
  /** Facilitator or expert: may move the group ([P2]). */
  canLead: boolean;
  format: FormatDefinition | null;
  /** The format's version the board was made with (from the control document). */
  formatVersion: number | null;
  control: ControlState;
  /** The current step's position in the format; null before the first step or on a blank board. */
  currentIndex: number | null;
  /** A jump ahead waiting for the facilitator's yes. */
  skipQuestion: SkipQuestion | null;
  /** The step this person last moved the group to: they go along even when looking around. */
  movedByMe: string | null;
  writer: StepWriter | null;

  goTo(index: number): void;
  next(): void;
  previous(): void;
  confirmSkip(): void;
  cancelSkip(): void;
}

const initial = {
  synced: false,
  canLead: false,
  format: null,
  formatVersion: null,
  /** An empty control document reads as every key's default. */
  control: readControlState(new Y.Doc()),
  currentIndex: null,
  skipQuestion: null,
  movedByMe: null,
  writer: null,
};

/**
 * The group's place in its format, derived from the control document, and the facilitator's
 * moves. Only a role that may write control gets a writer; for everyone else every move is a
 * no-op, so nothing is ever written that the server would refuse.
 */
export const useStepStore = create<StepState>((set, get) => {
  const write = (target: { index: number; id: string }) => {
    const { writer } = get();
    if (!writer) return;
    set({ movedByMe: target.id, skipQuestion: null });
    writer(target);
  };
  return {
    ...initial,
    goTo(index) {
      const { format, currentIndex, canLead } = get();
      if (!format || !canLead) return;
      const move = planStepMove(format, currentIndex, index);
      if (move.kind === 'none') return;
      if (move.skipped.length > 0) set({ skipQuestion: { target: move.target, skipped: move.skipped } });
      else write(move.target);
    },
    next() {
      const { format, currentIndex } = get();
      const index = format ? nextStepIndex(format, currentIndex) : null;
      if (index !== null) get().goTo(index);
    },
    previous() {
      const index = previousStepIndex(get().currentIndex);
      if (index !== null) get().goTo(index);
    },
    confirmSkip() {
      const question = get().skipQuestion;
      if (question) write(question.target);
    },
    cancelSkip() {
      set({ skipQuestion: null });
    },
  };
});

/**
 * The store's view of a control state. A meeting's board follows its agenda (the join response's
 * `board.agenda`, D16); any other board the format its control document names, or, before that
 * document arrives (or on a board that predates it), the format it was created with.
 */
export function deriveStepState(
  control: ControlState,
  board: BoardFormatSource,
): Pick<StepState, 'format' | 'formatVersion' | 'currentIndex'> {
  // The version the board was made with, so a later version of the format never moves its steps.
  const format =
    (board.agenda
      ? boardFormatDefinition(board)
      : boardFormatDefinition({ format: control.format?.id ?? board.format }, control.format?.version)) ??
    null;
  return {
    format,
    formatVersion: control.format?.version ?? format?.version ?? null,
    currentIndex: format ? resolveStepIndex(format, control.step) : null,
  };
}

export function resetStepStore(): void {
  useStepStore.setState(initial);
}
