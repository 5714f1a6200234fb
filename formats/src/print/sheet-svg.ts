import type { Language } from '@empiria/shared';
import type { Rect, SheetGeometry, ZoneGeometry } from '../layout/geometry';
import { LINE_HEIGHT, typography, type TextStyle } from '../layout/typography';

/**
 * A sheet drawn as SVG from the same geometry the canvas template is made of, so the flipchart on
 * the wall and the sheet on the screen have the same zones in the same places. Coordinates are
 * canvas units (a sheet is 1360×1980, i.e. 68×99 cm at 20 units per cm); the caller scales the
 * SVG to the paper. Text wraps inside its box through foreignObject, as it does on screen.
 */
const COLORS = {
  ink: '#1d1d1d',
  muted: '#4a4f57',
  line: '#8d96a0',
  header: '#d3e4fb',
  badge: '#d3e4fb',
  card: '#f3f5f7',
} as const;

const esc = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function local(rect: Rect, origin: Rect): Rect {
  return { x: rect.x - origin.x, y: rect.y - origin.y, w: rect.w, h: rect.h };
}

function text(
  box: Rect,
  content: string,
  style: TextStyle,
  options: { bold?: boolean; color?: string; center?: boolean } = {},
) {
  const align = options.center ? 'center' : 'left';
  const justify = options.center ? 'center' : 'flex-start';
  return (
    `<foreignObject x="${box.x}" y="${box.y}" width="${box.w}" height="${box.h}">` +
    `<div xmlns="http://www.w3.org/1999/xhtml" style="width:100%;height:100%;display:flex;align-items:${options.center ? 'center' : 'flex-start'};justify-content:${justify};` +
    `font-family:'DejaVu Sans','Noto Sans',Arial,sans-serif;font-size:${style.fontSize}px;line-height:${LINE_HEIGHT};` +
    `font-weight:${options.bold ? 700 : 400};color:${options.color ?? COLORS.ink};text-align:${align};overflow:hidden;overflow-wrap:anywhere">` +
    `<span>${esc(content)}</span></div></foreignObject>`
  );
}

function rect(
  box: Rect,
  options: { fill?: string; stroke?: string; dash?: string; width?: number; radius?: number },
) {
  return (
    `<rect x="${box.x}" y="${box.y}" width="${box.w}" height="${box.h}" rx="${options.radius ?? 8}" ` +
    `fill="${options.fill ?? 'none'}" stroke="${options.stroke ?? 'none'}" stroke-width="${options.width ?? 3}"` +
    `${options.dash ? ` stroke-dasharray="${options.dash}"` : ''}/>`
  );
}

function zoneSvg(zone: ZoneGeometry, sheet: Rect, language: Language): string {
  const parts: string[] = [rect(local(zone, sheet), { stroke: COLORS.line, width: 4 })];
  if (zone.labelBox)
    parts.push(text(local(zone.labelBox, sheet), zone.label[language], typography.zoneLabel, { bold: true }));
  if (zone.hint && zone.hintBox)
    parts.push(
      text(local(zone.hintBox, sheet), zone.hint[language], typography.hint, { color: COLORS.muted }),
    );
  for (const group of zone.groups)
    parts.push(rect(local(group, sheet), { fill: COLORS.card, stroke: COLORS.line }));
  for (const cell of zone.cells) parts.push(rect(local(cell, sheet), { stroke: COLORS.line, dash: '14 10' }));
  for (const header of zone.headers) {
    const box = local(header, sheet);
    const style =
      header.role === 'field'
        ? typography.fieldLabel
        : header.role === 'card'
          ? typography.cardTitle
          : typography.header;
    if (header.role === 'column' || header.role === 'row') parts.push(rect(box, { fill: COLORS.header }));
    const inset = header.role === 'field' ? { x: 8, y: 0 } : { x: 12, y: 6 };
    parts.push(
      text(
        {
          x: box.x + inset.x,
          y: box.y + inset.y,
          w: box.w - 2 * inset.x,
          // A one-line label needs its full line height, or its descenders are cut off.
          h: Math.max(box.h - 2 * inset.y, Math.ceil(style.fontSize * LINE_HEIGHT) + 4),
        },
        header.label[language],
        style,
        {
          bold: header.role !== 'field',
          center: header.role === 'column' || header.role === 'row' || header.role === 'corner',
        },
      ),
    );
  }
  for (const arrow of zone.arrows) {
    const from = { x: arrow.from.x - sheet.x, y: arrow.from.y - sheet.y };
    const to = { x: arrow.to.x - sheet.x, y: arrow.to.y - sheet.y };
    parts.push(
      `<line x1="${from.x}" y1="${from.y}" x2="${to.x}" y2="${to.y}" stroke="${COLORS.ink}" stroke-width="5" marker-end="url(#arrow)"/>`,
    );
  }
  return parts.join('');
}

export function sheetSvg(sheet: SheetGeometry, language: Language): string {
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${sheet.w} ${sheet.h}" width="100%" height="100%" preserveAspectRatio="xMidYMid meet">`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${COLORS.ink}"/></marker></defs>`,
    rect({ x: 2, y: 2, w: sheet.w - 4, h: sheet.h - 4 }, { stroke: COLORS.ink, width: 4, radius: 0 }),
    rect(local(sheet.badgeBox, sheet), { fill: COLORS.badge, radius: 12 }),
    text(local(sheet.badgeBox, sheet), String(sheet.number), typography.badge, { bold: true, center: true }),
    text(local(sheet.titleBox, sheet), sheet.title[language], typography.title, { bold: true }),
    text(local(sheet.instructionBox, sheet), sheet.instruction[language], typography.instruction),
    ...sheet.zones.map((zone) => zoneSvg(zone, sheet, language)),
  ];
  parts.push('</svg>');
  return parts.join('');
}
