import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { JoinResponse } from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { BlocksPreview } from '../summary/BlocksPreview';
import { SummarySync } from '../summary/summary-sync';
import { useStepStore } from '../control/step-store';
import { useFitFont } from './fit-font';
import { useRequestedPage, useRoomPages } from './room-pages';
import { RoomPageMark } from './RoomPageMark';

/** The meeting note on the projector: never under this, read from the back of a room. */
export const MEETING_NOTE_MIN_PX = 28;
const MEETING_NOTE_MAX_PX = 40;

/**
 * The meeting note, large, while the group reads and approves it. The room display may read the
 * summary document (`canReadDoc('room', 'summary')`, like every role but observers): it is read
 * in the room by the very people who write it, and the display keeps no local copy and writes
 * nothing. Set in columns across the screen, as large as it fits; a note longer than the screen
 * at the smallest size a room reads is shown a page (a screenful of columns) at a time.
 */
export function RoomMeetingNote({ session, wsBase }: { session: JoinResponse; wsBase: string }) {
  const [sync, setSync] = useState<SummarySync | null>(null);
  useEffect(() => {
    const next = new SummarySync({
      boardId: session.board.id,
      sessionToken: session.sessionToken,
      wsBase,
      canWrite: false,
    });
    setSync(next);
    void next.start();
    return () => next.destroy();
  }, [session.board.id, session.sessionToken, wsBase]);
  return sync ? <MeetingNoteView sync={sync} /> : null;
}

function MeetingNoteView({ sync }: { sync: SummarySync }) {
  const t = useT();
  const snapshot = useSyncExternalStore(
    (listener) => sync.subscribe(listener),
    () => sync.getSnapshot(),
  );
  const { blocks, approval } = snapshot.content;
  const ref = useRef<HTMLDivElement>(null);
  const key = useMemo(() => JSON.stringify(blocks), [blocks]);
  const size = useFitFont(ref, key, { max: MEETING_NOTE_MAX_PX, min: MEETING_NOTE_MIN_PX });
  const stepId = useStepStore((state) =>
    state.format && state.currentIndex !== null ? (state.format.steps[state.currentIndex]?.id ?? null) : null,
  );
  const requested = useRequestedPage(stepId);
  const pages = useRoomPages(ref, 'columns', `${key}@${size}`, requested);
  const status =
    approval?.status === 'approved'
      ? t('room.note.approved')
      : approval?.status === 'open'
        ? t('room.note.voting')
        : t('room.note.draft');
  return (
    <section
      className="room-note"
      data-testid="room-meeting-note"
      data-paged={pages.count > 1}
      aria-labelledby="room-note-heading"
    >
      <header className="room-note-head">
        <h2 id="room-note-heading" className="room-note-heading">
          {t('room.note.heading')}
        </h2>
        <span className="room-note-status" data-status={approval?.status ?? 'draft'}>
          {status}
        </span>
      </header>
      <div className="room-note-body">
        <div
          ref={ref}
          className="room-note-columns"
          data-testid="room-meeting-note-body"
          style={{ fontSize: `${size}px` }}
        >
          {blocks.length > 0 ? (
            <BlocksPreview blocks={blocks} />
          ) : (
            <p className="room-note-empty">{snapshot.synced ? t('room.note.empty') : t('board.loading')}</p>
          )}
        </div>
      </div>
      <RoomPageMark page={pages.page} count={pages.count} />
    </section>
  );
}
