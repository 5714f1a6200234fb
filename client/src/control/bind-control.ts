import type { BoardFormatSource } from '@empiria/formats';
import type { ControlSync } from './control-sync';
import { deriveStepState, resetStepStore, useStepStore } from './step-store';

/** Mirrors the control document into the step store; returns the unbind function. */
export function bindControlToStore(sync: ControlSync, board: BoardFormatSource): () => void {
  const writer = sync.canWrite ? sync.moveToStep.bind(sync) : null;
  const push = () => {
    const { synced, state } = sync.getSnapshot();
    const derived = deriveStepState(state, board);
    const before = useStepStore.getState();
    const moved = derived.currentIndex !== before.currentIndex;
    useStepStore.setState({
      synced,
      canLead: sync.canWrite,
      writer,
      control: state,
      ...derived,
      // Someone moved the group while a jump waited for a yes: the question is out of date.
      ...(moved ? { skipQuestion: null } : {}),
    });
  };
  push();
  const unsubscribe = sync.subscribe(push);
  return () => {
    unsubscribe();
    resetStepStore();
  };
}
