import { toRichText, type TLNoteShape, type TLPageId, type TLShapeId } from '@tldraw/tlschema';
import type { IndexKey } from '@tldraw/utils';
import { estimatedNoteGrowY, validateTemplateRecord, TEMPLATE_PAGE_ID } from '@empiria/formats';
import {
  REVEALED_NOTE_STYLE,
  metaWith,
  type NoteAuthor,
  type NoteColor,
  type RecordMetaPatch,
} from '@empiria/shared';

/** What tldraw's NoteShapeUtil gives every new note (`getDefaultProps`): the label at full size. */
export const NOTE_FONT_SIZE_ADJUSTMENT = 1;

/**
 * A sticky note as the server writes it (revealed private notes): a tldraw `note` shape on the
 * board's page, in the author's city colour, stamped with its author in `meta.empiria.author`,
 * validated by tldraw's schema exactly as a client would validate it. Its height is the one its
 * author's screen measured for it, or else the server's estimate (D54): the server has no fonts,
 * and tldraw measures a note only on the screen that creates or edits it.
 */
export function noteRecord(args: {
  id: string;
  text: string;
  x: number;
  y: number;
  index: IndexKey;
  /** 1 unless the note had to be smaller to fit its zone. */
  scale?: number;
  /** tldraw's `growY` as a screen measured it; `estimatedNoteGrowY(text)` when none did. */
  growY?: number;
  /** The label's size multiplier measured with `growY`; 1 when none was. */
  fontSizeAdjustment?: number;
  /** The author's city colour; white for what is nobody's (a meeting's agenda). */
  color: NoteColor | 'white';
  /** Who wrote it; none for what the server writes on the board's behalf (a meeting's agenda). */
  author?: NoteAuthor;
  /** The rest of its `meta.empiria` (its zone, the round it was revealed from…). */
  extraMeta?: RecordMetaPatch;
}): TLNoteShape {
  const record: TLNoteShape = {
    id: args.id as TLShapeId,
    typeName: 'shape',
    type: 'note',
    x: args.x,
    y: args.y,
    rotation: 0,
    index: args.index,
    parentId: TEMPLATE_PAGE_ID as TLPageId,
    isLocked: false,
    opacity: 1,
    props: {
      color: args.color,
      labelColor: 'black',
      // The style the author's screen measured the note in (size m, font draw, centred).
      ...REVEALED_NOTE_STYLE,
      // A multiplier of the label's font size (tldraw's default 1; a client shrinks it only for a
      // word too wide for the note). 0 draws the text at 0 px: a blank note.
      fontSizeAdjustment: args.fontSizeAdjustment ?? NOTE_FONT_SIZE_ADJUSTMENT,
      growY: args.growY ?? estimatedNoteGrowY(args.text),
      url: '',
      richText: toRichText(args.text),
      scale: args.scale ?? 1,
      textLastEditedBy: null,
    },
    meta: metaWith({}, { author: args.author, ...args.extraMeta }),
  };
  return validateTemplateRecord(record) as TLNoteShape;
}
