import { Group2d, NoteShapeUtil, Rectangle2d, getDisplayValues, react } from 'tldraw';
import type { TLNoteShape, TLShapeId } from 'tldraw';
import { DeferredLabel2d, labelOf } from '../shape-labels/deferred-label';
import { NoteReveal } from './note-reveal';

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
 * tldraw's own, as do the component, editing and export.
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
