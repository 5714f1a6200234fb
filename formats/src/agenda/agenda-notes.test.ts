import type { BoardAgenda } from '@empiria/shared';
import { describe, expect, it } from 'vitest';
import { NOTE_SIZE } from '../layout/geometry';
import { layoutFormat } from '../layout/sheet-layout';
import { zoneAt } from '../layout/zone-membership';
import { agendaFormat } from './agenda-format';
import { agendaNotes } from './agenda-notes';

const meeting: BoardAgenda = [
  { kind: 'step', format: 'format-0', version: 1, stepId: 'welcome', minutes: 30 },
  { kind: 'expert-input', title: 'Cyfrowe usługi w Norwegii', minutes: 45 },
  { kind: 'break', title: '', minutes: 30 },
  { kind: 'step', format: 'format-0', version: 1, stepId: 'contract', minutes: 40 },
  { kind: 'free-discussion', title: '', minutes: 40 },
];

describe('the agenda written on the welcome sheet', () => {
  const format = agendaFormat(meeting);
  const layout = layoutFormat(format);
  const notes = agendaNotes(meeting, format, layout, 'pl');

  it('has one note per agenda item, in order, with its minutes', () => {
    expect(notes.map((note) => note.text)).toEqual([
      'Powitanie i agenda · 30 min',
      'Cyfrowe usługi w Norwegii · 45 min',
      'Przerwa · 30 min',
      `${format.steps[3]!.title.pl} · 40 min`,
      'Wolna dyskusja · 40 min',
    ]);
    // Short enough to stay squares (a longer title would grow by the server's estimate, D54).
    expect(notes.map((note) => note.growY)).toEqual([0, 0, 0, 0, 0]);
  });

  it('lies in the "Agenda" zone of the welcome sheet, no two notes overlapping, read in the agenda’s order', () => {
    for (const note of notes) {
      const size = NOTE_SIZE * note.scale;
      const hit = zoneAt(layout, { x: note.x + size / 2, y: note.y + size / 2 });
      expect(hit).toMatchObject({ stepId: 'welcome', zoneId: 'agenda' });
    }
    for (const [i, a] of notes.entries()) {
      for (const b of notes.slice(i + 1)) {
        const size = NOTE_SIZE * Math.max(a.scale, b.scale);
        expect(Math.abs(a.x - b.x) >= size - 0.5 || Math.abs(a.y - b.y) >= size - 0.5).toBe(true);
      }
    }
    const order = [...notes].sort((a, b) => (Math.abs(a.y - b.y) > 40 ? a.y - b.y : a.x - b.x));
    expect(order.map((note) => note.id)).toEqual(notes.map((note) => note.id));
  });

  it('writes nothing when the meeting does not open with the welcome', () => {
    const other: BoardAgenda = meeting.slice(1);
    const composed = agendaFormat(other);
    expect(agendaNotes(other, composed, layoutFormat(composed), 'pl')).toEqual([]);
  });
});
