import { z } from 'zod';
import { cityNameSchema, personNameSchema } from '../identity';
import { READ_ONLY_ROLES } from '../roles';
import type { MeetingMode } from '../summary/summary-document';
import {
  invitationAnswerSchema,
  networkRoleSchema,
  type InvitationAnswer,
  type NetworkRole,
} from './network-api';
import { foldText } from './text-folding';

/**
 * A meeting's attendance list as the organiser keeps it (vademecum III.1; issue #12 item 4;
 * docs/permissions.md [N18]–[N19]). It starts from the invitation answers and from who joined the
 * meeting's board; the organiser (the pair, the office) marks each person in the room, online or
 * absent, and adds people who came unannounced: a substitute of a member city, or an outside guest
 * by name and institution. A mark wins over the evidence for that person; a person without a mark
 * keeps what the evidence says ([N14]). Pure: the server gathers the evidence, this decides.
 */

/** What the organiser marks. */
export const ATTENDANCE_STATUSES = ['room', 'online', 'absent'] as const;
export const attendanceStatusSchema = z.enum(ATTENDANCE_STATUSES);
export type AttendanceStatus = z.infer<typeof attendanceStatusSchema>;

/** Whether and where someone was, as the list concludes: `present` is "came, place unknown". */
export const ATTENDED_VALUES = ['room', 'online', 'present'] as const;
export const attendedSchema = z.enum(ATTENDED_VALUES);
export type Attended = z.infer<typeof attendedSchema>;

/** Someone unannounced: a member city's substitute, or an outside guest. */
export const WALK_IN_KINDS = ['substitute', 'guest'] as const;
export const walkInKindSchema = z.enum(WALK_IN_KINDS);
export type WalkInKind = z.infer<typeof walkInKindSchema>;

const idPart = /[A-Za-z0-9_-]{1,64}/.source;
/**
 * One entry of the list: `person:<network person id>` for an invitee, `board:<board person id>` for
 * someone who joined the board without an invitation, `walk-in:<id>` for someone added by hand.
 */
export const attendanceEntryKeySchema = z
  .string()
  .regex(new RegExp(`^(person|board|walk-in):${idPart}$`), 'not an entry of the attendance list');
export type AttendanceEntryKey = z.infer<typeof attendanceEntryKeySchema>;

export const attendanceEntrySchema = z.object({
  key: attendanceEntryKeySchema,
  source: z.enum(['invited', 'joined', 'walk-in']),
  name: z.string(),
  /** A member city's name, the city a board joiner typed, or null (the pair, an outside guest). */
  city: z.string().nullable(),
  /** An outside guest's institution. */
  institution: z.string().nullable(),
  /** The invitee's network role (null: left the network since); for joiners their board role. */
  role: z.union([networkRoleSchema, z.string()]).nullable(),
  walkIn: walkInKindSchema.nullable(),
  /** One of an observer city's people: on the list, but an observer in the meeting's record. */
  observer: z.boolean(),
  /** The invitee's answer. */
  answer: invitationAnswerSchema.nullable(),
  /** Where they joined the board from (`unknown`: a join that said nowhere); null: did not join. */
  joined: z.enum(['room', 'online', 'unknown']).nullable(),
  /** The organiser's mark; null: not marked (the evidence stands). */
  mark: attendanceStatusSchema.nullable(),
  /** What the list concludes: the mark, else the evidence; null: absent, or no sign of them. */
  attended: attendedSchema.nullable(),
});
export type AttendanceEntry = z.infer<typeof attendanceEntrySchema>;

export const attendanceListResponseSchema = z.object({
  meetingId: z.string(),
  /** True once anyone is marked or added: the meeting's record and the archive then read the list. */
  kept: z.boolean(),
  /** Whether the pair let the organiser edit this meeting's invitee list and send its invitations ([N18]). */
  organiserMayInvite: z.boolean(),
  entries: z.array(attendanceEntrySchema),
});
export type AttendanceListResponse = z.infer<typeof attendanceListResponseSchema>;

