import { FrameShapeUtil, GeoShapeUtil, Group2d, Rectangle2d, TextShapeUtil, atom, toRichText } from 'tldraw';
import type { Editor, TLFrameShape, TLGeoShape, TLRichText, TLShape, TLTextShape } from 'tldraw';
import { DeferredLabel2d, labelOf } from '../shape-labels/deferred-label';
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

/**
 * One rich-text object per localized text: tldraw caches a label's HTML by the rich-text object,
 * so a new object on every render would render the label's HTML anew each time. A board's
 * template has a few hundred texts per language; the cap only guards against a leak.
 */
const richTexts = new Map<string, TLRichText>();
const RICH_TEXTS_MAX = 5_000;

function richTextOf(text: string): TLRichText {
  let richText = richTexts.get(text);
  if (!richText) {
    if (richTexts.size >= RICH_TEXTS_MAX) richTexts.clear();
    richText = toRichText(text);
    richTexts.set(text, richText);
  }
  return richText;
}

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
        props: { ...shape.props, richText: richTextOf(text) },
      })),
    );
  }
}

/** A label with no text: tldraw's geo geometry measures nothing for it. */
const NO_TEXT = toRichText('');

export class TemplateGeoShapeUtil extends GeoShapeUtil {
  /**
   * tldraw's geometry, with the label's area worked out only when asked (#16): the bounds are the
   * outline's, from the record, and a board's template has a few hundred labelled boxes, most of
   * them off screen as it opens. The outline is tldraw's own, built for the same shape without
   * text (which it lays out without measuring).
   */
  override getGeometry(shape: TLGeoShape): Group2d {
    const outline = super.getGeometry({ ...shape, props: { ...shape.props, richText: NO_TEXT } });
    const body = outline.children[0];
    if (!body) throw new Error('tldraw’s geo geometry has no outline');
    return new Group2d({
      children: [body, new DeferredLabel2d(() => labelOf(super.getGeometry(shape)))],
    });
  }

  override component(shape: TLGeoShape) {
    return super.component(
      localized(this.editor, shape, plainText(shape.props.richText), (text) => ({
        ...shape,
        props: { ...shape.props, richText: richTextOf(text) },
      })),
    );
  }
}

export class TemplateFrameShapeUtil extends FrameShapeUtil {
  /**
   * tldraw's geometry, with the heading's area worked out only when asked (#16): tldraw measures
   * each sheet's heading text to place it, while the bounds are the frame's, from the record. The
   * heading's size follows the zoom, so the zoom is read here as tldraw does, and the geometry is
   * built again when it changes.
   */
  override getGeometry(shape: TLFrameShape): Group2d {
    this.editor.getEfficientZoomLevel();
    return new Group2d({
      children: [
        new Rectangle2d({ width: shape.props.w, height: shape.props.h, isFilled: false }),
        new DeferredLabel2d(() => labelOf(super.getGeometry(shape))),
      ],
    });
  }

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
