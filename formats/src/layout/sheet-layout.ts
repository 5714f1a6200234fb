import type { FormatDefinition } from '../format-definition';
import type { Step } from '../step';
import { SHEET, splitWeighted, type Rect, type SheetGeometry, type SheetLayout } from './geometry';
import { textHeight } from './text-metrics';
import { typography } from './typography';
import { layoutZone } from './zone-geometry';

const BADGE = 130;
const ZONE_GAP = 28;

/**
 * A format's sheets: one per step, in a row left to right, each with its number, title,
 * instruction and zones. Pure and deterministic: the same format gives the same layout, and the
 * layout is the same in both languages (boxes fit the longer text), so switching language never
 * moves a zone out from under the notes.
 */
export function layoutFormat(format: FormatDefinition): SheetLayout {
  const sheets = format.steps.map((step, index) => layoutSheet(step, index));
  const last = sheets.at(-1);
  const bounds = last ? { x: 0, y: 0, w: last.x + last.w, h: SHEET.h } : { x: 0, y: 0, w: 0, h: 0 };
  return { formatId: format.id, formatVersion: format.version, sheets, bounds };
}

/** Where the sheet of the step at `index` stands. */
export function sheetRect(index: number): Rect {
  return { x: index * (SHEET.w + SHEET.gap), y: 0, w: SHEET.w, h: SHEET.h };
}

function layoutSheet(step: Step, index: number): SheetGeometry {
  const sheet = sheetRect(index);
  const inner = { x: sheet.x + SHEET.margin, y: sheet.y + SHEET.margin, w: sheet.w - 2 * SHEET.margin };
  const bottom = sheet.y + sheet.h - SHEET.margin;

  const badgeBox = { x: inner.x, y: inner.y, w: BADGE, h: BADGE };
  const titleX = inner.x + BADGE + 32;
  const titleW = inner.x + inner.w - titleX;
  const titleH = textHeight(step.title, typography.title, titleW);
  const titleBox = {
    x: titleX,
    y: inner.y + Math.max(0, Math.round((BADGE - titleH) / 2)),
    w: titleW,
    h: titleH,
  };
  const headerBottom = Math.max(badgeBox.y + badgeBox.h, titleBox.y + titleBox.h);

  const instructionY = headerBottom + 32;
  const instructionBox = {
    x: inner.x,
    y: instructionY,
    w: inner.w,
    h: textHeight(step.instruction, typography.instruction, inner.w),
  };

  const zonesTop = instructionBox.y + instructionBox.h + 36;
  const weights = step.zones.map((zone) => zone.weight ?? 1);
  const bands = splitWeighted(zonesTop, bottom - zonesTop, weights, ZONE_GAP);
  const zones = step.zones.map((zone, i) => {
    const [y, h] = bands[i]!;
    return layoutZone(zone, { x: inner.x, y, w: inner.w, h }, step.zones.length > 1);
  });

  return {
    stepId: step.id,
    index,
    number: index + 1,
    title: step.title,
    instruction: step.instruction,
    ...sheet,
    badgeBox,
    titleBox,
    instructionBox,
    zones,
  };
}
