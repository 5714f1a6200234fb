import { useEffect } from 'react';
import type { Editor } from 'tldraw';
import { TEMPLATE_PAGE_ID } from '@empiria/formats';
import type { SheetGeometry } from '@empiria/formats';
import type { Box } from '../camera/camera';
import { useStepStore } from '../control/step-store';
import { layoutOf } from '../formats/format-layout';
import { CameraFollower } from './camera-follower';
import type { FollowTarget } from './camera-follower';
import { useFollowStore } from './follow-store';

/**
 * The sheet the group is on: the current step's, or the first sheet before the meeting starts
 * (where it will start). None on a board without steps.
 */
export function groupTarget(): FollowTarget | null {
  const { format, currentIndex } = useStepStore.getState();
  if (!format || format.steps.length === 0) return null;
  const sheet = layoutOf(format).sheets[currentIndex ?? 0];
  if (!sheet) return null;
  return { key: sheet.stepId, box: sheet, work: workArea(sheet), pageId: TEMPLATE_PAGE_ID };
}

/** Around a sheet's zones (labels included); the whole sheet when it has none. */
function workArea(sheet: SheetGeometry): Box {
  if (sheet.zones.length === 0) return sheet;
  const minX = Math.min(...sheet.zones.map((z) => z.x));
  const minY = Math.min(...sheet.zones.map((z) => z.y));
  const maxX = Math.max(...sheet.zones.map((z) => z.x + z.w));
  const maxY = Math.max(...sheet.zones.map((z) => z.y + z.h));
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}

/** Keeps this person's camera on the group's sheet unless they chose to look around. */
export function useCameraFollow(editor: Editor | null): void {
  useEffect(() => {
    if (!editor) return;
    const follower = new CameraFollower(
      editor,
      (state) => useFollowStore.setState({ mode: state.mode }),
      (stepKey) => useFollowStore.setState({ headingLeftOut: stepKey }),
    );
    const stop = follower.start();
    useFollowStore.setState({
      backToGroup: () => follower.backToGroup(),
      movedForGroup: () => follower.movedForGroup(),
    });
    const update = () => {
      const target = groupTarget();
      follower.setTarget(target, target !== null && useStepStore.getState().movedByMe === target.key);
    };
    update();
    const unsubscribe = useStepStore.subscribe((state, previous) => {
      if (state.format !== previous.format || state.currentIndex !== previous.currentIndex) update();
    });
    return () => {
      unsubscribe();
      stop();
      useFollowStore.setState({
        mode: 'following',
        headingLeftOut: null,
        backToGroup: () => {},
        movedForGroup: () => {},
      });
    };
  }, [editor]);
}
