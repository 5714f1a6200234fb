import { templateShapeId } from '@empiria/formats';
import { useStepStore } from '../control/step-store';
import { layoutOf } from '../formats/format-layout';
import { useFollowStore } from './follow-store';

/** The parts of a sheet above its zones: the step's number, title and instruction. */
const HEADING_PARTS = ['badge', 'title', 'instruction'] as const;

/**
 * Hides the group's sheet heading while this person follows a view of the sheet that leaves it
 * out (D55): on a laptop the step's view starts at the zones, and the heading's last line would
 * show as a fragment in the band of menus and banners above them. The step panel carries the
 * heading. A stylesheet rather than tldraw's `getShapeVisibility`, which would put a computed
 * value on every shape of the board at open (issue #16); once the person looks around, the
 * canvas is drawn as it is.
 */
export function SheetHeadingMask() {
  const stepKey = useFollowStore((state) => (state.mode === 'following' ? state.headingLeftOut : null));
  const format = useStepStore((state) => state.format);
  if (!stepKey || !format) return null;
  const { formatId } = layoutOf(format);
  const selectors = HEADING_PARTS.map(
    (part) => `.tl-shape[data-shape-id="${templateShapeId(formatId, stepKey, null, part)}"]`,
  );
  return <style data-testid="sheet-heading-mask">{`${selectors.join(',\n')} { visibility: hidden; }`}</style>;
}
