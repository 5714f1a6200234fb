import { describe, expect, it } from 'vitest';
import { addLocalMinutes, agendaItemSchema, agendaMinutes, firstFormat, type Agenda } from './agenda';

describe('agenda', () => {
  const agenda: Agenda = [
    { kind: 'free-discussion', title: 'Kawa powitalna', minutes: 30 },
    { kind: 'step', format: 'format-2', stepId: 'barriers', minutes: 60 },
    { kind: 'break', title: '', minutes: 45 },
    { kind: 'step', format: 'format-0', stepId: 'contract', minutes: 40 },
  ];

  it('the meeting lasts as long as its items together', () => {
    expect(agendaMinutes(agenda)).toBe(175);
    expect(agendaMinutes([])).toBe(0);
  });

  it("the board's template is the first format in the agenda, or blank without one", () => {
    expect(firstFormat(agenda)).toBe('format-2');
    expect(firstFormat([{ kind: 'break', minutes: 15 }])).toBe('blank');
  });

  it('ends on the wall clock, across midnight and month ends', () => {
    expect(addLocalMinutes('2027-03-15T10:00', 175)).toBe('2027-03-15T12:55');
    expect(addLocalMinutes('2027-01-31T22:30', 120)).toBe('2027-02-01T00:30');
  });

  it('own items need their minutes; steps may take theirs from the format', () => {
    expect(agendaItemSchema.safeParse({ kind: 'break' }).success).toBe(false);
    expect(agendaItemSchema.safeParse({ kind: 'step', format: 'format-1', stepId: 'x' }).success).toBe(true);
    expect(agendaItemSchema.safeParse({ kind: 'step', format: 'blank', stepId: 'x' }).success).toBe(false);
    expect(agendaItemSchema.safeParse({ kind: 'lunch', minutes: 30 }).success).toBe(false);
  });
});
