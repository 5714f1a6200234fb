import type { LocalizedText } from '../localized-text';
import { numbered, range, type Zone, type ZonePart } from '../zone';
import {
  split,
  type ArrowGeometry,
  type CellGeometry,
  type GroupGeometry,
  type HeaderGeometry,
  type Rect,
  type ZoneGeometry,
} from './geometry';
import { textHeight, textWidth } from './text-metrics';
import { LABEL_PADDING, typography } from './typography';

const PAD = 20;
/** Between the parts of a zone that are separate places (columns, rows, cards). */
const GAP = 16;
/** Between the cells of a table (matrix, timeline), which read as one grid. */
const TIGHT = 6;
/** Room for an arrow between two headers (flow columns, pairs). */
const ARROW_GAP = 96;
/** Room left of a timeline for the arrow of time. */
const TIME_ARROW = 56;
const HEADER_MIN_H = 80;

interface Parts {
  headers: HeaderGeometry[];
  cells: CellGeometry[];
  groups: GroupGeometry[];
  arrows: ArrowGeometry[];
}

/** Lays a zone out in `rect`: label and hint on top, then its kind's headers and cells. */
export function layoutZone(zone: Zone, rect: Rect, showLabel: boolean): ZoneGeometry {
  const inner = { x: rect.x + PAD, y: rect.y + PAD, w: rect.w - 2 * PAD, h: rect.h - 2 * PAD };
  let y = inner.y;
  let labelBox: Rect | null = null;
  if (showLabel) {
    labelBox = { x: inner.x, y, w: inner.w, h: textHeight(zone.label, typography.zoneLabel, inner.w) };
    y += labelBox.h + 6;
  }
  let hintBox: Rect | null = null;
  if (zone.hint) {
    hintBox = { x: inner.x, y, w: inner.w, h: textHeight(zone.hint, typography.hint, inner.w) };
    y += hintBox.h + 6;
  }
  if (y > inner.y) y += 6;
  const body = { x: inner.x, y, w: inner.w, h: inner.y + inner.h - y };
  return {
    zoneId: zone.id,
    kind: zone.kind,
    label: zone.label,
    hint: zone.hint ?? null,
    ...rect,
    labelBox,
    hintBox,
    body,
    ...layoutKind(zone, body),
  };
}

function layoutKind(zone: Zone, body: Rect): Parts {
  switch (zone.kind) {
    case 'area':
      return { headers: [], cells: [], groups: [], arrows: [] };
    case 'columns':
      return columns(zone.columns, body, zone.perRow ?? zone.columns.length, zone.flow ?? false);
    case 'poll':
      return poll(zone.options, body);
    case 'rows':
      return rows(zone.rows, body);
    case 'matrix':
      return table(zone.rows, zone.columns, body, cornerLabel(zone.rowAxis, zone.columnAxis));
    case 'timeline':
      return timeline(zone.phases, zone.lanes, body);
    case 'cards':
      return cards(zone.card, zone.fields, zone.count, body);
    case 'pairs':
      return pairs(zone.left, zone.right, zone.count, body);
  }
}

/** A part's header shows its hint under its label. */
function headerText(part: ZonePart): LocalizedText {
  return part.hint
    ? { pl: `${part.label.pl}\n${part.hint.pl}`, en: `${part.label.en}\n${part.hint.en}` }
    : part.label;
}

function headerHeight(parts: ZonePart[], width: number): number {
  const needed = parts.map((p) => textHeight(headerText(p), typography.header, width - 2 * LABEL_PADDING));
  return Math.max(HEADER_MIN_H, ...needed.map((h) => h + 2 * LABEL_PADDING));
}

/** Row headers fit their labels on one line when they can, within a quarter of the zone. */
function rowHeaderWidth(parts: ZonePart[], body: Rect): number {
  const widest = Math.max(...parts.map((p) => textWidth(p.label, typography.header))) + 2 * LABEL_PADDING;
  return Math.round(Math.min(Math.max(widest, 150), body.w * 0.26));
}

