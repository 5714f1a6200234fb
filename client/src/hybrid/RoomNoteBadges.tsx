import { useRef } from 'react';
import { useEditor, useQuickReactor, useValue } from 'tldraw';
import { useT } from '../i18n/language-store';
import { Icon } from '../ui/icons';
import { isRoomNote } from './room-note-meta';
import { viewportWindow } from '../facilitation/viewport-window';

interface Badge {
  id: string;
  x: number;
  y: number;
  w: number;
}

/**
 * A small "sala" tag in the top corner of every note typed in from the room's paper, so the
 * online participants know those notes come from the wall. Mounted as tldraw's `OnTheCanvas`:
 * it sits in the shapes' layer, in page coordinates, above the shapes.
 */
export function RoomNoteBadges() {
  const t = useT();
  const editor = useEditor();
  const layer = useRef<HTMLDivElement>(null);
  // Readable when zoomed out: the zoom sets a CSS variable, so a zoom re-renders nothing.
  useQuickReactor(
    'empiria room badge zoom',
    () => {
      const k = Math.max(1, Math.min(0.6 / editor.getZoomLevel(), 3));
      layer.current?.style.setProperty('--room-badge-k', String(k));
    },
    [editor],
  );
  // Which notes came from the room is read from the notes alone; which badges are drawn, from
  // the window around the view (viewportWindow), which changes every half screen of panning.
  const roomNotes = useValue(
    'empiria room notes',
    () =>
      editor
        .getCurrentPageShapes()
        .filter((shape) => shape.type === 'note' && isRoomNote(shape))
        .map((shape) => shape.id),
    [editor],
  );
  const badges = useValue(
    'empiria room badges',
    () => {
      if (roomNotes.length === 0) return [];
      const window = viewportWindow(editor);
      const out: Badge[] = [];
      for (const id of roomNotes) {
        const bounds = editor.getShapePageBounds(id);
        if (bounds && window.collides(bounds)) out.push({ id, x: bounds.x, y: bounds.y, w: bounds.w });
      }
      return out;
    },
    [editor, roomNotes],
  );
  const label = t('scribe.badge');
  return (
    <div className="hy-room-badges" aria-hidden="true" ref={layer}>
      {badges.map((badge) => (
        <span
          key={badge.id}
          className="hy-room-badge"
          title={t('scribe.badgeTitle')}
          style={{
            left: badge.x + badge.w - 6,
            top: badge.y + 6,
            // Never wider than half a note.
            fontSize: `min(calc(13px * var(--room-badge-k, 1)), ${badge.w / 6}px)`,
          }}
          data-testid="room-note-badge"
          data-note-id={badge.id}
        >
          <Icon name="room" size="1em" />
          {label}
        </span>
      ))}
    </div>
  );
}
