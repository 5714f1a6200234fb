import { useStepStore } from '../control/step-store';
import { useFacilitationStore } from './facilitation-store';
import { useRights } from './use-rights';

/**
 * What private writing means for this person while it runs (the canvas banner and the phone's
 * list say the same): null when no round is writing. `writer`: their notes stay theirs until the
 * reveal (a participant); otherwise they lead the round. `mine` counts only for those who write.
 */
export function usePrivateWriting() {
  const round = useStepStore((state) => state.control.privateWriting);
  const rights = useRights();
  const mine = useFacilitationStore((state) => state.privateMine);
  const unsent = useFacilitationStore((state) => state.privateUnsent);
  if (round?.status !== 'writing') return null;
  return {
    round,
    writer: rights.canWork && !rights.canLead,
    mine: rights.canWork ? mine : 0,
    unsent,
  };
}
