import { z } from 'zod';
import type * as Y from 'yjs';
import { followSchema, summonSchema } from '../facilitation/follow';
import { boardSurveysStateSchema, NO_BOARD_SURVEYS, type BoardSurveysState } from '../networks/board-surveys';
import { observerAccessSchema } from '../facilitation/observer-access';
import { privateWritingStateSchema } from '../facilitation/private-writing';
import { raisedHandsSchema } from '../facilitation/raised-hands';
import { roomPageSchema } from '../facilitation/room-page';
import { STOPPED_TIMER, timerStateSchema } from '../facilitation/timer';
import { votingStateSchema } from '../facilitation/voting';

/**
 * The `control` document: the state of the meeting that only the facilitator/expert pair may
 * change ([P2]). It is one Y.Map named `control`; each key holds a plain JSON value, replaced as a
 * whole, so readers validate each key on its own and one bad value never hides the others.
 */
export const CONTROL_MAP = 'control';

/** One observer following the stream ([P7]): who, not where they look. */
export const watcherSchema = z.object({
  id: z.string().min(1).max(80),
  name: z.string().max(200),
  city: z.string().max(200),
});
export type Watcher = z.infer<typeof watcherSchema>;
const MAX_WATCHERS = 1000;

/** Moves kept in the step log: a 9-hour meeting has a few dozen. */
const MAX_STEP_LOG = 500;

export const controlFormatSchema = z.object({
  /** `blank`, `format-0` … `format-3` */
  id: z.string().min(1),
  version: z.number().int().positive(),
});
export type ControlFormat = z.infer<typeof controlFormatSchema>;

export const controlStepSchema = z.object({
  index: z.number().int().min(0),
  id: z.string().min(1),
  /** When the group moved to this step (ms since epoch, the mover's clock): planned vs actual. */
  startedAt: z.number(),
});
export type ControlStep = z.infer<typeof controlStepSchema>;

/**
 * Every key of the control document with its schema. Keys marked "server" are written by the
 * server only, from checked HTTP requests (the timer's clock, votes, private notes, hands); the
 * others by the facilitator's or expert's client.
 */
export const setAsideSchema = z.object({
  /** How many records have been set aside in all, and when the last were. */
  count: z.number().int().min(0),
  lastAt: z.number(),
});
export type SetAside = z.infer<typeof setAsideSchema>;

const CONTROL_SCHEMAS = {
  format: controlFormatSchema, // server, at creation
  step: controlStepSchema,
  timer: timerStateSchema, // server
  voting: votingStateSchema, // server
  privateWriting: privateWritingStateSchema, // server
  hands: raisedHandsSchema, // server
  follow: followSchema,
  summon: summonSchema,
  /** Step ids whose sheets the facilitator has locked. */
  lockedSteps: z.array(z.string().min(1)),
  /** Whether sticky notes show their authors. */
  showAuthors: z.boolean(),
  /** Every move of the group (step, when), oldest first: the agenda's actual time per step. */
  stepLog: z.array(z.object({ stepId: z.string().min(1), startedAt: z.number() })).max(MAX_STEP_LOG),
  /** The room display's page, when what it shows does not fit its screen. */
  roomPage: roomPageSchema,
  /** Damaged records the server set aside when it loaded the board ([D6]), for the facilitator. */
  setAside: setAsideSchema, // server
  /** The pair's changes to which steps observers follow (observer-access.ts). */
  observerAccess: observerAccessSchema,
  /** The observers following the stream now, so the group sees who is watching. */
  watchers: z.array(watcherSchema).max(MAX_WATCHERS), // server
  /** The survey the pair asks the room to answer, and the one whose results the room sees. */
  boardSurveys: boardSurveysStateSchema, // server
} as const;

/** The keys the facilitator's and expert's clients write; every other key is the server's ([D4]). */
export const CLIENT_CONTROL_KEYS: ReadonlySet<string> = new Set([
  'step',
  'follow',
  'summon',
  'lockedSteps',
  'showAuthors',
  'stepLog',
  'roomPage',
  'observerAccess',
]);

