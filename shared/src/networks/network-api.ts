import { z } from 'zod';
import { cityNameSchema, personNameSchema } from '../identity';
import { locationSchema } from '../api';
import { meetingModeSchema } from '../summary/summary-document';
import { agendaSchema, agendaItemSchema } from './agenda';

/**
 * The networks API (docs/api.md, "Networks"): a network of cities that meets about once a quarter
 * for one to two years, its member cities, its people and its meetings. Every body and answer
 * crossing the network is one of these schemas; the types are inferred from them.
 */

/** Ids the server makes (random base64url); anything else in a path is "no such …". */
export const entityIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'not an id');

/**
 * How a city belongs to a network (vademecum II.1): cities of the Local Development Programme —
 * its laureates and the finalists of its second stage — and 1–2 "leaders of change", ZMP cities
 * that bring a good practice, form the core; observer cities do not.
 */
export const MEMBERSHIP_TYPES = [
  'programme-laureate',
  'programme-finalist',
  'leader-of-change',
  'observer',
] as const;
export const membershipTypeSchema = z.enum(MEMBERSHIP_TYPES);
export type MembershipType = z.infer<typeof membershipTypeSchema>;

export function isCoreMembership(type: MembershipType): boolean {
  return type !== 'observer';
}

/**
 * A person's role in one network: the facilitator–expert pair (more experts allowed), the
 * organiser, a city's permanent representative (2–3 per city) or one of its substitutes.
 */
export const NETWORK_ROLES = ['facilitator', 'expert', 'organiser', 'representative', 'substitute'] as const;
export const networkRoleSchema = z.enum(NETWORK_ROLES);
export type NetworkRole = z.infer<typeof networkRoleSchema>;

/**
 * Whether a network person speaks for an observer city (or for no member city): they follow the
 * network as the vademecum gives observers (II.1) — the open parts, what the group shared —
 * and none of the core's work (the plan, office hours, the board's working parts).
 */
export function speaksForObserverCity(role: NetworkRole, membership: MembershipType | null): boolean {
  return (
    (role === 'representative' || role === 'substitute') &&
    (membership === null || !isCoreMembership(membership))
  );
}

/** Roles that speak for a member city, so their city must be a member of the network. */
export function representsCity(role: NetworkRole): boolean {
  return role === 'representative' || role === 'substitute';
}

/** The vademecum's 2–3 permanent representatives per city. */
export const MIN_REPRESENTATIVES = 2;
export const MAX_REPRESENTATIVES = 3;

export const emailSchema = z.string().trim().max(200).pipe(z.email('not an e-mail address'));

const networkNameSchema = z.string().trim().min(1, 'name is required').max(200);
const themeSchema = z.string().trim().min(1, 'theme is required').max(200);
const descriptionSchema = z.string().trim().max(4000);

/** One of the people who run the network, given when it is created. */
export const staffInputSchema = z.object({
  name: personNameSchema,
  email: emailSchema.optional(),
  city: cityNameSchema.optional(),
});
export type StaffInput = z.input<typeof staffInputSchema>;

/** POST /api/networks (the office): only `name` and `theme` are required. */
export const createNetworkRequestSchema = z.object({
  name: networkNameSchema,
  theme: themeSchema,
  description: descriptionSchema.default(''),
  facilitator: staffInputSchema.optional(),
  experts: z.array(staffInputSchema).max(10).default([]),
  organiser: staffInputSchema.optional(),
});
export type CreateNetworkRequest = z.input<typeof createNetworkRequestSchema>;

/** PATCH /api/networks/:id: the network's own fields. */
export const updateNetworkRequestSchema = z
  .object({ name: networkNameSchema, theme: themeSchema, description: descriptionSchema })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to change');
export type UpdateNetworkRequest = z.input<typeof updateNetworkRequestSchema>;

export const createdResponseSchema = z.object({ id: entityIdSchema });
export type CreatedResponse = z.infer<typeof createdResponseSchema>;

export const networkInfoSchema = z.object({
  id: entityIdSchema,
  name: z.string(),
  theme: z.string(),
  description: z.string(),
  createdAt: z.iso.datetime(),
});
export type NetworkInfo = z.infer<typeof networkInfoSchema>;

