import type { Agenda, BoardAgenda, BoardAgendaItem } from '@empiria/shared';
import { t } from '../definitions/common';
import type { FormatDefinition } from '../format-definition';
import { getFormat } from '../formats';
import type { Step } from '../step';
import { ownItemStep } from './own-item-steps';

/** The id a composed board's control document names its format by; its steps come from the board's agenda. */
export const AGENDA_FORMAT_ID = 'agenda';
export const AGENDA_FORMAT_VERSION = 1;

/**
 * Pins a meeting's agenda to today's formats: each step item records the version of its format
 * its step is taken from, so that a later version of a format never changes a board made before
 * it (D16). Throws for a step its format does not have: the meeting service checks steps first.
 */
export function pinAgenda(agenda: Agenda): BoardAgenda {
  return agenda.map((item): BoardAgendaItem => {
    if (item.kind !== 'step') return { kind: item.kind, title: item.title, minutes: item.minutes };
    const format = getFormat(item.format);
    if (!format?.steps.some((step) => step.id === item.stepId)) {
      throw new Error(`${item.format} has no step "${item.stepId}"`);
    }
    return { ...item, version: format.version };
  });
}

/**
 * A meeting board's format: the agenda's items in the agenda's order, one sheet each, with the
 * agenda's minutes. A format step is its format's step (pinned version), the facilitator's own
 * items get sheets of their own (`ownItemStep`). Pure and deterministic, so the server's template
 * and guard and every client compose the same steps from the same agenda.
 *
 * Step ids stay unique: a step's own id, or its kind's for an own item, with `-2`, `-3`… when the
 * agenda already has it (a step run twice, two formats sharing an id, two breaks).
 *
 * A step that starts from the previous sheet (`carry`) keeps that only when the sheet before it
 * in the agenda is the one its format puts before it: after a break or another format's step the
 * previous sheet holds something else, and the facilitator carries by hand if at all.
 */
export function agendaFormat(agenda: BoardAgenda): FormatDefinition {
  const used = new Set<string>();
  const uniqueId = (base: string) => {
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  };

  let previous: { format: string; version: number; stepId: string } | null = null;
  const steps = agenda.map((item): Step => {
    if (item.kind !== 'step') {
      previous = null;
      return ownItemStep(item.kind, uniqueId(item.kind), item.title, item.minutes);
    }
    const format = getFormat(item.format, item.version);
    const index = format?.steps.findIndex((step) => step.id === item.stepId) ?? -1;
    const source = format?.steps[index];
    if (!format || !source) throw new Error(`${item.format} v${item.version} has no step "${item.stepId}"`);
    const before = format.steps[index - 1];
    const followsItsOwn =
      previous !== null &&
      before !== undefined &&
      previous.format === item.format &&
      previous.version === item.version &&
      previous.stepId === before.id;
    previous = { format: item.format, version: item.version, stepId: item.stepId };
    const { carry, ...rest } = source;
    return {
      ...rest,
      ...(carry && followsItsOwn ? { carry } : {}),
      id: uniqueId(source.id),
      minutes: item.minutes,
    };
  });

  return {
    id: AGENDA_FORMAT_ID,
    version: AGENDA_FORMAT_VERSION,
    name: t('Program spotkania', 'Meeting agenda'),
    goal: t(
      'Spotkanie sieci według jego programu: kroki formatów i punkty prowadzących, w ustalonej kolejności.',
      'A network meeting by its agenda: the formats’ steps and the facilitators’ own items, in the agreed order.',
    ),
    result: t(
      'To, co grupa wypracuje w kolejnych punktach programu.',
      'What the group works out in the agenda’s items.',
    ),
    whenToUse: t(
      'Tablica spotkania sieci, utworzona z programu spotkania.',
      'A network meeting’s board, made from the meeting’s agenda.',
    ),
    steps,
  };
}

/** What a board says about its format: the format it was made with, and a meeting's agenda. */
export interface BoardFormatSource {
  format: string;
  agenda?: BoardAgenda | null | undefined;
}

/**
 * The one answer to "which format does this board follow" (D16): a meeting's board follows its
 * agenda, any other board the format it was made with — `version` when the board recorded one,
 * else the current version. Undefined for a format nobody knows.
 */
export function boardFormatDefinition(
  board: BoardFormatSource,
  version?: number,
): FormatDefinition | undefined {
  if (board.agenda && board.agenda.length > 0) return agendaFormat(board.agenda);
  return (version !== undefined ? getFormat(board.format, version) : undefined) ?? getFormat(board.format);
}