/** Why `value` cannot be stored under `key` of the control document, or null. */
export function controlValueProblem(key: string, value: unknown): string | null {
  if (!Object.hasOwn(CONTROL_SCHEMAS, key)) return `unknown control key ${key.slice(0, 40)}`;
  const parsed = CONTROL_SCHEMAS[key as ControlKey].safeParse(value);
  return parsed.success ? null : `invalid ${key}: ${parsed.error.issues[0]?.message ?? 'wrong shape'}`;
}

type ControlSchemas = typeof CONTROL_SCHEMAS;
export type ControlKey = keyof ControlSchemas;
export type ControlValue<K extends ControlKey> = z.infer<ControlSchemas[K]>;

export function controlMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(CONTROL_MAP);
}

export interface ControlState {
  format: ControlFormat | null;
  step: ControlStep | null;
  timer: ControlValue<'timer'>;
  voting: ControlValue<'voting'> | null;
  privateWriting: ControlValue<'privateWriting'> | null;
  hands: ControlValue<'hands'>;
  follow: ControlValue<'follow'> | null;
  summon: ControlValue<'summon'> | null;
  lockedSteps: string[];
  showAuthors: boolean;
  stepLog: ControlValue<'stepLog'>;
  setAside: SetAside | null;
  roomPage: ControlValue<'roomPage'> | null;
  observerAccess: ControlValue<'observerAccess'>;
  watchers: Watcher[];
  boardSurveys: BoardSurveysState;
}

/** One key, validated; null when missing or malformed. */
export function readControlKey<K extends ControlKey>(doc: Y.Doc, key: K): ControlValue<K> | null {
  const parsed = CONTROL_SCHEMAS[key].safeParse(controlMap(doc).get(key));
  return parsed.success ? (parsed.data as ControlValue<K>) : null;
}

/** Reads the control document; a missing or malformed key reads as its default. */
export function readControlState(doc: Y.Doc): ControlState {
  return {
    format: readControlKey(doc, 'format'),
    step: readControlKey(doc, 'step'),
    timer: readControlKey(doc, 'timer') ?? STOPPED_TIMER,
    voting: readControlKey(doc, 'voting'),
    privateWriting: readControlKey(doc, 'privateWriting'),
    hands: readControlKey(doc, 'hands') ?? [],
    follow: readControlKey(doc, 'follow'),
    summon: readControlKey(doc, 'summon'),
    lockedSteps: readControlKey(doc, 'lockedSteps') ?? [],
    showAuthors: readControlKey(doc, 'showAuthors') ?? true,
    stepLog: readControlKey(doc, 'stepLog') ?? [],
    setAside: readControlKey(doc, 'setAside'),
    roomPage: readControlKey(doc, 'roomPage'),
    observerAccess: readControlKey(doc, 'observerAccess') ?? {},
    watchers: readControlKey(doc, 'watchers') ?? [],
    boardSurveys: readControlKey(doc, 'boardSurveys') ?? NO_BOARD_SURVEYS,
  };
}

/** Writes one key after validating it; throws on an invalid value (a bug, not user input). */
export function writeControlKey<K extends ControlKey>(doc: Y.Doc, key: K, value: ControlValue<K>): void {
  controlMap(doc).set(key, CONTROL_SCHEMAS[key].parse(value));
}

export function writeFormat(doc: Y.Doc, format: ControlFormat): void {
  writeControlKey(doc, 'format', format);
}

export function writeStep(doc: Y.Doc, step: ControlStep): void {
  writeControlKey(doc, 'step', step);
}

/** Moves the group to a step and logs the move, in one transaction. */
export function moveToStep(doc: Y.Doc, step: ControlStep): void {
  doc.transact(() => {
    writeStep(doc, step);
    const log = readControlKey(doc, 'stepLog') ?? [];
    writeControlKey(
      doc,
      'stepLog',
      [...log, { stepId: step.id, startedAt: step.startedAt }].slice(-MAX_STEP_LOG),
    );
  });
}