/** POST /api/networks/:id/members: a city (found by name, or added to the city list) joins. */
export const addMemberRequestSchema = z.object({
  city: cityNameSchema,
  membership: membershipTypeSchema,
});
export type AddMemberRequest = z.input<typeof addMemberRequestSchema>;

export const updateMemberRequestSchema = z.object({ membership: membershipTypeSchema });
export type UpdateMemberRequest = z.input<typeof updateMemberRequestSchema>;

export const memberCitySchema = z.object({
  cityId: entityIdSchema,
  city: z.string(),
  membership: membershipTypeSchema,
  joinedAt: z.iso.datetime(),
  /** Permanent representatives now; fewer than MIN_REPRESENTATIVES is shown as short. */
  representatives: z.number().int(),
  substitutes: z.number().int(),
});
export type MemberCity = z.infer<typeof memberCitySchema>;

/**
 * POST /api/networks/:id/people. A person with an e-mail the server already knows (from another
 * network) is that person, in one more network; without an e-mail it is always a new person.
 */
export const addPersonRequestSchema = z.object({
  name: personNameSchema,
  email: emailSchema.optional(),
  /** Required for representatives and substitutes: a member city's name. */
  city: cityNameSchema.optional(),
  role: networkRoleSchema,
});
export type AddPersonRequest = z.input<typeof addPersonRequestSchema>;

