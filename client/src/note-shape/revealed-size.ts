import { toRichText } from 'tldraw';
import type { Editor, TLNoteShape } from 'tldraw';
import { REVEALED_NOTE_STYLE } from '@empiria/shared';

/**
 * The size a private note will have once the server reveals it (D54): its `growY` and
 * `fontSizeAdjustment`, measured here as tldraw measures a note when it is created (the board's
 * note util, with the author's room of D53) — for the note as the reveal writes it: `text` as
 * plain paragraphs in REVEALED_NOTE_STYLE, whatever size or font the author gave it. Nothing is
 * written; the author's screen sends the result with the text, since the server cannot measure.
 */
export function revealedNoteSize(
  editor: Editor,
  note: TLNoteShape,
  text: string,
): { growY: number; fontSizeAdjustment: number } {
  const util = editor.getShapeUtil<TLNoteShape>('note');
  const asRevealed: TLNoteShape = {
    ...note,
    props: {
      ...note.props,
      ...REVEALED_NOTE_STYLE,
      richText: toRichText(text),
      scale: 1,
      growY: 0,
      fontSizeAdjustment: 1,
    },
  };
  const sized = util.onBeforeCreate?.(asRevealed) || asRevealed;
  return { growY: sized.props.growY, fontSizeAdjustment: sized.props.fontSizeAdjustment ?? 1 };
}
