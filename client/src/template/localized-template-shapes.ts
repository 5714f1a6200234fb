import { FrameShapeUtil, GeoShapeUtil, TextShapeUtil, atom, toRichText } from 'tldraw';
import type { Editor, TLFrameShape, TLGeoShape, TLShape, TLTextShape } from 'tldraw';
import type { SheetLayout } from '@empiria/formats';
import { isTemplateRecord, type Language } from '@empiria/shared';
import { localizedTemplateText, plainText } from './template-text';

/**
 * The server writes a board's template in one language; each person reads the sheets in theirs.
 * These shape utils draw a template shape's text in the reader's language — display only: the
 * record, and so everyone else's board, stays as it is. Text the facilitators wrote over the
 * template, and a shape being edited, are drawn as stored.
 */
export const templateDisplay = atom<{ language: Language; layout: SheetLayout } | null>(
  'empiria template display',
  null,
);

function localized<S extends TLShape>(
  editor: Editor,
  shape: S,
  stored: string,
  swap: (text: string) => S,
): S {
  if (!isTemplateRecord(shape)) return shape;
  const display = templateDisplay.get();
  if (!display || editor.getEditingShapeId() === shape.id) return shape;
  const text = localizedTemplateText(display.layout, shape, stored, display.language);
  return text === null ? shape : swap(text);
}

export class TemplateTextShapeUtil extends TextShapeUtil {
  override component(shape: TLTextShape) {
    return super.component(
      localized(this.editor, shape, plainText(shape.props.richText), (text) => ({
        ...shape,
        props: { ...shape.props, richText: toRichText(text) },
      })),
    );
  }
}

export class TemplateGeoShapeUtil extends GeoShapeUtil {
  override component(shape: TLGeoShape) {
    return super.component(
      localized(this.editor, shape, plainText(shape.props.richText), (text) => ({
        ...shape,
        props: { ...shape.props, richText: toRichText(text) },
      })),
    );
  }
}

export class TemplateFrameShapeUtil extends FrameShapeUtil {
  override component(shape: TLFrameShape) {
    return super.component(
      localized(this.editor, shape, shape.props.name, (name) => ({
        ...shape,
        props: { ...shape.props, name },
      })),
    );
  }
}

/** Replace tldraw's text, geo and frame utils (same types and props: the schema is unchanged). */
export const templateShapeUtils = [TemplateTextShapeUtil, TemplateGeoShapeUtil, TemplateFrameShapeUtil];
