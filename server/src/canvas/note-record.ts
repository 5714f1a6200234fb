import { toRichText, type TLNoteShape, type TLPageId, type TLShapeId } from '@tldraw/tlschema';
import type { IndexKey } from '@tldraw/utils';
import { validateTemplateRecord, TEMPLATE_PAGE_ID } from '@empiria/formats';
import { metaWith, type NoteAuthor, type NoteColor, type RecordMetaPatch } from '@empiria/shared';

/** What tldraw's NoteShapeUtil gives every new note (`getDefaultProps`): the label at full size. */
export const NOTE_FONT_SIZE_ADJUSTMENT = 1;

/**
 * A sticky note as the server writes it (revealed private notes): a tldraw `note` shape on the
 * board's page, in the author's city colour, stamped with its author in `meta.empiria.author`,
 * validated by tldraw's schema exactly as a client would validate it.
 */
export function noteRecord(args: {
  id: string;
  text: string;
  x: number;
  y: number;
  index: IndexKey;
  /** 1 unless the note had to be smaller to fit its zone. */
  scale?: number;
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
      size: 'm',
      font: 'draw',
      // A multiplier of the label's font size (tldraw's default 1; a client shrinks it only for a
      // word too wide for the note). 0 draws the text at 0 px: a blank note.
      fontSizeAdjustment: NOTE_FONT_SIZE_ADJUSTMENT,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      richText: toRichText(args.text),
      scale: args.scale ?? 1,
      textLastEditedBy: null,
    },
    meta: metaWith({}, { author: args.author, ...args.extraMeta }),
  };
  return validateTemplateRecord(record) as TLNoteShape;
}
