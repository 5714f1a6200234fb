import { Group2d, NoteShapeUtil, Rectangle2d, getDisplayValues, react } from 'tldraw';
import type { TLNoteShape, TLShapeId } from 'tldraw';
import { DeferredLabel2d, labelOf } from '../shape-labels/deferred-label';
import { noteGrowY } from './author-room';
import { NoteReveal } from './note-reveal';
import './board-note.css';

/**
 * tldraw's note, doing less for the notes nobody is looking at (#16, decision D41).
 * Same type, props and migrations, so the schema and the records are unchanged.
 *
 * - Its geometry does not measure the text: the note's bounds come from the record (`growY`,
 *   `scale`), and the label's area is worked out only when something asks for it
 *   (DeferredLabel2d). tldraw measures every note's label at mount otherwise.
 * - `reveal` knows which notes have been on screen; the board's shape wrapper
 *   (RevealingShapeWrapper) mounts a note only then.
 *
 * Measuring for `growY` when a note is created or its text edited (onBeforeCreate/Update) stays
 * tldraw's own, as do the component, editing and export; the note then keeps room below its text
 * for the author line (author-room.ts, board-note.css).
 */
export class BoardNoteShapeUtil extends NoteShapeUtil {
  readonly reveal = new NoteReveal<TLShapeId>({
    isCulled: (id) => this.editor.getCulledShapes().has(id),
    watchCulled: (onChange) => {
      const stop = react('empiria: reveal notes on screen', () => onChange(this.editor.getCulledShapes()));
      this.editor.disposables.add(stop);
      return () => {
        stop();
        this.editor.disposables.delete(stop);
      };
    },
  });

  override onBeforeCreate(next: TLNoteShape) {
    const measured = super.onBeforeCreate(next);
    if (measured) return withGrowY(measured, this.growYFor(next));
    // tldraw found the size right (no font adjustment, so never null here); the room may not be.
    const growY = this.growYFor(next);
    return growY === next.props.growY
      ? undefined
      : withGrowY(
          { ...next, props: { ...next.props, fontSizeAdjustment: next.props.fontSizeAdjustment ?? 1 } },
          growY,
        );
  }

  override onBeforeUpdate(prev: TLNoteShape, next: TLNoteShape): TLNoteShape | undefined {
    // tldraw measures again only when the text, font or size changed; so does the room.
    const measured = super.onBeforeUpdate(prev, next);
    return measured ? withGrowY(measured, this.growYFor(next)) : undefined;
  }

  /**
   * The `growY` that keeps the author's room below the text, from the label's height tldraw
   * measured for this record (cached per record: on create, tldraw has just measured `next`).
   * The label depends on the text, font, size and scale, which tldraw's adjustment leaves as
   * they are.
   */
  private growYFor(shape: TLNoteShape): number {
    const labelHeight = labelOf(super.getGeometry(shape)).getBounds().h / shape.props.scale;
    return noteGrowY(labelHeight, getDisplayValues(this, shape).noteHeight);
  }

  override getGeometry(shape: TLNoteShape): Group2d {
    const dv = getDisplayValues(this, shape);
    const { scale, growY } = shape.props;
    // As tldraw's getGeometry: the note's body first, then its label, excluded from the bounds.
    return new Group2d({
      children: [
        new Rectangle2d({
          width: dv.noteWidth * scale,
          height: (dv.noteHeight + growY) * scale,
          isFilled: true,
        }),
        new DeferredLabel2d(() => labelOf(super.getGeometry(shape))),
      ],
    });
  }
}

function withGrowY<S extends TLNoteShape>(shape: S, growY: number): S {
  return growY === shape.props.growY ? shape : { ...shape, props: { ...shape.props, growY } };
}