function columns(parts: ZonePart[], body: Rect, perRow: number, flow: boolean): Parts {
  const out: Parts = { headers: [], cells: [], groups: [], arrows: [] };
  const gridRows = Math.ceil(parts.length / perRow);
  const ys = split(body.y, body.h, gridRows, GAP);
  const xs = split(body.x, body.w, perRow, flow ? ARROW_GAP : GAP);
  ys.forEach(([y, h], r) => {
    const rowParts = parts.slice(r * perRow, (r + 1) * perRow);
    const hh = headerHeight(rowParts, xs[0]![1]);
    rowParts.forEach((part, c) => {
      const [x, w] = xs[c]!;
      out.headers.push({ headerId: part.id, role: 'column', label: headerText(part), x, y, w, h: hh });
      out.cells.push({ cellId: part.id, label: part.label, x, y: y + hh, w, h: h - hh });
      const next = rowParts[c + 1];
      if (flow && next) {
        const mid = y + Math.round(hh / 2);
        out.arrows.push({
          arrowId: `${part.id}-${next.id}`,
          from: { x: x + w + 12, y: mid },
          to: { x: x + w + ARROW_GAP - 12, y: mid },
        });
      }
    });
  });
  return out;
}

/** One box per option, its label on top inside it: a dot anywhere in the box counts. */
function poll(options: ZonePart[], body: Rect): Parts {
  const out: Parts = { headers: [], cells: [], groups: [], arrows: [] };
  const xs = split(body.x, body.w, options.length, GAP);
  const hh = Math.min(body.h, headerHeight(options, xs[0]![1]));
  options.forEach((option, i) => {
    const [x, w] = xs[i]!;
    out.cells.push({ cellId: option.id, label: option.label, x, y: body.y, w, h: body.h });
    out.headers.push({
      headerId: option.id,
      role: 'column',
      label: headerText(option),
      x,
      y: body.y,
      w,
      h: hh,
    });
  });
  return out;
}

function rows(parts: ZonePart[], body: Rect): Parts {
  const out: Parts = { headers: [], cells: [], groups: [], arrows: [] };
  const hw = rowHeaderWidth(parts, body);
  split(body.y, body.h, parts.length, GAP).forEach(([y, h], i) => {
    const part = parts[i]!;
    out.headers.push({ headerId: part.id, role: 'row', label: headerText(part), x: body.x, y, w: hw, h });
    out.cells.push({ cellId: part.id, label: part.label, x: body.x + hw, y, w: body.w - hw, h });
  });
  return out;
}

function cornerLabel(rowAxis?: LocalizedText, columnAxis?: LocalizedText): LocalizedText | null {
  if (!rowAxis || !columnAxis) return null;
  return { pl: `${columnAxis.pl} →\n${rowAxis.pl} ↓`, en: `${columnAxis.en} →\n${rowAxis.en} ↓` };
}

/** A grid: column headers on top, row headers on the left, cells `row.column`. */
function table(rowParts: ZonePart[], colParts: ZonePart[], body: Rect, corner: LocalizedText | null): Parts {
  const out: Parts = { headers: [], cells: [], groups: [], arrows: [] };
  const hw = rowHeaderWidth(rowParts, body);
  const xs = split(body.x + hw + TIGHT, body.w - hw - TIGHT, colParts.length, TIGHT);
  const cornerH = corner
    ? textHeight(corner, typography.header, hw - 2 * LABEL_PADDING) + 2 * LABEL_PADDING
    : 0;
  const hh = Math.max(cornerH, headerHeight(colParts, xs[0]![1]));
  const ys = split(body.y + hh + TIGHT, body.h - hh - TIGHT, rowParts.length, TIGHT);
  if (corner)
    out.headers.push({
      headerId: 'corner',
      role: 'corner',
      label: corner,
      x: body.x,
      y: body.y,
      w: hw,
      h: hh,
    });
  colParts.forEach((col, c) => {
    const [x, w] = xs[c]!;
    out.headers.push({ headerId: col.id, role: 'column', label: headerText(col), x, y: body.y, w, h: hh });
  });
  rowParts.forEach((row, r) => {
    const [y, h] = ys[r]!;
    out.headers.push({ headerId: row.id, role: 'row', label: headerText(row), x: body.x, y, w: hw, h });
    colParts.forEach((col, c) => {
      const [x, w] = xs[c]!;
      out.cells.push({
        cellId: `${row.id}.${col.id}`,
        label: { pl: `${row.label.pl} · ${col.label.pl}`, en: `${row.label.en} · ${col.label.en}` },
        x,
        y,
        w,
        h,
      });
    });
  });
  return out;
}

/** Time runs down the portrait sheet: phases are rows, lanes are columns, an arrow on the left. */
function timeline(phases: ZonePart[], lanes: ZonePart[], body: Rect): Parts {
  const grid = table(phases, lanes, { ...body, x: body.x + TIME_ARROW, w: body.w - TIME_ARROW }, null);
  const first = grid.cells[0]!;
  const last = grid.cells.at(-1)!;
  const x = body.x + Math.round(TIME_ARROW / 2) - 4;
  grid.arrows.push({ arrowId: 'time', from: { x, y: first.y }, to: { x, y: last.y + last.h } });
  return grid;
}

