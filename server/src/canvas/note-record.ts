import { toRichText, type TLNoteShape, type TLPageId, type TLShapeId } from '@tldraw/tlschema';
import type { IndexKey, JsonObject } from '@tldraw/utils';
import { validateTemplateRecord, TEMPLATE_PAGE_ID } from '@empiria/formats';
import type { NoteColor } from '@empiria/shared';

// A type alias, not an interface: it must be assignable to tldraw's JSON meta.
export type NoteAuthor = {
  id: string;
  name: string;
  city: string;
};

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
  color: NoteColor;
  author: NoteAuthor;
  extraMeta?: JsonObject;
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
      fontSizeAdjustment: 0,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      richText: toRichText(args.text),
      scale: 1,
      textLastEditedBy: null,
    },
    meta: { empiria: { author: args.author, ...args.extraMeta } },
  };
  return validateTemplateRecord(record) as TLNoteShape;
}
