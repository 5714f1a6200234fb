import type { BoardAgenda, Language } from '@empiria/shared';
import type { FormatDefinition } from '../format-definition';
import { NOTE_SIZE, type SheetLayout } from '../layout/geometry';
import { estimatedNoteGrowY } from '../layout/note-height';
import { layoutRevealedNotes } from '../layout/reveal-layout';

/** One agenda item written on the welcome sheet's "Agenda" zone of a meeting's board. */
export interface AgendaNote {
  id: string;
  text: string;
  x: number;
  y: number;
  scale: number;
  /** How much taller than its square it is written (the server's estimate for its text, D54). */
  growY: number;
  stepId: string;
  zoneId: string;
}

/** Format 0's welcome step, and its zone where the meeting's agenda is written. */
const WELCOME = { format: 'format-0', stepId: 'welcome', zoneId: 'agenda' } as const;

/**
 * A meeting's board that opens with Format 0's welcome has its agenda written on that sheet
 * already: one sticky note per agenda item ("Bariery i ograniczenia · 25 min"), in the agenda's
 * order, packed into the "Agenda" zone as the reveal packs notes (no overlap, smaller when many).
 * Ordinary notes, so the pair moves and edits them as the meeting runs ("the agenda as run" goes
 * into the summary, as the step asks). No clock times: a meeting moved to another hour keeps
 * a true agenda. `format` is the board's composed format (`agendaFormat(agenda)`), step for item.
 */
export function agendaNotes(
  agenda: BoardAgenda,
  format: FormatDefinition,
  layout: SheetLayout,
  language: Language,
): AgendaNote[] {
  const welcome = agenda.findIndex(
    (item) => item.kind === 'step' && item.format === WELCOME.format && item.stepId === WELCOME.stepId,
  );
  const stepId = format.steps[welcome]?.id;
  if (welcome < 0 || !stepId) return [];
  const zone = layout.sheets
    .find((sheet) => sheet.stepId === stepId)
    ?.zones.find((candidate) => candidate.zoneId === WELCOME.zoneId);
  if (!zone) return [];
  const centre = {
    x: zone.body.x + zone.body.w / 2 - NOTE_SIZE / 2,
    y: zone.body.y + zone.body.h / 2 - NOTE_SIZE / 2,
  };
  const items = format.steps.map((step, index) => {
    const text = `${step.title[language]} · ${agenda[index]?.minutes ?? step.minutes} min`;
    return { id: `shape:agenda-item-${index + 1}`, text, growY: estimatedNoteGrowY(text) };
  });
  const places = new Map(
    layoutRevealedNotes(
      layout,
      items.map((item, index) => ({ id: item.id, ...centre, updatedAt: index, growY: item.growY })),
      [],
    ).map((place) => [place.id, place]),
  );
  return items.map((item) => {
    const place = places.get(item.id);
    return {
      ...item,
      x: place?.x ?? centre.x,
      y: place?.y ?? centre.y,
      scale: place?.scale ?? 1,
      stepId,
      zoneId: WELCOME.zoneId,
    };
  });
}
