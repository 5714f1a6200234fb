import { useEffect, useMemo, useRef, useState } from 'react';
import { useStepStore } from '../control/step-store';
import { useEditorValue } from '../facilitation/board-items';
import { layoutOf } from '../formats/format-layout';
import { readSheetNotes } from '../zones/read-sheet-notes';
import { sheetContents } from '../zones/sheet-contents';
import { ZoneSections } from '../zones/ZoneSections';
import { useFitFont } from './fit-font';
import { useRequestedPage, useRoomPages } from './room-pages';
import { RoomPageMark } from './RoomPageMark';

/**
 * Presenter mode's sheet: the current step's zones side by side across the projector, each with
 * its clusters (named) and notes as cards, the text as large as the room's screen allows and never
 * under NOTE_MIN_SHARE of the screen's height: 28 px on a 1080p projector, read from the back of a
 * room. A projector's picture is as large at 720p as at 1080p, so the floor is a share of the
 * height, not pixels (19 px at 720p). What does not fit at that size is shown a page at a time
 * (room-pages.ts). Live with the canvas.
 */
export const NOTE_MIN_SHARE = 28 / 1080;
const NOTE_MAX_SHARE = 48 / 1080;

function useWindowHeight(): number {
  const [height, setHeight] = useState(() => window.innerHeight);
  useEffect(() => {
    const onResize = () => setHeight(window.innerHeight);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return height;
}

export function RoomSheet({ stepId }: { stepId: string }) {
  const format = useStepStore((state) => state.format);
  const layout = useMemo(() => (format ? layoutOf(format) : null), [format]);
  const notes = useEditorValue('room sheet notes', (editor) => readSheetNotes(editor, stepId), [], [stepId]);
  const sections = useMemo(
    () => (layout ? sheetContents(layout, stepId, notes) : []),
    [layout, stepId, notes],
  );
  const ref = useRef<HTMLDivElement>(null);
  const contentKey = useMemo(
    () =>
      sections
        .map(
          (s) =>
            `${s.count}:${s.clusters.map((c) => c.name).join('|')}:${s.loose.map((n) => n.text).join('|')}`,
        )
        .join('/') + stepId,
    [sections, stepId],
  );
  const height = useWindowHeight();
  const size = useFitFont(ref, contentKey, {
    max: Math.round(NOTE_MAX_SHARE * height),
    min: Math.ceil(NOTE_MIN_SHARE * height),
  });
  const requested = useRequestedPage(stepId);
  const pages = useRoomPages(ref, 'rows', `${contentKey}@${size}`, requested);
  return (
    <div className="room-sheet" data-testid="room-sheet" data-step-id={stepId} data-paged={pages.count > 1}>
      <div ref={ref} className="room-sheet-pages" style={{ fontSize: `${size}px` }}>
        <ZoneSections sections={sections} />
      </div>
      <RoomPageMark page={pages.page} count={pages.count} />
    </div>
  );
}