/** PUT …/attendance/marks: mark one entry (`status: null` clears the mark of an invitee or joiner). */
export const markAttendanceRequestSchema = z.object({
  entry: attendanceEntryKeySchema,
  status: attendanceStatusSchema.nullable(),
});
export type MarkAttendanceRequest = z.input<typeof markAttendanceRequestSchema>;

/** POST …/attendance/walk-ins: a substitute names their member city; a guest their institution. */
export const addWalkInRequestSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('substitute'),
    name: personNameSchema,
    city: cityNameSchema,
    status: z.enum(['room', 'online']),
  }),
  z.object({
    kind: z.literal('guest'),
    name: personNameSchema,
    institution: z.string().trim().min(1, 'institution is required').max(80),
    status: z.enum(['room', 'online']),
  }),
]);
export type AddWalkInRequest = z.input<typeof addWalkInRequestSchema>;

/** PUT …/organiser-grant: the pair lets the organiser invite for this meeting, or takes it back. */
export const organiserGrantRequestSchema = z.object({ organiserMayInvite: z.boolean() });
export type OrganiserGrantRequest = z.input<typeof organiserGrantRequestSchema>;
export const organiserGrantResponseSchema = organiserGrantRequestSchema;

/** Codes of the attendance list's refusals. */
export const ATTENDANCE_ERROR_CODES = {
  /** The entry is not on this meeting's list (no such invitee, joiner or walk-in). */
  notOnList: 'not_on_list',
  /** Someone added by hand is on the list only as present: remove them instead of clearing. */
  walkInNeedsStatus: 'walk_in_needs_status',
} as const;
export type AttendanceErrorCode = (typeof ATTENDANCE_ERROR_CODES)[keyof typeof ATTENDANCE_ERROR_CODES];

/** The evidence and marks the list is made of, as the server reads them. */
export interface AttendanceListInput {
  mode: MeetingMode;
  invitations: readonly {
    personId: string;
    name: string;
    city: string | null;
    role: NetworkRole | null;
    answer: InvitationAnswer | null;
    /** Of an observer city: watches the open parts, not a working participant. */
    observer: boolean;
  }[];
  /** Who joined the meeting's board (one entry per board person). */
  joined: readonly {
    boardPersonId: string;
    name: string;
    city: string;
    role: string;
    where: 'room' | 'online' | null;
  }[];
  marks: readonly { key: string; status: AttendanceStatus }[];
  walkIns: readonly {
    id: string;
    kind: WalkInKind;
    name: string;
    city: string | null;
    institution: string | null;
    status: 'room' | 'online';
  }[];
}

const fold = (text: string) => foldText(text).replace(/\s+/g, ' ').trim();

/**
 * A board join belongs to an invitee with the same name (folded) and, when the invitee has a city,
 * the same city: the people who run a network have none, and join under the network's name.
 */
function samePerson(invitee: { name: string; city: string | null }, joiner: { name: string; city: string }) {
  return (
    fold(invitee.name) === fold(joiner.name) &&
    (invitee.city === null || fold(invitee.city) === fold(joiner.city))
  );
}

/** The evidence's conclusion ([N14], per person): the room wins, then online, then "came". */
function concluded(places: readonly ('room' | 'online' | 'unknown')[], mode: MeetingMode): Attended | null {
  if (places.includes('room')) return 'room';
  if (places.includes('online')) return 'online';
  if (places.length > 0) return mode === 'online' ? 'online' : 'present';
  return null;
}

function fromMark(mark: AttendanceStatus): Attended | null {
  return mark === 'absent' ? null : mark;
}

/** Where the board saw someone: the room wins over online; a join that said nowhere is `unknown`. */
function joinedPlace(places: readonly ('room' | 'online' | 'unknown')[]): AttendanceEntry['joined'] {
  if (places.length === 0) return null;
  if (places.includes('room')) return 'room';
  return places.includes('online') ? 'online' : 'unknown';
}

const answerPlace = (answer: InvitationAnswer | null): 'room' | 'online' | null =>
  answer === 'in-person' ? 'room' : answer === 'online' ? 'online' : null;

