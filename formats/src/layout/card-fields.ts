import type { LocalizedText } from '../localized-text';
import type { Rect, SheetLayout } from './geometry';

/** One field of a card template (step 7's test card: solution, pilot city, measure, deadline). */
export interface CardField {
  stepId: string;
  zoneId: string;
  /** `<card>.<field>`, the zone's cell id. */
  cellId: string;
  label: LocalizedText;
  /** Where the field's text goes: the field below its label, inside its outline. */
  input: Rect;
}

const INSET = 8;

/**
 * The fields of every card template on the board's sheets, with the box each one's text is
 * written in: below the field's label, so the text never covers it, and inside the field, so it
 * never runs into the next one.
 */
export function cardFields(layout: SheetLayout, stepId?: string): CardField[] {
  const fields: CardField[] = [];
  for (const sheet of layout.sheets) {
    if (stepId !== undefined && sheet.stepId !== stepId) continue;
    for (const zone of sheet.zones) {
      if (zone.kind !== 'cards') continue;
      for (const cell of zone.cells) {
        const label = zone.headers.find((h) => h.headerId === cell.cellId && h.role === 'field');
        const top = label ? label.y + label.h + 4 : cell.y + INSET;
        fields.push({
          stepId: sheet.stepId,
          zoneId: zone.zoneId,
          cellId: cell.cellId,
          label: cell.label,
          input: {
            x: cell.x + INSET,
            y: top,
            w: cell.w - 2 * INSET,
            h: Math.max(0, cell.y + cell.h - INSET - top),
          },
        });
      }
    }
  }
  return fields;
}