export const updatePersonRequestSchema = z
  .object({
    name: personNameSchema,
    email: emailSchema.nullable(),
    city: cityNameSchema.nullable(),
    role: networkRoleSchema,
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to change');
export type UpdatePersonRequest = z.input<typeof updatePersonRequestSchema>;

export const networkPersonSchema = z.object({
  id: entityIdSchema,
  name: z.string(),
  email: z.string().nullable(),
  city: z.string().nullable(),
  role: networkRoleSchema,
  /** The person's personal link; only those who hand links out (the office, the pair) see it. */
  link: z.url().nullable(),
});
export type NetworkPerson = z.infer<typeof networkPersonSchema>;

/** POST /api/networks/:id/people/:personId/link: the old link stops working, this is the new one. */
export const personalLinkResponseSchema = z.object({ personId: entityIdSchema, link: z.url() });
export type PersonalLinkResponse = z.infer<typeof personalLinkResponseSchema>;

/** A wall-clock time in Europe/Warsaw, to the minute: `2027-03-15T10:00`. */
export const localDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'a local time like 2027-03-15T10:00')
  .refine((value) => {
    const date = new Date(`${value}:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 16) === value;
  }, 'not a real date and time');

const placeFields = {
  /** The member city hosting an in-person or hybrid meeting (by name). */
  hostCity: cityNameSchema.nullable(),
  /** Address or building. */
  venue: z.string().trim().max(300),
  room: z.string().trim().max(200),
  cateringNotes: z.string().trim().max(2000),
};

/** POST /api/networks/:id/meetings. The agenda's first format makes the board's template. */
export const createMeetingRequestSchema = z.object({
  title: z.string().trim().min(1, 'title is required').max(200),
  startsAt: localDateTimeSchema,
  mode: meetingModeSchema,
  hostCity: placeFields.hostCity.default(null),
  venue: placeFields.venue.default(''),
  room: placeFields.room.default(''),
  cateringNotes: placeFields.cateringNotes.default(''),
  agenda: z.array(agendaItemSchema).max(60),
  /** Who is invited; absent: every representative of every member city and the people who run it. */
  invitees: z.array(entityIdSchema).max(200).optional(),
});
export type CreateMeetingRequest = z.input<typeof createMeetingRequestSchema>;

/** The fields the organiser may change (II.1/III.1): where the meeting happens and how. */
export const PRACTICAL_MEETING_FIELDS = ['hostCity', 'venue', 'room', 'cateringNotes'] as const;

export const updateMeetingRequestSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    startsAt: localDateTimeSchema,
    mode: meetingModeSchema,
    ...placeFields,
    agenda: z.array(agendaItemSchema).max(60),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to change');
export type UpdateMeetingRequest = z.input<typeof updateMeetingRequestSchema>;
export type MeetingField = keyof z.infer<typeof updateMeetingRequestSchema>;

export const meetingSchema = z.object({
  id: entityIdSchema,
  networkId: entityIdSchema,
  boardId: z.string(),
  title: z.string(),
  startsAt: localDateTimeSchema,
  endsAt: localDateTimeSchema,
  timeZone: z.literal('Europe/Warsaw'),
  mode: meetingModeSchema,
  hostCity: z.string().nullable(),
  venue: z.string(),
  room: z.string(),
  cateringNotes: z.string(),
  agenda: agendaSchema,
  /** Whether the board's summary note has an approved version. */
  noteApproved: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const createMeetingResponseSchema = z.object({
  id: entityIdSchema,
  boardId: z.string(),
  meeting: meetingSchema,
});
export type CreateMeetingResponse = z.infer<typeof createMeetingResponseSchema>;

/** The vademecum's member city that hosted least often (in-person meetings rotate). */
export const hostSuggestionSchema = z.object({
  city: z.string().nullable(),
  hosted: z.number().int(),
});
export type HostSuggestion = z.infer<typeof hostSuggestionSchema>;

export const networkDetailSchema = z.object({
  network: networkInfoSchema,
  members: z.array(memberCitySchema),
  people: z.array(networkPersonSchema),
  meetings: z.array(meetingSchema),
});
export type NetworkDetail = z.infer<typeof networkDetailSchema>;

export const networkSummarySchema = networkInfoSchema.extend({
  members: z.number().int(),
  people: z.number().int(),
  meetings: z.number().int(),
});
export type NetworkSummary = z.infer<typeof networkSummarySchema>;

export const networkListResponseSchema = z.object({ networks: z.array(networkSummarySchema) });
export type NetworkListResponse = z.infer<typeof networkListResponseSchema>;

/** An invitee's answer (III.1): in the room, online, or not at all — then naming a substitute. */
export const INVITATION_ANSWERS = ['in-person', 'online', 'cannot-come'] as const;
export const invitationAnswerSchema = z.enum(INVITATION_ANSWERS);
export type InvitationAnswer = z.infer<typeof invitationAnswerSchema>;

export const answerInvitationRequestSchema = z
  .object({
    answer: invitationAnswerSchema,
    /** With `cannot-come`: a person of the same city in this network who comes instead. */
    substituteId: entityIdSchema.nullable().default(null),
  })
  .refine((body) => body.answer === 'cannot-come' || body.substituteId === null, {
    message: 'only someone who cannot come names a substitute',
    path: ['substituteId'],
  });
export type AnswerInvitationRequest = z.input<typeof answerInvitationRequestSchema>;

export const invitationSchema = z.object({
  personId: entityIdSchema,
  name: z.string(),
  city: z.string().nullable(),
  /** Null for someone who has left the network since (their past invitations stay). */
  role: networkRoleSchema.nullable(),
  answer: invitationAnswerSchema.nullable(),
  substituteId: entityIdSchema.nullable(),
  /** Set when this person was invited as someone's substitute. */
  substituteFor: entityIdSchema.nullable(),
  answeredAt: z.iso.datetime().nullable(),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const invitationListResponseSchema = z.object({ invitations: z.array(invitationSchema) });
export type InvitationListResponse = z.infer<typeof invitationListResponseSchema>;

export const addInviteeRequestSchema = z.object({ personId: entityIdSchema });

/** GET /api/me with a personal link: the person's home in the link's network. */
export const homeMeetingSchema = meetingSchema
  .pick({
    id: true,
    boardId: true,
    title: true,
    startsAt: true,
    endsAt: true,
    timeZone: true,
    mode: true,
    hostCity: true,
    venue: true,
    room: true,
    agenda: true,
    noteApproved: true,
  })
  .extend({
    /** This person's answer, when they are invited. */
    invited: z.boolean(),
    answer: invitationAnswerSchema.nullable(),
  });
export type HomeMeeting = z.infer<typeof homeMeetingSchema>;

export const homeNetworkSchema = z.object({
  network: networkInfoSchema,
  role: networkRoleSchema,
  membership: membershipTypeSchema.nullable(),
  nextMeeting: homeMeetingSchema.nullable(),
  /** Newest first. */
  pastMeetings: z.array(homeMeetingSchema),
});
export type HomeNetwork = z.infer<typeof homeNetworkSchema>;

export const homeResponseSchema = z.object({
  person: z.object({
    id: entityIdSchema,
    name: z.string(),
    city: z.string().nullable(),
    email: z.string().nullable(),
  }),
  /** The networks this link opens: one link per person and network, so one network. */
  networks: z.array(homeNetworkSchema),
});
export type HomeResponse = z.infer<typeof homeResponseSchema>;

/** Codes of the networks' refusals, beside the API's shared ones. */
export const NETWORK_ERROR_CODES = {
  alreadyMember: 'already_member',
  cityNotMember: 'city_not_member',
  cityRequired: 'city_required',
  cityHasPeople: 'city_has_people',
  tooManyRepresentatives: 'too_many_representatives',
  roleTaken: 'role_taken',
  alreadyInNetwork: 'already_in_network',
  emailTaken: 'email_taken',
  sharedPerson: 'shared_person',
  emptyAgenda: 'empty_agenda',
  unknownStep: 'unknown_step',
  notInNetwork: 'not_in_network',
  notInvited: 'not_invited',
  alreadyInvited: 'already_invited',
  badSubstitute: 'bad_substitute',
  hostNotMember: 'host_not_member',
  onlineHasNoHost: 'online_has_no_host',
  fieldNotAllowed: 'field_not_allowed',
  /** The agenda changes no more once someone has joined the meeting's board (D16). */
  boardInUse: 'board_in_use',
} as const;
export type NetworkErrorCode = (typeof NETWORK_ERROR_CODES)[keyof typeof NETWORK_ERROR_CODES];

/**
 * POST /api/me/meetings/:meetingId/join: a person enters a meeting's board with their personal
 * link, no form ([N12]). `where` absent: taken from their invitation answer (in the room / online).
 * The answer is a `JoinResponse`, exactly as POST /api/boards/:id/join gives it.
 */
export const homeJoinRequestSchema = z.object({ where: locationSchema.nullable().optional() });
export type HomeJoinRequest = z.input<typeof homeJoinRequestSchema>;

/** GET /api/me/meetings/:meetingId/notes?format=…: the approved note only, in one of these. */
export const HOME_NOTES_FORMATS = ['html', 'md', 'docx'] as const;
export const homeNotesFormatSchema = z.enum(HOME_NOTES_FORMATS);

/** Codes of the refusals of a person's home routes, beside the networks' ones. */
export const HOME_ERROR_CODES = {
  /** The meeting belongs to a network this personal link is not of ([N5]). */
  otherNetwork: 'other_network',
  /** The person is neither invited to the meeting nor one of the pair ([N12]). */
  notInvited: 'not_invited',
  /** The meeting's note has no approved version yet: a draft is read on the board, not at home. */
  notApproved: 'not_approved',
} as const;

/**
 * GET /api/me/meetings/:meetingId/substitutes: who may come instead of the caller ([N10]) — the
 * other representatives and substitutes of their city in this network, by name only (no e-mail,
 * no link: a representative does not list the network's people, [N3]).
 */
export const homeSubstituteSchema = z.object({ id: entityIdSchema, name: z.string() });
export type HomeSubstitute = z.infer<typeof homeSubstituteSchema>;

export const homeSubstitutesResponseSchema = z.object({
  substitutes: z.array(homeSubstituteSchema),
  /** The substitute the caller's answer names now; null when none. */
  chosen: homeSubstituteSchema.nullable(),
  /** Whom the caller comes instead of, when they were invited as someone's substitute. */
  standingInFor: homeSubstituteSchema.nullable(),
});
export type HomeSubstitutesResponse = z.infer<typeof homeSubstitutesResponseSchema>;

/**
 * The one-item envelopes of the networks' endpoints (docs/api.md, "Networks"): what a change
 * answers with, typed by the server and parsed by the client.
 */
export const networkResponseSchema = z.object({ network: networkInfoSchema });
export type NetworkResponse = z.infer<typeof networkResponseSchema>;
export const memberCityResponseSchema = z.object({ member: memberCitySchema });
export type MemberCityResponse = z.infer<typeof memberCityResponseSchema>;
export const networkPersonResponseSchema = z.object({ person: networkPersonSchema });
export type NetworkPersonResponse = z.infer<typeof networkPersonResponseSchema>;
export const meetingResponseSchema = z.object({ meeting: meetingSchema });
export type MeetingResponse = z.infer<typeof meetingResponseSchema>;
export const invitationResponseSchema = z.object({ invitation: invitationSchema });
export type InvitationResponse = z.infer<typeof invitationResponseSchema>;
