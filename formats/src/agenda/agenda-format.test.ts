import type { BoardAgenda } from '@empiria/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { format0 } from '../definitions/format-0';
import { format2 } from '../definitions/format-2';
import { formatDefinitionSchema } from '../format-definition';
import { SHEET, type Rect } from '../layout/geometry';
import { layoutFormat } from '../layout/sheet-layout';
import { stepSchema } from '../step';
import { zoneSchema } from '../zone';
import { AGENDA_FORMAT_ID, agendaFormat, boardFormatDefinition, pinAgenda } from './agenda-format';

/** The agenda of the e2e meeting: Format 2's first two steps, a break, an expert's input, Format 2's step 3. */
const meeting: BoardAgenda = [
  { kind: 'step', format: 'format-2', version: 1, stepId: 'challenge', minutes: 15 },
  { kind: 'step', format: 'format-2', version: 1, stepId: 'barriers', minutes: 25 },
  { kind: 'break', title: '', minutes: 15 },
  { kind: 'expert-input', title: 'Wystąpienie: finansowanie z KPO', minutes: 20 },
  { kind: 'step', format: 'format-2', version: 1, stepId: 'grouping', minutes: 30 },
];

/** A step as the schema sees it, except that a break may have no zones. */
const composedStepSchema = stepSchema.extend({ zones: z.array(zoneSchema) });

const shift = (rect: Rect, dx: number): Rect => ({ ...rect, x: rect.x + dx });

