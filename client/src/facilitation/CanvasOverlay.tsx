import { useRef } from 'react';
import type { CSSProperties } from 'react';
import { stopEventPropagation, useEditor, useQuickReactor, useValue } from 'tldraw';
import type { TLShapeId } from 'tldraw';
import { noteAuthorOf, privateRoundOf } from '@empiria/shared';
import { useStepStore } from '../control/step-store';
import { layoutOf } from '../formats/format-layout';
import { useT } from '../i18n/language-store';
import { ballotAct } from './acts';
import { itemText } from './board-items';
import { CardFieldsLayer } from './CardFieldsLayer';
import { isClusterShape } from '../notes/cluster';
import { useFacilitationStore } from './facilitation-store';
import { Icon } from '../ui/icons';
import { SelectionActions } from './SelectionActions';
import { targetBadges, voteClick } from './vote-view';
import type { TargetBadge } from './vote-view';
import { useSession } from '../session/board-context';
import { useRights } from './use-rights';
import { viewportWindow } from './viewport-window';

/**
 * Below this zoom a note's author and "only you" labels would be under 6 screen px (at most
 * 22.4 page px, see `.fac-author`): unreadable, as the note's own text is. On a board zoomed out to
 * all its sheets, two thousand of them cost more to paint on every frame of a pan than all of
 * tldraw's notes (D48); hidden, they are neither laid out nor painted.
 */
const NOTE_LABELS_MIN_ZOOM = 0.27;

/**
 * Drawn over the canvas, in page coordinates (it pans and zooms with the board): the dots and
 * results of a vote on their items, the authors' names on notes when the facilitator shows them,
 * "only you" on private notes, a lock on locked sheets, the empty fields of card templates. Plus, in screen space, the buttons for the
 * selection (cluster, ungroup). Mounted as tldraw's `InFrontOfTheCanvas`.
 */
export function CanvasOverlay() {
  const editor = useEditor();
  const layer = useRef<HTMLDivElement>(null);
  // The camera moves the layer, not React: its contents never re-render on a pan or zoom (as
  // tldraw moves its own layers).
  useQuickReactor(
    'empiria overlay camera',
    () => {
      const camera = editor.getCamera();
      const el = layer.current;
      if (!el) return;
      el.style.transform = `scale(${camera.z}) translate(${camera.x}px, ${camera.y}px)`;
      // Labels keep a readable size when the board is zoomed far out.
      el.style.setProperty('--k', String(Math.max(1, 0.55 / camera.z)));
      const labels = camera.z >= NOTE_LABELS_MIN_ZOOM ? 'shown' : 'hidden';
      if (el.dataset.noteLabels !== labels) el.dataset.noteLabels = labels;
    },
    [editor],
  );
  return (
    <>
      <div className="fac-page-layer" ref={layer}>
        <CardFieldsLayer />
        <LockBadges />
        <NoteLabels />
        <VoteLayer />
      </div>
      <SelectionActions />
    </>
  );
}

function LockBadges() {
  const t = useT();
  const format = useStepStore((state) => state.format);
  const locked = useStepStore((state) => state.control.lockedSteps);
  if (!format || format.steps.length === 0 || locked.length === 0) return null;
  const sheets = layoutOf(format).sheets.filter((sheet) => locked.includes(sheet.stepId));
  return (
    <>
      {sheets.map((sheet) => (
        <div
          key={sheet.stepId}
          className="fac-locked-sheet"
          style={{ left: sheet.x, top: sheet.y, width: sheet.w, height: sheet.h }}
          data-testid="locked-sheet"
          data-step-id={sheet.stepId}
        >
          <span className="fac-lock-badge">
            <Icon name="lock" />
            {t('sheets.locked')}
          </span>
        </div>
      ))}
    </>
  );
}

interface NoteLabel {
  id: TLShapeId;
  author: string | null;
  private: boolean;
  /** The note's scale: its text, padding and the author's room scale with it (author-room.ts). */
  scale: number;
}

/**
 * Authors (when shown) and "only you" (on private notes), on the notes around the view. Which
 * notes carry a label is read from the notes alone; which of them are drawn, from the window
 * around the view (viewportWindow), which changes every half screen of panning: a pan re-reads
 * nothing per note. Hidden when zoomed too far out to read them (NOTE_LABELS_MIN_ZOOM).
 */
function NoteLabels() {
  const t = useT();
  const editor = useEditor();
  const showAuthors = useStepStore((state) => state.control.showAuthors);
  const labelled = useValue(
    'empiria labelled notes',
    () => {
      const out: NoteLabel[] = [];
      for (const shape of editor.getCurrentPageShapes()) {
        if (shape.type !== 'note') continue;
        const isPrivate = privateRoundOf(shape) !== null;
        const author = showAuthors ? noteAuthorOf(shape) : null;
        if (!isPrivate && !author) continue;
        out.push({
          id: shape.id,
          author: author ? (author.city ? `${author.name} · ${author.city}` : author.name) : null,
          private: isPrivate,
          scale: shape.props.scale,
        });
      }
      return out;
    },
    [editor, showAuthors],
  );
  const labels = useValue(
    'empiria note labels',
    () => {
      if (labelled.length === 0) return [];
      const window = viewportWindow(editor);
      return labelled.flatMap((label) => {
        const bounds = editor.getShapePageBounds(label.id);
        return bounds && window.collides(bounds)
          ? [{ ...label, x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h }]
          : [];
      });
    },
    [editor, labelled],
  );
  return (
    <>
      {labels.map((label) => (
        <div
          key={label.id}
          className="fac-note-frame"
          style={noteBoxStyle(label, label.scale)}
          data-note-id={label.id}
        >
          {label.private && (
            <span className="fac-private-badge" data-testid="private-badge">
              <Icon name="lock" />
              {t('private.badge')}
            </span>
          )}
          {label.author && (
            <span className="fac-author" data-testid="note-author">
              {label.author}
            </span>
          )}
        </div>
      ))}
    </>
  );
}