interface CardGrid {
  perRow: number;
  fieldColumns: number;
}

/**
 * The grid of cards, and of fields inside a card, that gives the fields the most comfortable
 * size: wide enough for a line of text, tall enough for a few lines or a small note.
 */
function cardGrid(count: number, fields: number, body: Rect): CardGrid {
  let best = { perRow: 1, fieldColumns: 1, score: -Infinity };
  for (let perRow = 1; perRow <= count; perRow++) {
    for (const fieldColumns of [1, 2]) {
      const cardW = (body.w - (perRow - 1) * GAP) / perRow;
      const cardH = (body.h - (Math.ceil(count / perRow) - 1) * GAP) / Math.ceil(count / perRow);
      const fieldW = (cardW - 16 - (fieldColumns - 1) * 4) / fieldColumns;
      const fieldH = (cardH - 60) / Math.ceil(fields / fieldColumns);
      const score = Math.min(fieldW / 280, fieldH / 110);
      if (score > best.score + 1e-9) best = { perRow, fieldColumns, score };
    }
  }
  return best;
}

function cards(card: LocalizedText, fields: ZonePart[], count: number, body: Rect): Parts {
  const out: Parts = { headers: [], cells: [], groups: [], arrows: [] };
  const { perRow, fieldColumns } = cardGrid(count, fields.length, body);
  const ys = split(body.y, body.h, Math.ceil(count / perRow), GAP);
  const xs = split(body.x, body.w, perRow, GAP);
  const fieldRows = Math.ceil(fields.length / fieldColumns);
  for (const n of range(count)) {
    const [x, w] = xs[(n - 1) % perRow]!;
    const [y, h] = ys[Math.floor((n - 1) / perRow)]!;
    const title = numbered(card, n);
    const th = textHeight(title, typography.cardTitle, w - 24);
    out.groups.push({ groupId: `card-${n}`, x, y, w, h });
    out.headers.push({
      headerId: `card-${n}`,
      role: 'card',
      label: title,
      x: x + 12,
      y: y + 8,
      w: w - 24,
      h: th,
    });
    const top = y + 8 + th + 6;
    const fys = split(top, y + h - 8 - top, fieldRows, 4);
    const fxs = split(x + 8, w - 16, fieldColumns, 4);
    fields.forEach((field, i) => {
      const [fy, fh] = fys[Math.floor(i / fieldColumns)]!;
      const [fx, fw] = fxs[i % fieldColumns]!;
      // An odd last field spans the card's width rather than leaving a hole.
      const last = i === fields.length - 1 && i % fieldColumns === 0;
      const cell = {
        cellId: `${n}.${field.id}`,
        label: field.label,
        x: fx,
        y: fy,
        w: last ? w - 16 : fw,
        h: fh,
      };
      out.cells.push(cell);
      const lh = Math.min(fh, textHeight(field.label, typography.fieldLabel, cell.w - 16));
      out.headers.push({
        headerId: cell.cellId,
        role: 'field',
        label: field.label,
        x: cell.x + 8,
        y: fy + 4,
        w: cell.w - 16,
        h: lh,
      });
    });
  }
  return out;
}

function pairs(left: ZonePart, right: ZonePart, count: number, body: Rect): Parts {
  const out: Parts = { headers: [], cells: [], groups: [], arrows: [] };
  const xs = split(body.x, body.w, 2, ARROW_GAP);
  const hh = headerHeight([left, right], xs[0]![1]);
  const sides = [left, right] as const;
  sides.forEach((side, s) => {
    const [x, w] = xs[s]!;
    out.headers.push({ headerId: side.id, role: 'column', label: headerText(side), x, y: body.y, w, h: hh });
  });
  const [lx, lw] = xs[0]!;
  const mid = body.y + Math.round(hh / 2);
  out.arrows.push({
    arrowId: 'pair',
    from: { x: lx + lw + 12, y: mid },
    to: { x: lx + lw + ARROW_GAP - 12, y: mid },
  });
  split(body.y + hh + GAP, body.h - hh - GAP, count, GAP).forEach(([y, h], i) => {
    const n = i + 1;
    sides.forEach((side, s) => {
      const [x, w] = xs[s]!;
      out.cells.push({
        cellId: `${n}.${side.id}`,
        label: { pl: `${side.label.pl} ${n}`, en: `${side.label.en} ${n}` },
        x,
        y,
        w,
        h,
      });
    });
  });
  return out;
}