describe('agendaFormat', () => {
  it('has the agenda’s items as steps, in its order, with its minutes', () => {
    const format = agendaFormat(meeting);
    expect(format.id).toBe(AGENDA_FORMAT_ID);
    expect(format.steps.map((step) => step.id)).toEqual([
      'challenge',
      'barriers',
      'break',
      'expert-input',
      'grouping',
    ]);
    expect(format.steps.map((step) => step.minutes)).toEqual([15, 25, 15, 20, 30]);
    expect(format.steps.map((step) => step.title.pl)).toEqual([
      format2.steps[0]!.title.pl,
      format2.steps[1]!.title.pl,
      'Przerwa',
      'Wystąpienie: finansowanie z KPO',
      format2.steps[2]!.title.pl,
    ]);
  });

  it('takes a format step whole from its format (zones, tools, summary), only the minutes are the agenda’s', () => {
    const barriers = agendaFormat(meeting).steps[1]!;
    expect(barriers).toEqual({ ...format2.steps[1]!, minutes: 25 });
  });

  it('gives each own item a sheet: a break has no zones, an input and a discussion an area, a review of calls three columns', () => {
    const format = agendaFormat([
      { kind: 'break', title: '', minutes: 30 },
      { kind: 'expert-input', title: '', minutes: 20 },
      { kind: 'funding-calls', title: '', minutes: 25 },
      { kind: 'free-discussion', title: 'Co dalej z KPO?', minutes: 40 },
    ]);
    const [pause, input, calls, discussion] = format.steps;
    expect(pause!.zones).toEqual([]);
    expect(pause!.summary).toEqual([]);
    expect(pause!.title).toEqual({ pl: 'Przerwa', en: 'Break' });
    expect(input!.title).toEqual({ pl: 'Wystąpienie eksperta', en: 'Expert input' });
    expect(input!.zones.map((zone) => zone.kind)).toEqual(['area']);
    expect(input!.summary).toEqual([{ section: 'conclusions', zones: ['questions'], as: 'list' }]);
    const columns = calls!.zones[0]!;
    expect(columns.kind === 'columns' && columns.columns.map((c) => c.label.pl)).toEqual([
      'Nabór',
      'Dla kogo',
      'Termin',
    ]);
    expect(calls!.summary[0]!.section).toBe('next-steps');
    expect(discussion!.title).toEqual({ pl: 'Co dalej z KPO?', en: 'Co dalej z KPO?' });
    expect(discussion!.zones.map((zone) => zone.kind)).toEqual(['area']);
    for (const step of format.steps) composedStepSchema.parse(step);
  });

  it('keeps step ids unique when a step is run twice, formats share an id, or an item repeats', () => {
    const format = agendaFormat([
      { kind: 'step', format: 'format-0', version: 1, stepId: 'approval', minutes: 20 },
      { kind: 'break', title: '', minutes: 10 },
      { kind: 'step', format: 'format-2', version: 1, stepId: 'challenge', minutes: 15 },
      { kind: 'step', format: 'format-2', version: 1, stepId: 'challenge', minutes: 15 },
      { kind: 'break', title: '', minutes: 10 },
      { kind: 'step', format: 'format-2', version: 1, stepId: 'approval', minutes: 20 },
    ]);
    expect(format.steps.map((step) => step.id)).toEqual([
      'approval',
      'break',
      'challenge',
      'challenge-2',
      'break-2',
      'approval-2',
    ]);
    // Every rule a format obeys (unique ids, summaries naming real zones) holds for the sheets with zones.
    formatDefinitionSchema.parse({ ...format, steps: format.steps.filter((step) => step.zones.length > 0) });
  });

  it('keeps a step’s carry only right after the step its format puts before it', () => {
    const straight = agendaFormat([
      { kind: 'step', format: 'format-2', version: 1, stepId: 'barriers', minutes: 25 },
      { kind: 'step', format: 'format-2', version: 1, stepId: 'grouping', minutes: 20 },
    ]);
    expect(straight.steps[1]!.carry).toBe('notes');
    const interrupted = agendaFormat(meeting);
    expect(interrupted.steps[4]!.id).toBe('grouping');
    expect(interrupted.steps[4]!.carry).toBeUndefined();
    const alone = agendaFormat([
      { kind: 'step', format: 'format-2', version: 1, stepId: 'grouping', minutes: 20 },
    ]);
    expect(alone.steps[0]!.carry).toBeUndefined();
  });

  it('refuses a version or step its format does not have', () => {
    expect(() =>
      agendaFormat([{ kind: 'step', format: 'format-2', version: 99, stepId: 'challenge', minutes: 5 }]),
    ).toThrow(/v99/);
    expect(() =>
      agendaFormat([{ kind: 'step', format: 'format-2', version: 1, stepId: 'nope', minutes: 5 }]),
    ).toThrow(/nope/);
  });

  it('lays the composed sheets out in one row, each format sheet exactly as in its own format', () => {
    const layout = layoutFormat(agendaFormat(meeting));
    const own = layoutFormat(format2);
    expect(layout.sheets.map((sheet) => sheet.x)).toEqual(
      [0, 1, 2, 3, 4].map((i) => i * (SHEET.w + SHEET.gap)),
    );
    expect(layout.sheets.every((sheet) => sheet.y === 0 && sheet.h === SHEET.h)).toBe(true);
    expect(layout.bounds.w).toBe(5 * SHEET.w + 4 * SHEET.gap);
    expect(layout.sheets[1]!.zones).toEqual(own.sheets[1]!.zones);
    // Format 2's third sheet, moved two places right (a break and the input stand before it).
    const dx = 2 * (SHEET.w + SHEET.gap);
    expect(layout.sheets[4]!.zones.map((zone) => shift(zone.body, -dx))).toEqual(
      own.sheets[2]!.zones.map((zone) => zone.body),
    );
    expect(layout.sheets[2]!.zones).toEqual([]);
    const input = layout.sheets[3]!;
    expect(input.zones).toHaveLength(1);
    expect(input.zones[0]!.y).toBeGreaterThan(input.instructionBox.y + input.instructionBox.h);
    expect(input.zones[0]!.y + input.zones[0]!.h).toBeLessThanOrEqual(input.y + input.h);
  });
});

describe('pinAgenda', () => {
  it('records today’s version of each step’s format and keeps own items as they are', () => {
    expect(
      pinAgenda([
        { kind: 'step', format: 'format-0', stepId: 'welcome', minutes: 30 },
        { kind: 'break', title: 'Obiad', minutes: 45 },
      ]),
    ).toEqual([
      { kind: 'step', format: 'format-0', version: format0.version, stepId: 'welcome', minutes: 30 },
      { kind: 'break', title: 'Obiad', minutes: 45 },
    ]);
  });
});

describe('boardFormatDefinition', () => {
  it('composes a board with an agenda and gives any other board the format it was made with', () => {
    expect(boardFormatDefinition({ format: 'format-2', agenda: meeting })?.id).toBe(AGENDA_FORMAT_ID);
    expect(boardFormatDefinition({ format: 'format-2' })).toBe(format2);
    expect(boardFormatDefinition({ format: 'format-2', agenda: null }, 1)).toBe(format2);
    expect(boardFormatDefinition({ format: 'format-2' }, 7)).toBe(format2);
    expect(boardFormatDefinition({ format: 'no-such-format' })).toBeUndefined();
  });
});