/**
 * The list: invitees in invitation order, then people who joined the board uninvited (observers
 * and the room display are not attendees), then those added by hand.
 */
export function attendanceList(input: AttendanceListInput): AttendanceEntry[] {
  const marks = new Map(input.marks.map((mark) => [mark.key, mark.status]));
  const readOnly: readonly string[] = READ_ONLY_ROLES;
  const joiners = input.joined.filter((joiner) => !readOnly.includes(joiner.role));
  const claimed = new Set<string>();

  const invited = input.invitations.map((invitation): AttendanceEntry => {
    const key = `person:${invitation.personId}`;
    const joins = joiners.filter((joiner) => samePerson(invitation, joiner));
    for (const join of joins) claimed.add(join.boardPersonId);
    const joinPlaces = joins.map((join) => join.where ?? 'unknown');
    const answered = answerPlace(invitation.answer);
    const mark = marks.get(key) ?? null;
    return {
      key,
      source: 'invited',
      name: invitation.name,
      city: invitation.city,
      institution: null,
      role: invitation.role,
      walkIn: null,
      answer: invitation.answer,
      observer: invitation.observer,
      joined: joinedPlace(joinPlaces),
      mark,
      attended:
        mark !== null
          ? fromMark(mark)
          : concluded([...(answered ? [answered] : []), ...joinPlaces], input.mode),
    };
  });

  const uninvited = joiners
    .filter((joiner) => !claimed.has(joiner.boardPersonId))
    .map((joiner): AttendanceEntry => {
      const key = `board:${joiner.boardPersonId}`;
      const mark = marks.get(key) ?? null;
      return {
        key,
        source: 'joined',
        name: joiner.name,
        city: joiner.city,
        institution: null,
        role: joiner.role,
        walkIn: null,
        observer: false,
        answer: null,
        joined: joiner.where ?? 'unknown',
        mark,
        attended: mark !== null ? fromMark(mark) : concluded([joiner.where ?? 'unknown'], input.mode),
      };
    });

  const walkIns = input.walkIns.map((walkIn): AttendanceEntry => ({
    key: `walk-in:${walkIn.id}`,
    source: 'walk-in',
    name: walkIn.name,
    city: walkIn.city,
    institution: walkIn.institution,
    role: null,
    walkIn: walkIn.kind,
    observer: false,
    answer: null,
    joined: null,
    mark: walkIn.status,
    attended: walkIn.status,
  }));

  return [...invited, ...uninvited, ...walkIns];
}

/**
 * A kept list exists once the organiser marked or added anyone still on it: the mark of someone
 * uninvited since (and gone from the board's people) keeps nothing.
 */
export function isKept(input: AttendanceListInput): boolean {
  return input.walkIns.length > 0 || attendanceList(input).some((entry) => entry.mark !== null);
}

/** Who attended, for the meeting's record: one attendee per present entry. */
export interface ListedAttendee {
  key: string;
  name: string;
  /** The attendee's city; an outside guest's institution; the network's name for the pair. */
  city: string;
  /** The board role the record lists them under. */
  role: string;
  where: 'room' | 'online' | null;
}

/** The board role of an entry, as the meeting's record names roles. */
function recordRole(entry: AttendanceEntry): string {
  if (entry.walkIn === 'guest') return 'guest';
  if (entry.walkIn === 'substitute') return 'participant';
  if (entry.source === 'joined') return entry.role ?? 'participant';
  if (entry.observer) return 'observer';
  switch (entry.role) {
    case 'facilitator':
    case 'expert':
    case 'organiser':
      return entry.role;
    default:
      return 'participant';
  }
}

/** The present entries as attendees of the record; `networkName` stands for a city the pair has not. */
export function attendeesOf(entries: readonly AttendanceEntry[], networkName: string): ListedAttendee[] {
  return entries
    .filter((entry) => entry.attended !== null)
    .map((entry) => ({
      key: entry.key,
      name: entry.name,
      city: (entry.city ?? entry.institution ?? networkName).slice(0, 80),
      role: recordRole(entry),
      where: entry.attended === 'present' ? null : (entry.attended as 'room' | 'online'),
    }));
}
