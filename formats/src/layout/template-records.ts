import {
  DocumentRecordType,
  PageRecordType,
  TLDOCUMENT_ID,
  toRichText,
  type TLArrowShape,
  type TLDefaultColorStyle,
  type TLFrameShape,
  type TLGeoShape,
  type TLPageId,
  type TLRecord,
  type TLShape,
  type TLShapeId,
  type TLTextShape,
} from '@tldraw/tlschema';
import type { Language, TemplateMeta, TemplatePart } from '@empiria/shared';
import type { LocalizedText } from '../localized-text';
import type { Rect, SheetGeometry, SheetLayout, ZoneGeometry } from './geometry';
import { indexKey } from './index-keys';
import { typography, type TextStyle } from './typography';

/** The board's one page; the client creates the same id for an empty board. */
export const TEMPLATE_PAGE_ID = 'page:page' as TLPageId;

export interface BoardRecordsOptions {
  /** The page's name; the format's name when absent. */
  pageName?: string;
}

/**
 * Everything a fresh board's canvas holds: the document record, the page and the template of the
 * format in `language`. A server writes these (and `serializedTemplateSchema()`) into the canvas
 * document when it creates a board.
 */
export function boardRecords(
  layout: SheetLayout,
  formatName: LocalizedText,
  language: Language,
  options: BoardRecordsOptions = {},
): TLRecord[] {
  return [
    DocumentRecordType.create({ id: TLDOCUMENT_ID }),
    PageRecordType.create({
      id: TEMPLATE_PAGE_ID,
      name: options.pageName ?? formatName[language],
      index: indexKey(0),
    }),
    ...templateRecords(layout, language),
  ];
}

/**
 * The template's shapes: per sheet a locked frame (tldraw gives a locked frame no new children,
 * so the group's notes stay on the page and their zone is a matter of page geometry, `zoneAt`), and inside it (coordinates relative to the
 * frame) the step's number, title, instruction, and each zone's outline, label, hint, headers,
 * cells, card outlines and arrows. Ids are stable — `shape:tpl--<format>--<step>--<part>` for a
 * sheet's own parts and `shape:tpl--<format>--<step>--<zone>--<part>` for a zone's — built from
 * slugs, which never contain `--`, so no two parts share an id.
 */
export function templateRecords(layout: SheetLayout, language: Language): TLShape[] {
  return layout.sheets.flatMap((sheet) => sheetShapes(layout, sheet, language));
}

/** The id of a template shape; `zoneId` null for the sheet's own parts. */
export function templateShapeId(
  formatId: string,
  stepId: string,
  zoneId: string | null,
  part: string,
): TLShapeId {
  return `shape:${['tpl', formatId, stepId, ...(zoneId ? [zoneId] : []), part].join('--')}` as TLShapeId;
}

interface Context {
  layout: SheetLayout;
  sheet: SheetGeometry;
  language: Language;
  frameId: TLShapeId;
  shapes: TLShape[];
}

function sheetShapes(layout: SheetLayout, sheet: SheetGeometry, language: Language): TLShape[] {
  const frameId = templateShapeId(layout.formatId, sheet.stepId, null, 'sheet');
  const ctx: Context = { layout, sheet, language, frameId, shapes: [] };
  const frame: TLFrameShape = {
    ...base(ctx, frameId, 'frame', sheet, meta(ctx, 'sheet')),
    parentId: TEMPLATE_PAGE_ID,
    x: sheet.x,
    y: sheet.y,
    index: indexKey(sheet.index),
    props: { w: sheet.w, h: sheet.h, name: `${sheet.number}. ${sheet.title[language]}`, color: 'black' },
  };
  const id = (part: string) => templateShapeId(layout.formatId, sheet.stepId, null, part);
  add(
    ctx,
    geo(ctx, id('badge'), sheet.badgeBox, meta(ctx, 'badge'), {
      geo: 'ellipse',
      look: 'badge',
      text: String(sheet.number),
    }),
  );
  add(
    ctx,
    text(ctx, id('title'), sheet.titleBox, meta(ctx, 'title'), sheet.title[language], typography.title),
  );
  add(
    ctx,
    text(
      ctx,
      id('instruction'),
      sheet.instructionBox,
      meta(ctx, 'instruction'),
      sheet.instruction[language],
      typography.instruction,
    ),
  );
  for (const zone of sheet.zones) zoneShapes(ctx, zone);
  return [frame, ...ctx.shapes];
}

