import type { Identity } from '@empiria/shared';
import { useStepStore } from '../control/step-store';
import { useIsPhone, usePhoneView } from './phone-layout';
import { PhoneList } from './PhoneList';
import { PhoneViewSwitch } from './PhoneViewSwitch';
import './phone.css';

/**
 * A phone's board on a board with steps: the list by default, the canvas one tap away. The
 * canvas stays mounted under the list (hidden), so notes written in the list are canvas notes.
 */
export function PhoneLayer({ identity, canWrite }: { identity: Identity; canWrite: boolean }) {
  const isPhone = useIsPhone();
  const view = usePhoneView((state) => state.view);
  const hasSteps = useStepStore((state) => (state.format?.steps.length ?? 0) > 0);
  if (!isPhone || !hasSteps) return null;
  return (
    <>
      <PhoneViewSwitch />
      {view === 'list' && <PhoneList identity={identity} canWrite={canWrite} />}
    </>
  );
}

/** The board screen's `data-phone-view`: what a phone shows, for the layout (undefined elsewhere). */
export function usePhoneScreen(): 'list' | 'canvas' | undefined {
  const isPhone = useIsPhone();
  const view = usePhoneView((state) => state.view);
  const hasSteps = useStepStore((state) => (state.format?.steps.length ?? 0) > 0);
  return isPhone && hasSteps ? view : undefined;
}
