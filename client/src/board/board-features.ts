import { useStepStore } from '../control/step-store';
import { facilitationFeatures } from '../facilitation/canvas-features';
import { useFollowStore } from '../follow/follow-store';
import { layoutOf } from '../formats/format-layout';
import type { BoardFeature } from '../session/board-session';
import { useConnectionStore } from '../session/connection-store';
import { exposeTestHooks } from '../session/test-hooks';
import { guardTemplate } from '../template/template-guard';
import { trackNoteZones } from '../zones/zone-tracking';

/** The format's sheets belong to the facilitators: nobody else moves or edits them. */
const templateGuardFeature: BoardFeature = {
  name: 'template guard',
  bind: (editor, { canLead }) => guardTemplate(editor, canLead),
};

/** A note knows the zone of the sheet it sits in, as it moves. */
const noteZonesFeature: BoardFeature = {
  name: 'note zones',
  bind: (editor) =>
    trackNoteZones(editor, () => {
      const { format } = useStepStore.getState();
      return format && format.steps.length > 0 ? layoutOf(format) : null;
    }),
};

/** tldraw refusing new shapes on a full page is told, not silent. */
const maxShapesFeature: BoardFeature = {
  name: 'max shapes',
  bind(editor) {
    const onMaxShapes = ({ count }: { count: number }) => {
      console.warn(`[empiria] tldraw refused new shapes: the page holds ${count}`);
      useConnectionStore.setState({ maxShapesCount: count });
    };
    editor.on('max-shapes', onMaxShapes);
    return () => editor.off('max-shapes', onMaxShapes);
  },
};

const testHooksFeature: BoardFeature = {
  name: 'test hooks',
  bind: (editor, session) => exposeTestHooks(editor, session, () => useFollowStore.getState().mode),
};

/**
 * Everything the board adds to its canvas once tldraw is mounted, in the order it is bound. A new
 * board feature writes its `bind(editor, session)` in its own folder and is listed here.
 */
export const BOARD_FEATURES: readonly BoardFeature[] = [
  testHooksFeature,
  maxShapesFeature,
  templateGuardFeature,
  noteZonesFeature,
  ...facilitationFeatures,
];