function zoneShapes(ctx: Context, zone: ZoneGeometry): void {
  const { layout, sheet, language } = ctx;
  const id = (part: string) => templateShapeId(layout.formatId, sheet.stepId, zone.zoneId, part);
  const m = (part: TemplatePart, partId?: string) => meta(ctx, part, zone.zoneId, partId);
  add(ctx, geo(ctx, id('outline'), zone, m('zone'), { look: 'zone' }));
  if (zone.labelBox)
    add(
      ctx,
      text(ctx, id('label'), zone.labelBox, m('zone-label'), zone.label[language], typography.zoneLabel),
    );
  if (zone.hintBox && zone.hint)
    add(ctx, text(ctx, id('hint'), zone.hintBox, m('zone-hint'), zone.hint[language], typography.hint));
  for (const group of zone.groups)
    add(ctx, geo(ctx, id(`g-${group.groupId}`), group, m('group', group.groupId), { look: 'card' }));
  for (const cell of zone.cells) {
    add(
      ctx,
      geo(ctx, id(`c-${cell.cellId}`), cell, m('cell', cell.cellId), {
        look: zone.kind === 'cards' ? 'field' : 'cell',
      }),
    );
  }
  for (const header of zone.headers) {
    const shapeId = id(`h-${header.headerId}`);
    const label = header.label[language];
    if (header.role === 'card' || header.role === 'field') {
      const style = header.role === 'card' ? typography.cardTitle : typography.fieldLabel;
      add(ctx, text(ctx, shapeId, header, m('header', header.headerId), label, style));
    } else {
      add(
        ctx,
        geo(ctx, shapeId, header, m('header', header.headerId), {
          look: header.role === 'corner' ? 'corner' : 'header',
          text: label,
        }),
      );
    }
  }
  for (const arrow of zone.arrows) {
    const shape: TLArrowShape = {
      ...base(
        ctx,
        id(`a-${arrow.arrowId}`),
        'arrow',
        { x: arrow.from.x, y: arrow.from.y },
        m('arrow', arrow.arrowId),
      ),
      props: {
        kind: 'arc',
        labelColor: 'black',
        color: 'grey',
        fill: 'none',
        dash: 'solid',
        size: 'l',
        arrowheadStart: 'none',
        arrowheadEnd: 'arrow',
        font: 'sans',
        start: { x: 0, y: 0 },
        end: { x: arrow.to.x - arrow.from.x, y: arrow.to.y - arrow.from.y },
        bend: 0,
        richText: toRichText(''),
        labelPosition: 0.5,
        scale: 1,
        elbowMidPoint: 0.5,
      },
    };
    add(ctx, shape);
  }
}

/** Child shapes take the next index in their frame, in drawing order: outlines under labels. */
function add(ctx: Context, shape: TLShape): void {
  ctx.shapes.push({ ...shape, index: indexKey(ctx.shapes.length) });
}

function meta(ctx: Context, part: TemplatePart, zoneId?: string, partId?: string): { empiria: TemplateMeta } {
  const empiria: TemplateMeta = {
    kind: 'template',
    formatId: ctx.layout.formatId,
    formatVersion: ctx.layout.formatVersion,
    stepId: ctx.sheet.stepId,
    part,
  };
  // JSON has no `undefined`: absent keys stay absent.
  if (zoneId !== undefined) empiria.zoneId = zoneId;
  if (partId !== undefined) empiria.partId = partId;
  return { empiria };
}

/** Common fields; position made relative to the sheet's frame. */
function base<T extends TLShape['type']>(
  ctx: Context,
  id: TLShapeId,
  type: T,
  at: { x: number; y: number },
  shapeMeta: { empiria: TemplateMeta },
) {
  return {
    id,
    typeName: 'shape' as const,
    type,
    x: at.x - ctx.sheet.x,
    y: at.y - ctx.sheet.y,
    rotation: 0,
    index: indexKey(0),
    parentId: ctx.frameId as TLShape['parentId'],
    isLocked: true,
    opacity: 1,
    meta: shapeMeta,
  };
}

function text(
  ctx: Context,
  id: TLShapeId,
  box: Rect,
  shapeMeta: { empiria: TemplateMeta },
  value: string,
  style: TextStyle,
): TLTextShape {
  return {
    ...base(ctx, id, 'text', box, shapeMeta),
    props: {
      color: 'black',
      size: style.size,
      font: 'sans',
      textAlign: 'start',
      // A text shape's width is in unscaled units: it wraps at w and is drawn at w × scale.
      w: box.w / style.scale,
      richText: toRichText(value),
      scale: style.scale,
      autoSize: false,
    },
  };
}

/**
 * The calm template look: filled light-blue headers without a stroke (a geo shape's size sets both
 * its label's font and its stroke, and a projector needs the large font, not the thick stroke),
 * thin grey outlines, dashed cells, dark labels.
 */
const LOOKS = {
  badge: { color: 'light-blue', fill: 'solid', dash: 'none', ...typography.badge },
  header: { color: 'light-blue', fill: 'solid', dash: 'none', ...typography.header },
  corner: { color: 'grey', fill: 'none', dash: 'none', ...typography.header },
  zone: { color: 'grey', fill: 'none', dash: 'solid', size: 's', scale: 1 },
  cell: { color: 'grey', fill: 'none', dash: 'dashed', size: 's', scale: 1 },
  card: { color: 'grey', fill: 'semi', dash: 'solid', size: 's', scale: 1 },
  field: { color: 'grey', fill: 'none', dash: 'dotted', size: 's', scale: 1 },
} as const satisfies Record<
  string,
  Pick<TLGeoShape['props'], 'color' | 'fill' | 'dash' | 'size' | 'scale'> & { color: TLDefaultColorStyle }
>;

function geo(
  ctx: Context,
  id: TLShapeId,
  box: Rect,
  shapeMeta: { empiria: TemplateMeta },
  options: { look: keyof typeof LOOKS; geo?: 'rectangle' | 'ellipse'; text?: string },
): TLGeoShape {
  const look = LOOKS[options.look];
  return {
    ...base(ctx, id, 'geo', box, shapeMeta),
    props: {
      geo: options.geo ?? 'rectangle',
      dash: look.dash,
      url: '',
      w: box.w,
      h: box.h,
      growY: 0,
      scale: look.scale,
      flipX: false,
      flipY: false,
      labelColor: 'black',
      color: look.color,
      fill: look.fill,
      size: look.size,
      font: 'sans',
      align: 'middle',
      verticalAlign: 'middle',
      richText: toRichText(options.text ?? ''),
    },
  };
}