interface TargetBox extends TargetBadge {
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
  cluster: boolean;
  /** A note's scale (1 for a cluster): its badges stay clear of its text's area. */
  scale: number;
}

/**
 * An overlay box over a note, in page units, with the note's scale as `--s`: the labels and badges
 * keep to the note's margins (the author's room at the bottom, tldraw's padding at the top),
 * which scale with the note.
 */
function noteBoxStyle(box: { x: number; y: number; w: number; h: number }, scale: number): CSSProperties {
  return { left: box.x, top: box.y, width: box.w, height: box.h, ['--s' as string]: scale };
}

/** The vote on its items: click areas while it is open, my dots, totals and places. */
function VoteLayer() {
  const session = useSession();
  const t = useT();
  const editor = useEditor();
  const voting = useStepStore((state) => state.control.voting);
  const mine = useFacilitationStore((state) => state.myBallots);
  const rights = useRights();
  const busy = useFacilitationStore((state) => state.busy);
  const badges = targetBadges(voting, mine);
  const boxes = useValue(
    'empiria vote targets',
    () =>
      badges
        .map((badge): TargetBox | null => {
          const bounds = editor.getShapePageBounds(badge.targetId as TLShapeId);
          if (!bounds) return null;
          const text = itemText(editor, badge.targetId);
          const shape = editor.getShape(badge.targetId as TLShapeId);
          return {
            ...badge,
            x: bounds.x,
            y: bounds.y,
            w: bounds.w,
            h: bounds.h,
            cluster: isClusterShape(shape),
            scale: shape && editor.isShapeOfType(shape, 'note') ? shape.props.scale : 1,
            label: text?.text || t('vote.untitled'),
          };
        })
        .filter((box): box is TargetBox => box !== null)
        // Clusters first, so the notes inside them (if they are targets too) stay clickable.
        .sort((a, b) => Number(b.cluster) - Number(a.cluster)),
    [editor, badges.map((b) => `${b.targetId}:${b.mine}:${b.total}:${b.place}`).join('|'), t],
  );
  if (!voting) return null;
  const open = voting.status === 'open' && rights.canVote;
  const myColor = rights.identity.color;
  const click = (targetId: string, onOwnDot: boolean) => {
    const decision = voteClick(voting, useFacilitationStore.getState().myBallots, targetId, onOwnDot);
    if (decision.kind === 'none') {
      useFacilitationStore
        .getState()
        .say(
          decision.reason === 'no_votes_left'
            ? 'vote.error.noVotesLeft'
            : decision.reason === 'one_per_item'
              ? 'vote.error.onePerItem'
              : decision.reason === 'closed'
                ? 'vote.error.closed'
                : 'vote.error.notATarget',
          undefined,
          'error',
        );
      return;
    }
    void ballotAct(session, targetId, decision.kind);
  };
  return (
    <>
      {boxes.map((box) => (
        <div
          key={box.targetId}
          className={`fac-vote-target${open ? ' is-open' : ''}${box.place === 1 ? ' is-winner' : ''}${box.cluster ? ' is-cluster' : ''}`}
          style={noteBoxStyle(box, box.scale)}
          data-testid="vote-target"
          data-target-id={box.targetId}
          data-mine={box.mine}
          data-total={box.total ?? ''}
          data-place={box.place ?? ''}
        >
          {open && (
            <button
              type="button"
              className="fac-vote-hit"
              aria-label={t('vote.castOn', { text: box.label })}
              disabled={busy[`ballot:${box.targetId}`] ?? false}
              onPointerDown={stopEventPropagation}
              onClick={() => click(box.targetId, false)}
            />
          )}
          {box.mine > 0 && (
            <span className="fac-my-dots">
              {Array.from({ length: box.mine }, (_, i) => (
                <button
                  key={i}
                  type="button"
                  className="fac-dot"
                  style={{ backgroundColor: myColor }}
                  title={t('vote.myDot')}
                  aria-label={t('vote.myDot')}
                  onPointerDown={stopEventPropagation}
                  onClick={() => click(box.targetId, true)}
                  data-testid="my-dot"
                />
              ))}
            </span>
          )}
          {box.place !== null && box.total === 0 ? null : box.place !== null ? (
            <span className="fac-place" data-testid="vote-place">
              <span className="fac-place-number" aria-label={t('vote.placeLong', { place: box.place })}>
                {t('vote.place', { place: box.place })}
              </span>
              {/* A count with a dot, not "3 głosy": notes sit close together and words overlap. */}
              <span className="fac-place-votes" title={t('vote.votes', { count: box.total ?? 0 })}>
                <span aria-hidden="true">● {box.total ?? 0}</span>
                <span className="visually-hidden">{t('vote.votes', { count: box.total ?? 0 })}</span>
              </span>
            </span>
          ) : (
            box.total !== null && (
              <span
                className="fac-total"
                data-testid="vote-total"
                title={t('vote.votes', { count: box.total })}
              >
                <span aria-hidden="true">● {box.total}</span>
                <span className="visually-hidden">{t('vote.votes', { count: box.total })}</span>
              </span>
            )
          )}
        </div>
      ))}
    </>
  );
}
